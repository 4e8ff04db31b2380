package org.gridfleet.plan.select;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridfleet.model.Profile;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.Objective;
import org.gridfleet.model.plan.ObjectiveKind;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.plan.candidates.Candidate;
import org.gridfleet.plan.evaluate.NetworkMetrics;
import org.gridfleet.plan.evaluate.PlanMetrics;
import org.gridfleet.plan.evaluate.ReliabilityMetrics;

/** Candidates with made-up figures, for selector tests: the selector reads figures only. */
final class Candidates {
    private static final TimeGrid GRID = new TimeGrid(Instant.parse("2026-11-23T00:00:00Z"), Duration.ofHours(1), 1);

    private Candidates() {}

    /** A candidate with these figures; {@code lolp} null: reliability not assessed; {@code networkViolations} null: network not assessed. */
    static Candidate candidate(String name, double totalCost, double co2Kg, double unservedKwh, Double lolp, Integer networkViolations) {
        DispatchPlan plan = new DispatchPlan("test", Objective.of(ObjectiveKind.COST), new PlanStatus.Heuristic(), GRID, List.of(),
                Profile.zeros(1), Profile.zeros(1));
        Optional<ReliabilityMetrics> reliability = Optional.ofNullable(lolp).map(p -> {
            var risk = new ReliabilityMetrics.Risk(p, new ReliabilityMetrics.Range(p, p), p, new ReliabilityMetrics.Range(p, p), 100 * p,
                    new ReliabilityMetrics.Range(100 * p, 100 * p));
            return new ReliabilityMetrics("monte-carlo", 2_000, 1, 0.95, Map.of(), risk, risk, Profile.of(1 - p));
        });
        Optional<NetworkMetrics> network = Optional.ofNullable(networkViolations).map(count -> {
            List<NetworkMetrics.Violation> violations = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                violations.add(new NetworkMetrics.Violation(0, NetworkMetrics.Violation.Kind.OVERLOAD, "L" + k, 1.2, 1.0));
            }
            return new NetworkMetrics(new NetworkMetrics.Limits(0.95, 1.05, 1.0), 1, 0, new NetworkMetrics.Extreme(0.97, "B2", 0),
                    new NetworkMetrics.Extreme(1.0, "B0", 0), new NetworkMetrics.Extreme(count > 0 ? 1.2 : 0.8, "L0", 0), 3.5, 3.5, violations);
        });
        PlanMetrics metrics = new PlanMetrics("USD", new PlanMetrics.Cost(totalCost, 0, 0, 0, 0, 0, totalCost, totalCost / 100),
                new PlanMetrics.Energy(Map.of(), Map.of(), 0, 0, 0, 0, co2Kg), new PlanMetrics.Service(100, 100 - unservedKwh, unservedKwh, 0, 0, 0),
                new PlanMetrics.Savings(0, 0, 0), network, reliability);
        return new Candidate(List.of(name), plan, metrics, 0.1, true, List.of());
    }
}
