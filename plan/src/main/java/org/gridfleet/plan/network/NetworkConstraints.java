package org.gridfleet.plan.network;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.gridfleet.model.BusId;

/**
 * The network limits the optimal planner respects (docs/optimization.md, "Network constraints (LinDistFlow)"), and the
 * corrections from the last AC check of a plan.
 *
 * @param minVoltagePu  lowest acceptable bus voltage, pu of nominal (the slack bus is not judged: no plan moves it)
 * @param maxVoltagePu  highest acceptable bus voltage, pu of nominal
 * @param maxLoading    highest acceptable branch current as a share of its rating (1 = 100 %); the rating is an
 *                      apparent power at nominal voltage, so the current is {@code S / V} in pu of it
 * @param polygonSides  sides of the regular polygon, inside the circle {@code P² + Q² ≤ S²}, that stands for the
 *                      rating in the MILP: a multiple of 4 within [8, 64], vertices on the P and Q axes
 * @param corrections   AC minus linear, from the last AC power flow of a plan; {@link AcCorrections#NONE} at first
 */
public record NetworkConstraints(double minVoltagePu, double maxVoltagePu, double maxLoading, int polygonSides, AcCorrections corrections) {
    /** ±5 % (ANSI C84.1 range A), the thermal rating, 12 sides, no corrections. */
    public static final NetworkConstraints DEFAULT = new NetworkConstraints(0.95, 1.05, 1.0, 12, AcCorrections.NONE);
    /** A voltage counts as within its limits within this many pu. */
    public static final double VOLTAGE_TOLERANCE_PU = 1e-6;
    /** A loading counts as within its limit within this share of the rating. */
    public static final double LOADING_TOLERANCE = 1e-6;

    public NetworkConstraints {
        if (!(minVoltagePu > 0 && minVoltagePu < maxVoltagePu && maxVoltagePu < 2)) {
            throw new IllegalArgumentException("voltage limits must satisfy 0 < min < max < 2 pu: " + minVoltagePu + " .. " + maxVoltagePu);
        }
        if (!(maxLoading > 0 && maxLoading <= 10)) {
            throw new IllegalArgumentException("maxLoading must be within (0, 10] (1 = 100 % of rating): " + maxLoading);
        }
        if (polygonSides < 8 || polygonSides > 64 || polygonSides % 4 != 0) {
            throw new IllegalArgumentException("polygonSides must be a multiple of 4 within [8, 64]: " + polygonSides);
        }
        requireNonNull(corrections, "corrections");
    }

    public NetworkConstraints withLimits(double minPu, double maxPu, double loading) {
        return new NetworkConstraints(minPu, maxPu, loading, polygonSides, corrections);
    }

    public NetworkConstraints withPolygonSides(int sides) {
        return new NetworkConstraints(minVoltagePu, maxVoltagePu, maxLoading, sides, corrections);
    }

    public NetworkConstraints withCorrections(AcCorrections newCorrections) {
        return new NetworkConstraints(minVoltagePu, maxVoltagePu, maxLoading, polygonSides, newCorrections);
    }

    /**
     * The limits {@code linear} breaks once the corrections are added, every bus but the slack and every branch in
     * every interval, in that order: voltage {@code V_linear + offset} against [min, max], loading
     * {@code |S_linear + ΔS| / (rating·V_parent)} (the current in pu of the rated current, with {@code V_parent} the
     * corrected voltage at the sending end) against {@code maxLoading}. Judged on the circle, not on the MILP's polygon.
     */
    public List<NetworkViolation> violations(FlowSolution linear) {
        RadialFeeder feeder = linear.feeder();
        corrections.requireFits(feeder, linear.intervals());
        List<NetworkViolation> found = new ArrayList<>();
        for (int t = 0; t < linear.intervals(); t++) {
            for (int k = 1; k < feeder.busCount(); k++) {
                BusId bus = feeder.buses().get(k).id();
                double v = linear.voltagePuAt(k, t) + corrections.voltageOffsetPu(bus, t);
                if (v < minVoltagePu - VOLTAGE_TOLERANCE_PU) {
                    found.add(new NetworkViolation(t, NetworkViolation.Kind.UNDERVOLTAGE, bus.value(), v, minVoltagePu));
                } else if (v > maxVoltagePu + VOLTAGE_TOLERANCE_PU) {
                    found.add(new NetworkViolation(t, NetworkViolation.Kind.OVERVOLTAGE, bus.value(), v, maxVoltagePu));
                }
            }
            for (int b = 0; b < feeder.branches().size(); b++) {
                RadialFeeder.Branch branch = feeder.branches().get(b);
                double loading = loading(linear, b, t);
                if (loading > maxLoading + LOADING_TOLERANCE) {
                    found.add(new NetworkViolation(t, NetworkViolation.Kind.OVERLOAD, branch.id(), loading, maxLoading));
                }
            }
        }
        return found;
    }

    /** The corrected current of branch {@code b} in {@code t} as a share of its rating: |S + ΔS| / (rating·V_parent). */
    private double loading(FlowSolution linear, int b, int t) {
        RadialFeeder feeder = linear.feeder();
        RadialFeeder.Branch branch = feeder.branches().get(b);
        double kw = linear.branchKwAt(b, t) + corrections.branchKwOffset(branch.id(), t);
        double kvar = linear.branchKvarAt(b, t) + corrections.branchKvarOffset(branch.id(), t);
        int parent = feeder.parentIndex(b + 1);
        double parentPu = linear.voltagePuAt(parent, t) + corrections.voltageOffsetPu(branch.parent(), t);
        return Math.hypot(kw, kvar) / (branch.ratingKva() * Math.max(parentPu, 1e-3));
    }
}
