package org.gridfleet.plan.network;

import org.gridfleet.model.BusId;

/**
 * The LinDistFlow state of a feeder in every interval: each branch's active and reactive power at its sending
 * (parent) end, kW and kvar, positive from parent to child, losses ignored; each bus's voltage magnitude, pu of its
 * nominal kV, {@code V = √v} from the squared-voltage form.
 */
public final class FlowSolution {
    private final RadialFeeder feeder;
    /** [branch][t]. */
    private final double[][] branchKw;
    private final double[][] branchKvar;
    /** [bus][t], pu². */
    private final double[][] squaredVoltagePu;

    FlowSolution(RadialFeeder feeder, double[][] branchKw, double[][] branchKvar, double[][] squaredVoltagePu) {
        this.feeder = feeder;
        this.branchKw = branchKw;
        this.branchKvar = branchKvar;
        this.squaredVoltagePu = squaredVoltagePu;
    }

    public RadialFeeder feeder() {
        return feeder;
    }

    public int intervals() {
        return squaredVoltagePu[0].length;
    }

    /** Active power into branch {@code id} at its parent end in interval {@code t}, kW (negative: flowing towards the slack). */
    public double branchKw(String id, int t) {
        return branchKw[feeder.branchIndex(id)][t];
    }

    /** Reactive power into branch {@code id} at its parent end in interval {@code t}, kvar. */
    public double branchKvar(String id, int t) {
        return branchKvar[feeder.branchIndex(id)][t];
    }

    /** Apparent power through branch {@code id} in interval {@code t}, kVA. */
    public double branchKva(String id, int t) {
        int b = feeder.branchIndex(id);
        return Math.hypot(branchKw[b][t], branchKvar[b][t]);
    }

    /** Voltage magnitude of {@code bus} in interval {@code t}, pu. */
    public double voltagePu(BusId bus, int t) {
        return Math.sqrt(Math.max(0, squaredVoltagePu[feeder.busIndex(bus)][t]));
    }

    /** The squared voltage magnitude v = V² of {@code bus} in interval {@code t}, pu². */
    public double squaredVoltagePu(BusId bus, int t) {
        return squaredVoltagePu[feeder.busIndex(bus)][t];
    }

    double branchKwAt(int b, int t) {
        return branchKw[b][t];
    }

    double branchKvarAt(int b, int t) {
        return branchKvar[b][t];
    }

    double voltagePuAt(int k, int t) {
        return Math.sqrt(Math.max(0, squaredVoltagePu[k][t]));
    }
}
