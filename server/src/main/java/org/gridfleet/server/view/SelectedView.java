package org.gridfleet.server.view;

import java.time.Instant;

/**
 * The selected plan ({@code GET /api/plans/selected}, and the answer to a selection).
 *
 * @param candidate       the chosen candidate's name, null when the center runs a plan outside any candidates run
 * @param selectedBy      {@code rules 'default'} or {@code operator alice}
 * @param at              when it was chosen
 * @param overridesRules  the operator chose a plan the rules rejected
 * @param inForce         the plan the control center runs now, null without a center
 */
public record SelectedView(String candidate, String selectedBy, Instant at, String reason, boolean overridesRules, PlanInForce inForce) {
    /** The plan the center runs: its generator, status and horizon, and the re-plans since it started. */
    public record PlanInForce(String generator, String objective, String status, Instant start, Instant end, String step, int intervals,
                              int replans, String lastReplan) {}
}
