package org.gridfleet.plan.network;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.BusId;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.fleet.EndUser;
import org.gridfleet.model.fleet.ReactivePower;
import org.gridfleet.model.plan.DeviceSchedule;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;

/**
 * Net active and reactive power injected into each bus of a feeder in each interval, kW and kvar, positive into the
 * grid: devices' output less end-users' demand. The slack bus's own injection is kept but moves no branch flow (the
 * utility grid behind it balances every interval).
 *
 * <p>Reactive power as the linear model (and the MILP) sees it: a device's setting at its planned output,
 * {@code info().reactive().kvarAt(kw)}, <em>not</em> held within the rating as {@code info().kvarAt} holds it
 * (that clamp is not linear); an AC power flow that applies the clamp differs from the linear model there, and the
 * difference is one of the corrections fed back ({@link AcCorrections}). End-users draw {@code reactive().kvarAt(demand)}
 * (positive kvar is drawn), so they inject its negative.
 */
public final class BusInjections {
    private final RadialFeeder feeder;
    private final int intervals;
    /** [bus][t] in {@link RadialFeeder#buses()} order. */
    private final double[][] kw;
    private final double[][] kvar;

    private BusInjections(RadialFeeder feeder, int intervals, double[][] kw, double[][] kvar) {
        this.feeder = feeder;
        this.intervals = intervals;
        this.kw = kw;
        this.kvar = kvar;
    }

    /** What the devices of {@code plan} and the end-users of {@code problem} inject at their buses. */
    public static BusInjections of(RadialFeeder feeder, PlanningProblem problem, DispatchPlan plan) {
        requireNonNull(plan, "plan");
        if (!plan.grid().equals(problem.grid())) {
            throw new IllegalArgumentException("plan grid " + plan.grid() + " differs from the problem's " + problem.grid());
        }
        Builder injections = demand(feeder, problem);
        Map<AssetId, DeviceSchedule> schedules = new HashMap<>();
        plan.schedules().forEach(s -> schedules.put(s.asset(), s));
        for (Asset asset : problem.assets()) {
            DeviceSchedule schedule = schedules.get(asset.id());
            if (schedule == null) {
                throw new IllegalArgumentException("the plan has no schedule for " + asset.id());
            }
            BusId bus = busOf(feeder, asset);
            for (int t = 0; t < injections.intervals; t++) {
                double p = schedule.powerKw().get(t);
                injections.add(bus, t, p, plannedKvar(asset, p));
            }
        }
        return injections.build();
    }

    /** The end-users' demand alone, as negative injections at their buses; {@link Builder#add} adds more. */
    public static Builder demand(RadialFeeder feeder, PlanningProblem problem) {
        Builder injections = builder(feeder, problem.grid().intervals());
        for (EndUser user : problem.endUsers()) {
            if (!feeder.hasBus(user.bus())) {
                throw new IllegalArgumentException("end-user " + user.id() + " is on bus " + user.bus() + ", which the network does not have");
            }
            var demand = problem.demandKwByEndUser().get(user.id());
            for (int t = 0; t < injections.intervals; t++) {
                double d = demand.get(t);
                injections.add(user.bus(), t, -d, -user.reactive().kvarAt(d));
            }
        }
        return injections;
    }

    /** The bus {@code asset} hangs on, which must be in {@code feeder}. */
    public static BusId busOf(RadialFeeder feeder, Asset asset) {
        BusId bus = asset.info().bus();
        if (!feeder.hasBus(bus)) {
            throw new IllegalArgumentException("device " + asset.id() + " is on bus " + bus + ", which the network does not have");
        }
        return bus;
    }

    /**
     * The reactive power in kvar {@code asset} delivers at active power {@code kw} in the linear model: its setting,
     * {@code fixedKvar(setting) + kvarPerKw(setting)·kw}, without the clamp to the rating.
     */
    public static double plannedKvar(Asset asset, double kw) {
        ReactivePower setting = asset.info().reactive();
        return fixedKvar(setting) + kvarPerKw(setting) * kw;
    }

    /** The slope of a reactive setting: ±tan(acos pf) for a power factor (− when reversed), 0 for a fixed set point. */
    public static double kvarPerKw(ReactivePower setting) {
        return switch (setting) {
            case ReactivePower.PowerFactor pf -> pf.kvarAt(1);
            case ReactivePower.FixedKvar fixed -> 0;
        };
    }

    /** The constant of a reactive setting: the set point of a fixed one, 0 for a power factor. */
    public static double fixedKvar(ReactivePower setting) {
        return switch (setting) {
            case ReactivePower.PowerFactor pf -> 0;
            case ReactivePower.FixedKvar fixed -> fixed.kvar();
        };
    }

    public static Builder builder(RadialFeeder feeder, int intervals) {
        return new Builder(feeder, intervals);
    }

    public RadialFeeder feeder() {
        return feeder;
    }

    public int intervals() {
        return intervals;
    }

    /** Active power injected at {@code bus} in interval {@code t}, kW. */
    public double kw(BusId bus, int t) {
        return kw[feeder.busIndex(bus)][t];
    }

    /** Reactive power injected at {@code bus} in interval {@code t}, kvar. */
    public double kvar(BusId bus, int t) {
        return kvar[feeder.busIndex(bus)][t];
    }

    /** Active power injected at the bus of index {@code k} in {@link RadialFeeder#buses()}, kW. */
    double kwAt(int k, int t) {
        return kw[k][t];
    }

    double kvarAt(int k, int t) {
        return kvar[k][t];
    }

    /** Adds injections bus by bus; every bus starts at 0 kW and 0 kvar in every interval. */
    public static final class Builder {
        private final RadialFeeder feeder;
        private final int intervals;
        private final double[][] kw;
        private final double[][] kvar;

        private Builder(RadialFeeder feeder, int intervals) {
            this.feeder = requireNonNull(feeder, "feeder");
            if (intervals < 1) {
                throw new IllegalArgumentException("intervals must be >= 1: " + intervals);
            }
            this.intervals = intervals;
            this.kw = new double[feeder.busCount()][intervals];
            this.kvar = new double[feeder.busCount()][intervals];
        }

        /** Adds {@code kw} and {@code kvar} (positive into the grid) at {@code bus} in interval {@code t}. */
        public Builder add(BusId bus, int t, double kw, double kvar) {
            if (!Double.isFinite(kw) || !Double.isFinite(kvar)) {
                throw new IllegalArgumentException("injection at " + bus + " in interval " + t + " is not finite: " + kw + " kW, " + kvar + " kvar");
            }
            int k = feeder.busIndex(bus);
            this.kw[k][t] += kw;
            this.kvar[k][t] += kvar;
            return this;
        }

        public BusInjections build() {
            double[][] p = new double[kw.length][];
            double[][] q = new double[kvar.length][];
            for (int k = 0; k < kw.length; k++) {
                p[k] = kw[k].clone();
                q[k] = kvar[k].clone();
            }
            return new BusInjections(feeder, intervals, p, q);
        }
    }
}
