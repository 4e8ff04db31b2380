package org.gridfleet.plan.candidates;

import java.util.ArrayList;
import java.util.List;
import org.gridfleet.plan.evaluate.PlanMetrics;

/**
 * Pareto efficiency of candidate plans over three figures, each the less the better: total cost, CO2 and expected
 * energy not served (the devices' view, {@code metrics.reliability.devices.eensKwh}). A candidate is dominated
 * when another is no worse in all three and better in at least one; the others are Pareto-efficient. Two figures
 * within the {@link Tolerance} of each other count as equal, so that rounding never decides. Expected energy not
 * served takes part only when every candidate has reliability metrics.
 */
public final class Pareto {
    private Pareto() {}

    /**
     * When two figures count as equal: {@code |a − b| <= max(absolute, relative·max(|a|, |b|))}.
     *
     * @param relative share of the larger magnitude, e.g. 1e-6
     * @param absolute floor in the figure's own unit (money, kg, kWh), e.g. 1e-6
     */
    public record Tolerance(double relative, double absolute) {
        /** Rounding only: one part in a million, and 10⁻⁶ of a unit. */
        public static final Tolerance DEFAULT = new Tolerance(1e-6, 1e-6);

        public Tolerance {
            if (!(relative >= 0) || !(absolute >= 0) || !Double.isFinite(relative) || !Double.isFinite(absolute)) {
                throw new IllegalArgumentException("tolerances must be finite and >= 0: " + relative + ", " + absolute);
            }
        }

        double of(double a, double b) {
            return Math.max(absolute, relative * Math.max(Math.abs(a), Math.abs(b)));
        }
    }

    /** The figures compared, in order: total cost, CO2 and, when every candidate has it, expected energy not served. */
    public static List<String> criteria(List<Candidate> candidates) {
        return withEens(candidates) ? List.of("totalCost", "co2Kg", "eensKwh") : List.of("totalCost", "co2Kg");
    }

    /** {@code candidates} in the same order, each marked Pareto-efficient or dominated (and by whom). */
    public static List<Candidate> mark(List<Candidate> candidates, Tolerance tolerance) {
        boolean eens = withEens(candidates);
        List<double[]> points = candidates.stream().map(c -> point(c.metrics(), eens)).toList();
        List<Candidate> marked = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            List<String> dominators = new ArrayList<>();
            for (int j = 0; j < candidates.size(); j++) {
                if (j != i && dominates(points.get(j), points.get(i), tolerance)) {
                    dominators.add(candidates.get(j).name());
                }
            }
            marked.add(candidates.get(i).marked(dominators.isEmpty(), dominators));
        }
        return marked;
    }

    /** Whether {@code a} is no worse than {@code b} in every figure and better in at least one. */
    static boolean dominates(double[] a, double[] b, Tolerance tolerance) {
        boolean better = false;
        for (int k = 0; k < a.length; k++) {
            double tol = tolerance.of(a[k], b[k]);
            if (a[k] > b[k] + tol) {
                return false;
            }
            if (a[k] < b[k] - tol) {
                better = true;
            }
        }
        return better;
    }

    private static boolean withEens(List<Candidate> candidates) {
        return !candidates.isEmpty() && candidates.stream().allMatch(c -> c.metrics().reliability().isPresent());
    }

    private static double[] point(PlanMetrics m, boolean eens) {
        return eens ? new double[] {m.cost().totalCost(), m.energy().co2Kg(), m.reliability().orElseThrow().devices().eensKwh()}
                : new double[] {m.cost().totalCost(), m.energy().co2Kg()};
    }
}
