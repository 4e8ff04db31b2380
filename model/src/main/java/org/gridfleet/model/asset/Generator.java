package org.gridfleet.model.asset;

import static java.util.Objects.requireNonNull;

/**
 * A dispatchable generator: emergency generator, fuel cell, reciprocating engine or microturbine.
 *
 * @param minStablePowerKw lowest output at which the unit can run when committed
 * @param rampUpKwPerMin   fastest rise of output while running
 * @param rampDownKwPerMin fastest fall of output while running
 * @param minUpTimeHours   once started, the unit runs at least this long
 * @param minDownTimeHours once stopped, the unit stays off at least this long
 * @param co2KgPerKwh      carbon dioxide emitted per kWh produced
 */
public record Generator(
        AssetInfo info,
        double minStablePowerKw,
        double rampUpKwPerMin,
        double rampDownKwPerMin,
        double minUpTimeHours,
        double minDownTimeHours,
        StartUp startUp,
        InitialState initialState,
        CostCurve costCurve,
        RunHourLimit runHourLimit,
        double co2KgPerKwh) implements Asset {

    public Generator {
        requireNonNull(info, "info");
        requireNonNull(startUp, "startUp");
        requireNonNull(initialState, "initialState");
        requireNonNull(costCurve, "costCurve");
        requireNonNull(runHourLimit, "runHourLimit");
        if (info.type().category() != AssetCategory.DISPATCHABLE_GENERATOR) {
            throw new IllegalArgumentException(info.id() + ": a " + info.type().fileName() + " is not a dispatchable generator");
        }
        if (!(minStablePowerKw >= 0 && minStablePowerKw <= info.ratedPowerKw())) {
            throw new IllegalArgumentException(info.id() + ": minStablePowerKw must be within [0, ratedPowerKw]: " + minStablePowerKw);
        }
        if (!(rampUpKwPerMin > 0) || !(rampDownKwPerMin > 0)) {
            throw new IllegalArgumentException(info.id() + ": ramp rates must be > 0");
        }
        if (!(minUpTimeHours >= 0) || !(minDownTimeHours >= 0) || !Double.isFinite(minUpTimeHours) || !Double.isFinite(minDownTimeHours)) {
            throw new IllegalArgumentException(info.id() + ": minimum up and down times must be finite and >= 0");
        }
        if (initialState.powerKw() > info.ratedPowerKw() || initialState.on() && initialState.powerKw() < minStablePowerKw) {
            throw new IllegalArgumentException(info.id() + ": a running unit's initial powerKw must be within [minStablePowerKw, ratedPowerKw]: "
                    + initialState.powerKw());
        }
        if (!(co2KgPerKwh >= 0) || !Double.isFinite(co2KgPerKwh)) {
            throw new IllegalArgumentException(info.id() + ": co2KgPerKwh must be finite and >= 0");
        }
    }
}
