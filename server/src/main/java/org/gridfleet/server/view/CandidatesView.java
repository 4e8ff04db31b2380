package org.gridfleet.server.view;

import java.util.List;

/**
 * The candidate plans of a run and the rules' verdicts ({@code GET /api/plans/candidates}).
 *
 * @param rules        the name of the rules file that judged them
 * @param rulesChose   the rules' choice, null when they rejected every plan
 * @param standing     the choice that stands now ({@code selection.json}), null when none was recorded
 */
public record CandidatesView(String problem, boolean hasNetwork, String rules, String rulesChose, String standing, List<Row> candidates) {
    /**
     * One candidate: its names, Pareto mark, figures and verdict. Money in {@code currency}.
     *
     * @param outcome       chosen, kept or rejected (by the rules)
     * @param lolp          loss-of-load probability of the devices (Monte Carlo), null when not assessed
     * @param eensKwh       expected energy not served by the devices, null when not assessed
     * @param networkViolations limits the plan breaks in an AC power flow, null without a network
     */
    public record Row(String name, List<String> names, String generator, String status, boolean pareto, List<String> dominatedBy,
                      String currency, double totalCost, double co2Kg, double unservedKwh, Double lolp, Double eensKwh,
                      Integer networkViolations, String outcome, int rule, String explanation) {}
}
