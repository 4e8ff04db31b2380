package org.gridfleet.plan.candidates;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gridfleet.model.plan.DeviceSchedule;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.evaluate.PlanEvaluator;
import org.gridfleet.plan.milp.MilpOptions;
import org.gridfleet.plan.reliability.MonteCarloReliability;

/**
 * One planning run, several candidate plans: each {@link CandidateGenerator} makes its plan, plans with the same
 * schedules are merged (one candidate with both names), one evaluator judges them all (cost, revenue, emissions,
 * fuel, the network when it has an assessor, Monte Carlo reliability), and the Pareto-efficient ones are marked
 * ({@link Pareto}). The candidates come back in the generators' order.
 *
 * <pre>{@code
 * CandidateSet set = CandidatePlans.milp(MilpOptions.DEFAULT.withTimeLimit(Duration.ofSeconds(20)),
 *         List.of(CandidateKind.values())).generate(problem);
 * }</pre>
 *
 * <p>Generators run one after the other, so a run takes up to the sum of their time limits.
 */
public final class CandidatePlans {
    /** Set points within this many kW (and commitments equal) make two plans the same. */
    public static final double SAME_PLAN_KW = 1e-6;

    private final List<CandidateGenerator> generators;
    private final PlanEvaluator evaluator;
    private final Pareto.Tolerance tolerance;

    /**
     * @param evaluator judges every candidate; it must assess reliability ({@link PlanEvaluator#withReliability}),
     *                  because expected energy not served is one of the Pareto figures
     */
    public CandidatePlans(List<CandidateGenerator> generators, PlanEvaluator evaluator) {
        this(generators, evaluator, Pareto.Tolerance.DEFAULT);
    }

    public CandidatePlans(List<CandidateGenerator> generators, PlanEvaluator evaluator, Pareto.Tolerance tolerance) {
        this.generators = List.copyOf(generators);
        this.evaluator = requireNonNull(evaluator, "evaluator");
        this.tolerance = requireNonNull(tolerance, "tolerance");
        if (this.generators.isEmpty()) {
            throw new IllegalArgumentException("at least one candidate generator is needed");
        }
        if (evaluator.reliability().isEmpty()) {
            throw new IllegalArgumentException("candidates are compared on expected energy not served: give the evaluator a reliability "
                    + "assessor, e.g. new PlanEvaluator().withReliability(new MonteCarloReliability())");
        }
        Set<String> names = new HashSet<>();
        for (CandidateGenerator g : this.generators) {
            String name = g.name();
            if (name == null || name.isBlank() || name.contains(Candidate.NAME_SEPARATOR)) {
                throw new IllegalArgumentException("a candidate's name must be non-blank and without '/': '" + name + "'");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("candidate name " + name + " appears twice");
            }
        }
    }

    /** The MILP for each of {@code kinds}, with {@code options} (time limit per candidate, gap, network), judged by {@code evaluator}. */
    public static CandidatePlans milp(MilpOptions options, List<CandidateKind> kinds, PlanEvaluator evaluator) {
        return new CandidatePlans(kinds.stream().distinct().map(k -> CandidateGenerator.milp(k, options)).toList(), evaluator);
    }

    /** As {@link #milp(MilpOptions, List, PlanEvaluator)}, judged on cost, energy, service and Monte Carlo reliability (2 000 samples, seed 1). */
    public static CandidatePlans milp(MilpOptions options, List<CandidateKind> kinds) {
        return milp(options, kinds, new PlanEvaluator().withReliability(new MonteCarloReliability()));
    }

    public List<CandidateGenerator> generators() {
        return generators;
    }

    public CandidateSet generate(PlanningProblem problem) {
        List<List<String>> names = new ArrayList<>();
        List<DispatchPlan> plans = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        for (CandidateGenerator generator : generators) {
            long start = System.nanoTime();
            DispatchPlan plan = requireNonNull(generator.generate(problem), () -> generator.name() + " made no plan");
            double took = (System.nanoTime() - start) / 1e9;
            int same = indexOfSame(plans, plan);
            if (same >= 0) {
                names.get(same).add(generator.name());
            } else {
                names.add(new ArrayList<>(List.of(generator.name())));
                plans.add(plan);
                seconds.add(took);
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int k = 0; k < plans.size(); k++) {
            candidates.add(Candidate.unmarked(names.get(k), plans.get(k), evaluator.evaluate(plans.get(k), problem), seconds.get(k)));
        }
        return new CandidateSet(problem.name(), !problem.network().isEmpty(), Pareto.mark(candidates, tolerance));
    }

    private static int indexOfSame(List<DispatchPlan> plans, DispatchPlan plan) {
        for (int k = 0; k < plans.size(); k++) {
            if (samePlan(plans.get(k), plan)) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Whether two plans do the same: every device's set points within {@link #SAME_PLAN_KW} and the same commitments,
     * and the same grid exchange. Which generator made them, their objective and status do not matter.
     */
    public static boolean samePlan(DispatchPlan a, DispatchPlan b) {
        if (!a.grid().equals(b.grid()) || a.schedules().size() != b.schedules().size()) {
            return false;
        }
        for (int i = 0; i < a.schedules().size(); i++) {
            DeviceSchedule x = a.schedules().get(i);
            DeviceSchedule y = b.schedules().get(i);
            if (!x.asset().equals(y.asset()) || !x.committed().equals(y.committed()) || !close(x.powerKw().toArray(), y.powerKw().toArray())) {
                return false;
            }
        }
        return close(a.importKw().toArray(), b.importKw().toArray()) && close(a.exportKw().toArray(), b.exportKw().toArray());
    }

    private static boolean close(double[] a, double[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int t = 0; t < a.length; t++) {
            if (Math.abs(a[t] - b[t]) > SAME_PLAN_KW) {
                return false;
            }
        }
        return true;
    }
}
