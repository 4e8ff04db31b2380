package org.gridfleet.sim;

import static java.util.Objects.requireNonNull;

/**
 * How a field is simulated. Everything random is drawn from {@code seed}, one independent stream per device or
 * meter and purpose, so the same options, problem and steps give the same run.
 *
 * @param seed            the one seed of the run
 * @param forcedOutages   whether devices fail at random from their reliability data
 * @param irradianceNoise error on the irradiance made from PV forecasts
 * @param windSpeedNoise  error on the wind speed made from wind forecasts
 * @param demandNoise     error on the end-users' demand
 * @param windCurve       every wind turbine's power curve
 */
public record FieldOptions(long seed, boolean forcedOutages, NoiseModel irradianceNoise, NoiseModel windSpeedNoise, NoiseModel demandNoise,
                           WindPowerCurve windCurve) {
    public FieldOptions {
        requireNonNull(irradianceNoise, "irradianceNoise");
        requireNonNull(windSpeedNoise, "windSpeedNoise");
        requireNonNull(demandNoise, "demandNoise");
        requireNonNull(windCurve, "windCurve");
    }

    /** Forced outages on, the default noise ({@link NoiseModel#IRRADIANCE}, {@link NoiseModel#WIND_SPEED}, {@link NoiseModel#DEMAND}), the standard power curve. */
    public static FieldOptions seeded(long seed) {
        return new FieldOptions(seed, true, NoiseModel.IRRADIANCE, NoiseModel.WIND_SPEED, NoiseModel.DEMAND, WindPowerCurve.STANDARD);
    }

    /** Forced outages off and no noise: every device and meter does exactly what its data says. */
    public static FieldOptions exact() {
        return new FieldOptions(0, false, NoiseModel.NONE, NoiseModel.NONE, NoiseModel.NONE, WindPowerCurve.STANDARD);
    }

    public FieldOptions withoutNoise() {
        return new FieldOptions(seed, forcedOutages, NoiseModel.NONE, NoiseModel.NONE, NoiseModel.NONE, windCurve);
    }

    public FieldOptions withForcedOutages(boolean on) {
        return new FieldOptions(seed, on, irradianceNoise, windSpeedNoise, demandNoise, windCurve);
    }

    public FieldOptions withDemandNoise(NoiseModel noise) {
        return new FieldOptions(seed, forcedOutages, irradianceNoise, windSpeedNoise, noise, windCurve);
    }
}
