package org.gridfleet.plan.agents;

import java.util.Optional;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.problem.PlanningProblem;

/**
 * A dispatchable generator bidding for itself, interval by interval, from its own state: on or off and for how long,
 * its last output, the run hours it has used. It respects what the optimal planner respects (docs/optimization.md):
 * minimum stable power, ramps while running, at most {@code SU = max(Pmin, RU)} in its first interval and at most
 * {@code SD = max(Pmin, RD)} in its last, minimum up and down times, run hours and availability. It declines where it
 * cannot run or start.
 */
final class GeneratorAgent {
    private static final double TOLERANCE = 1e-6;

    final Generator unit;
    private final double h;
    private final int intervals;
    private final double[] availableKw;
    private final boolean[] inMaintenance;
    /** Per interval, the first interval from it on in which the unit cannot run (intervals when none). */
    private final int[] nextUnavailable;
    private final int minUpIntervals;
    private final double rampUpKw;
    private final double rampDownKw;
    private final double startUpLimitKw;
    private final double shutDownLimitKw;
    private final double markup;

    private boolean on;
    private double hoursInState;
    private double previousKw;
    private double hoursRun;

    GeneratorAgent(Generator unit, PlanningProblem problem, AgentOptions options) {
        this.unit = unit;
        TimeGrid grid = problem.grid();
        this.h = grid.stepHours();
        this.intervals = grid.intervals();
        this.availableKw = problem.maxOutputKw(unit).toArray();
        this.inMaintenance = new boolean[intervals];
        for (int t = 0; t < intervals; t++) {
            int k = t;
            inMaintenance[t] = unit.info().maintenance().stream().anyMatch(w -> w.overlaps(grid.startOf(k), grid.endOf(k)));
        }
        this.nextUnavailable = new int[intervals + 1];
        nextUnavailable[intervals] = intervals;
        for (int t = intervals - 1; t >= 0; t--) {
            nextUnavailable[t] = canRun(t) ? nextUnavailable[t + 1] : t;
        }
        this.minUpIntervals = grid.intervalsToReach(0, unit.minUpTimeHours(), TOLERANCE);
        this.rampUpKw = unit.rampUpKwPerMin() * 60 * h;
        this.rampDownKw = unit.rampDownKwPerMin() * 60 * h;
        this.startUpLimitKw = Math.max(unit.minStablePowerKw(), rampUpKw);
        this.shutDownLimitKw = Math.max(unit.minStablePowerKw(), rampDownKw);
        this.markup = options.reliabilityMarkup() ? 1 + unit.info().reliability().forcedOutageRate() : 1;
        reset();
    }

    /** Back to the initial state, for a new round. */
    void reset() {
        on = unit.initialState().on();
        hoursInState = unit.initialState().hoursInState();
        previousKw = unit.initialState().powerKw();
        hoursRun = 0;
    }

    private boolean canRun(int t) {
        return availableKw[t] > 0 && availableKw[t] >= unit.minStablePowerKw() - TOLERANCE;
    }

    /** The bid for interval {@code t}, given the price forecast of the last round. */
    GeneratorBid bid(int t, PriceForecast forecast) {
        if (!canRun(t)) {
            return GeneratorBid.declined(inMaintenance[t] ? Decline.Reason.MAINTENANCE : Decline.Reason.UNAVAILABLE);
        }
        double hoursLeft = unit.runHourLimit().remainingHours() - hoursRun;
        if (hoursLeft < h - TOLERANCE) {
            return GeneratorBid.declined(Decline.Reason.RUN_HOURS);
        }
        double pmin = unit.minStablePowerKw();
        double cap = availableKw[t];
        // what still lets the unit ramp down to SD by its last interval before it must stop
        int stop = nextUnavailable[t];
        double beforeStopKw = stop >= intervals ? Double.POSITIVE_INFINITY : shutDownLimitKw + rampDownKw * (stop - 1 - t);
        if (on) {
            double floor = Math.min(Math.max(pmin, previousKw - rampDownKw), cap);
            double ceiling = Math.max(floor, Math.min(Math.min(cap, previousKw + rampUpKw), beforeStopKw));
            boolean owesMinUp = hoursInState < unit.minUpTimeHours() - TOLERANCE;
            boolean tooHighToStop = previousKw > shutDownLimitKw + TOLERANCE;
            double average = CostBlocks.averageCost(unit, ceiling, markup);
            boolean mustRun = owesMinUp || tooHighToStop || holdsThroughDip(t, forecast, average);
            return new GeneratorBid(Optional.empty(), mustRun, floor, ceiling, cap, average,
                    CostBlocks.between(unit, floor, ceiling, markup));
        }
        if (hoursInState < unit.minDownTimeHours() - TOLERANCE) {
            return GeneratorBid.declined(Decline.Reason.MIN_DOWN_TIME);
        }
        int minRun = Math.min(minUpIntervals, intervals - t);
        if (stop - t < minRun) {
            return GeneratorBid.declined(Decline.Reason.MIN_RUN_BLOCKED);
        }
        if (hoursLeft < minRun * h - TOLERANCE) {
            return GeneratorBid.declined(Decline.Reason.RUN_HOURS);
        }
        double ceiling = Math.max(pmin, Math.min(Math.min(cap, startUpLimitKw), beforeStopKw));
        double average = CostBlocks.averageCost(unit, ceiling, markup);
        double startCost = unit.startUp().costAfter(hoursInState);
        int run = Math.max(Math.max(minRun, 1), forecast.cleared() ? forecast.intervalsAtOrAbove(t, average, stop) : 0);
        double price = average + startCost / (ceiling * run * h);
        return new GeneratorBid(Optional.empty(), false, pmin, ceiling, cap, price,
                CostBlocks.between(unit, pmin, ceiling, markup));
    }

    /**
     * Whether to stay on through intervals where the forecast price is below the unit's average cost, because
     * running at its minimum until the price comes back costs less than a stop and a restart.
     */
    private boolean holdsThroughDip(int t, PriceForecast forecast, double averageCost) {
        if (!forecast.cleared() || forecast.priceAt(t) >= averageCost) {
            return false;
        }
        double pmin = Math.max(unit.minStablePowerKw(), TOLERANCE);
        double hourlyAtMin = unit.costCurve().costPerHour(pmin) + unit.info().omCostPerKwh() * pmin;
        double lossKwh = 0;
        for (int k = t; k < Math.min(nextUnavailable[t], intervals); k++) {
            if (forecast.priceAt(k) >= averageCost) {
                return lossKwh < unit.startUp().costAfter((k - t) * h);
            }
            lossKwh += Math.max(0, hourlyAtMin - forecast.priceAt(k) * pmin) * h;
        }
        return false;
    }

    /** The market's award for interval {@code t}: committed or not, at {@code powerKw}. */
    void award(boolean committed, double powerKw) {
        if (committed != on) {
            hoursInState = 0;
        }
        hoursInState += h;
        on = committed;
        previousKw = committed ? powerKw : 0;
        if (committed) {
            hoursRun += h;
        }
    }
}
