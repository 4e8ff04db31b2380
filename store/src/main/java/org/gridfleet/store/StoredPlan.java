package org.gridfleet.store;

import java.time.Instant;

/**
 * A saved plan without its JSON ({@link Store#planJson}, {@link Store#metricsJson} fetch that).
 *
 * @param objective    as {@code Objective.describe()} wrote it, e.g. {@code cost}
 * @param status       the status label: optimal, feasible, heuristic or infeasible
 * @param horizonStart the start of the plan's first interval
 * @param horizonEnd   the end of its last interval
 * @param hasMetrics   whether metrics were saved with it
 */
public record StoredPlan(String planId, String generator, String objective, String status, Instant horizonStart, Instant horizonEnd,
                         Instant createdAt, boolean hasMetrics) {}
