package org.gridfleet.model.asset;

import static java.util.Objects.requireNonNull;

/**
 * Energy storage: battery, superconducting magnetic energy storage or flywheel. State of charge (soc) is the
 * stored energy as a fraction 0..1 of {@code energyCapacityKwh}.
 *
 * @param maxChargeKw           largest charging power (a positive number; charging power is negative in plans)
 * @param maxDischargeKw        largest discharging power
 * @param chargeEfficiency      share of energy drawn from the grid that ends up stored, (0, 1]
 * @param dischargeEfficiency   share of stored energy withdrawn that reaches the grid, (0, 1]
 * @param selfDischargePerHour  share of the stored energy lost each hour, [0, 1): over a step of h hours the
 *                              stored energy falls by the factor {@code (1 − selfDischargePerHour)^h}
 * @param minSoc                lowest state of charge allowed, [0, maxSoc]
 * @param maxSoc                highest state of charge allowed, [minSoc, 1]
 * @param initialSoc            state of charge when the horizon starts, [minSoc, maxSoc]
 * @param finalSoc              state of charge the store should hold at least when the horizon ends, [minSoc, maxSoc],
 *                              so that a plan does not borrow energy from the next horizon: a target, not a limit
 *                              (serving demand comes first); {@link #defaultFinalSoc} when the fleet gives none
 * @param degradationCostPerKwh cycling cost per kWh of throughput (charged plus discharged)
 */
public record Storage(
        AssetInfo info,
        double energyCapacityKwh,
        double maxChargeKw,
        double maxDischargeKw,
        double chargeEfficiency,
        double dischargeEfficiency,
        double selfDischargePerHour,
        double minSoc,
        double maxSoc,
        double initialSoc,
        double finalSoc,
        double degradationCostPerKwh) implements Asset {

    public Storage {
        requireNonNull(info, "info");
        if (info.type().category() != AssetCategory.STORAGE) {
            throw new IllegalArgumentException(info.id() + ": a " + info.type().fileName() + " is not storage");
        }
        if (!(energyCapacityKwh > 0) || !Double.isFinite(energyCapacityKwh)) {
            throw new IllegalArgumentException(info.id() + ": energyCapacityKwh must be > 0: " + energyCapacityKwh);
        }
        if (!(maxChargeKw >= 0 && maxChargeKw <= info.ratedPowerKw()) || !(maxDischargeKw >= 0 && maxDischargeKw <= info.ratedPowerKw())) {
            throw new IllegalArgumentException(info.id() + ": charge and discharge power must be within [0, ratedPowerKw]");
        }
        if (!(chargeEfficiency > 0 && chargeEfficiency <= 1) || !(dischargeEfficiency > 0 && dischargeEfficiency <= 1)) {
            throw new IllegalArgumentException(info.id() + ": efficiencies must be within (0, 1]");
        }
        if (!(selfDischargePerHour >= 0 && selfDischargePerHour < 1)) {
            throw new IllegalArgumentException(info.id() + ": selfDischargePerHour must be within [0, 1)");
        }
        if (!(minSoc >= 0 && minSoc <= maxSoc && maxSoc <= 1)) {
            throw new IllegalArgumentException(info.id() + ": need 0 <= minSoc <= maxSoc <= 1: " + minSoc + ", " + maxSoc);
        }
        if (!(initialSoc >= minSoc && initialSoc <= maxSoc)) {
            throw new IllegalArgumentException(info.id() + ": initialSoc must be within [minSoc, maxSoc]: " + initialSoc);
        }
        if (!(Double.isFinite(finalSoc) && finalSoc >= minSoc && finalSoc <= maxSoc)) {
            throw new IllegalArgumentException(info.id() + ": finalSoc must be a finite fraction within [minSoc, maxSoc] = ["
                    + minSoc + ", " + maxSoc + "]: " + finalSoc);
        }
        if (!(degradationCostPerKwh >= 0) || !Double.isFinite(degradationCostPerKwh)) {
            throw new IllegalArgumentException(info.id() + ": degradationCostPerKwh must be >= 0");
        }
    }

    /** Storage whose end-of-horizon target is {@link #defaultFinalSoc}: it should end where it started. */
    public Storage(AssetInfo info, double energyCapacityKwh, double maxChargeKw, double maxDischargeKw, double chargeEfficiency,
                   double dischargeEfficiency, double selfDischargePerHour, double minSoc, double maxSoc, double initialSoc,
                   double degradationCostPerKwh) {
        this(info, energyCapacityKwh, maxChargeKw, maxDischargeKw, chargeEfficiency, dischargeEfficiency, selfDischargePerHour,
                minSoc, maxSoc, initialSoc, defaultFinalSoc(initialSoc, minSoc, maxSoc), degradationCostPerKwh);
    }

    /**
     * The end-of-horizon target when none is given: the initial state of charge, clamped into {@code [minSoc, maxSoc]}.
     * Never throws (the constructor reports bad limits or a bad initial state of charge by name).
     */
    public static double defaultFinalSoc(double initialSoc, double minSoc, double maxSoc) {
        return Math.max(minSoc, Math.min(maxSoc, initialSoc));
    }
}
