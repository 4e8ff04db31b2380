package org.gridfleet.grid;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.evaluate.NetworkAssessor;
import org.gridfleet.plan.evaluate.NetworkMetrics;
import org.gridfleet.plan.evaluate.NetworkMetrics.Extreme;
import org.gridfleet.plan.evaluate.NetworkMetrics.Violation;

/** Judges a plan's network: an AC power flow of every interval ({@link PlanPowerFlow}), held against {@link NetworkLimits}. */
public final class NetworkAssessment implements NetworkAssessor {
    private final NetworkLimits limits;

    public NetworkAssessment(NetworkLimits limits) {
        this.limits = requireNonNull(limits, "limits");
    }

    public NetworkAssessment() {
        this(NetworkLimits.DEFAULT);
    }

    @Override
    public NetworkMetrics assess(DispatchPlan plan, PlanningProblem problem) {
        return metrics(new PlanPowerFlow().run(problem, plan), problem.grid().stepHours());
    }

    /** The metrics of power flows already run, intervals {@code stepHours} long. */
    public NetworkMetrics metrics(List<PlanPowerFlow.IntervalFlow> flows, double stepHours) {
        Extreme minV = Extreme.NONE;
        Extreme maxV = Extreme.NONE;
        Extreme worst = Extreme.NONE;
        double lossesKwh = 0;
        double peakLossesKw = 0;
        int notConverged = 0;
        List<Violation> violations = new ArrayList<>();
        for (PlanPowerFlow.IntervalFlow flow : flows) {
            int k = flow.interval();
            if (flow.outcome() instanceof PowerFlowOutcome.NotConverged nc) {
                notConverged++;
                violations.add(new Violation(k, Violation.Kind.NOT_CONVERGED, nc.status(), Double.NaN, Double.NaN));
                continue;
            }
            var solution = ((PowerFlowOutcome.Converged) flow.outcome()).solution();
            for (var bus : solution.buses()) {
                double v = bus.voltagePu();
                if (Double.isNaN(minV.value()) || v < minV.value()) minV = new Extreme(v, bus.id(), k);
                if (Double.isNaN(maxV.value()) || v > maxV.value()) maxV = new Extreme(v, bus.id(), k);
                if (v < limits.minVoltagePu()) {
                    violations.add(new Violation(k, Violation.Kind.UNDERVOLTAGE, bus.id(), v, limits.minVoltagePu()));
                } else if (v > limits.maxVoltagePu()) {
                    violations.add(new Violation(k, Violation.Kind.OVERVOLTAGE, bus.id(), v, limits.maxVoltagePu()));
                }
            }
            for (var branch : solution.branches()) {
                double loading = branch.loading();
                if (Double.isNaN(loading)) continue;
                if (Double.isNaN(worst.value()) || loading > worst.value()) worst = new Extreme(loading, branch.id(), k);
                if (loading > limits.maxLoading()) {
                    violations.add(new Violation(k, Violation.Kind.OVERLOAD, branch.id(), loading, limits.maxLoading()));
                }
            }
            lossesKwh += solution.lossesKw() * stepHours;
            peakLossesKw = Math.max(peakLossesKw, solution.lossesKw());
        }
        return new NetworkMetrics(new NetworkMetrics.Limits(limits.minVoltagePu(), limits.maxVoltagePu(), limits.maxLoading()),
                flows.size(), notConverged, minV, maxV, worst, lossesKwh, peakLossesKw, violations);
    }
}
