package org.gridfleet.sim;

import org.gridfleet.model.AssetId;

/**
 * The weather at each renewable's site over the step being simulated: what bounds a photovoltaic array's and a
 * wind turbine's output. {@link ForecastWeather} derives it from the planning problem's forecasts with seeded
 * noise; tests give it directly.
 */
public interface Environment {
    /** Irradiance at standard test conditions, W/m²: a PV array gives its rating at this irradiance. */
    double STC_IRRADIANCE_W_PER_M2 = 1000;

    /** Irradiance on the plane of the photovoltaic array {@code device}, W/m², ≥ 0. */
    double irradianceWPerM2(AssetId device);

    /** Wind speed at the hub of the wind turbine {@code device}, m/s, ≥ 0. */
    double windSpeedMPerS(AssetId device);

    /** The same irradiance and wind speed at every site. */
    static Environment constant(double irradianceWPerM2, double windSpeedMPerS) {
        if (!(irradianceWPerM2 >= 0) || !(windSpeedMPerS >= 0)) {
            throw new IllegalArgumentException("irradiance and wind speed must be >= 0: " + irradianceWPerM2 + ", " + windSpeedMPerS);
        }
        return new Environment() {
            @Override
            public double irradianceWPerM2(AssetId device) {
                return irradianceWPerM2;
            }

            @Override
            public double windSpeedMPerS(AssetId device) {
                return windSpeedMPerS;
            }
        };
    }

    /** Night and calm: no renewable can produce. */
    static Environment dark() {
        return constant(0, 0);
    }
}
