package org.gridfleet.plan;

import static java.util.Objects.requireNonNull;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.plan.Shortfall;
import org.gridfleet.model.problem.PlanningProblem;

/**
 * Collects where a plan falls short and words it for a person, the same for every plan generator: which
 * requirement, in how many intervals, the worst interval and by how much, and what a person can do about it; then,
 * given the problem, why the fleet cannot deliver it ({@link CapacityDiagnosis}: what the fleet could deliver at most
 * in those intervals and which constraints bind).
 */
public final class ShortfallReport {
    /** A requirement counts as met within this many kW (or kWh). */
    public static final double TOLERANCE_KW = 1e-6;
    /** Separates what falls short from why, in an infeasible reason: "...: add capacity or shed load. Why: 02:00–03:00Z: ...". */
    public static final String WHY = ". Why: ";

    private final TimeGrid grid;
    private final boolean islanded;
    /** The problem planned, for the capacity diagnosis. */
    private final PlanningProblem problem;
    private final List<Shortfall> shortfalls = new ArrayList<>();
    private final double[] oversupplyKw;
    private double unservedKwh;

    /** A report on a plan for {@code problem}, whose reason also says why the fleet cannot deliver what falls short. */
    public ShortfallReport(PlanningProblem problem) {
        this.problem = requireNonNull(problem, "problem");
        this.grid = problem.grid();
        this.islanded = problem.gridConnection().islanded();
        this.oversupplyKw = new double[grid.intervals()];
    }

    public void add(Shortfall shortfall) {
        shortfalls.add(shortfall);
    }

    public void unserved(double kwh) {
        unservedKwh += kwh;
    }

    public void oversupply(int t, double kw) {
        oversupplyKw[t] = kw;
    }

    /** Infeasible with the reasons, or empty when nothing falls short. */
    public Optional<PlanStatus> status() {
        List<String> reasons = new ArrayList<>();
        String action = islanded ? "add capacity or shed load"
                : unservedKwh > TOLERANCE_KW ? "add capacity or allow more import"
                : "grid import covers the difference; add capacity for the plant to cover its demand itself";
        describe(missing(Shortfall.Kind.DEMAND), "combined output is short of demand", unservedKwh, action).ifPresent(reasons::add);
        describe(missing(Shortfall.Kind.RESERVE), "spinning reserve is short", 0, "add dispatchable capacity or storage")
                .ifPresent(reasons::add);
        describe(oversupplyKw, "non-curtailable output exceeds what demand, storage and export can take", 0,
                "allow curtailment or add storage or export capacity").ifPresent(reasons::add);
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        String reason = String.join("; ", reasons);
        if (!shortfalls.isEmpty()) {
            reason += WHY + CapacityDiagnosis.of(problem, shortfalls).summary();
        }
        return Optional.of(new PlanStatus.Infeasible(reason, shortfalls));
    }

    private double[] missing(Shortfall.Kind kind) {
        double[] missing = new double[grid.intervals()];
        for (Shortfall s : shortfalls) {
            if (s.kind() == kind) {
                missing[s.interval()] = s.missingKw();
            }
        }
        return missing;
    }

    /** e.g. "combined output is short of demand in 7 of 96 intervals, at most 1 234 kW (interval 73, 18:15Z): …" */
    private Optional<String> describe(double[] missingKw, String what, double unserved, String action) {
        int count = 0;
        int worst = -1;
        for (int t = 0; t < missingKw.length; t++) {
            if (missingKw[t] > TOLERANCE_KW) {
                count++;
                if (worst < 0 || missingKw[t] > missingKw[worst]) {
                    worst = t;
                }
            }
        }
        if (count == 0) {
            return Optional.empty();
        }
        String unservedText = unserved > TOLERANCE_KW ? ", " + kw(unserved) + " kWh unserved" : "";
        return Optional.of(String.format(Locale.ROOT, "%s in %d of %d intervals, at most %s kW (interval %d, %s)%s: %s",
                what, count, missingKw.length, kw(missingKw[worst]), worst, time(worst), unservedText, action));
    }

    private String time(int interval) {
        DateTimeFormatter format = grid.horizon().toHours() <= 24
                ? DateTimeFormatter.ofPattern("HH:mm'Z'") : DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'");
        return format.withZone(ZoneOffset.UTC).format(grid.startOf(interval));
    }

    /** Whole kW with a space between thousands ("1 234"); one decimal below 10. */
    static String kw(double value) {
        return value < 10
                ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%,.0f", value).replace(',', ' ');
    }
}
