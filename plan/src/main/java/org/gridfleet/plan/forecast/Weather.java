package org.gridfleet.plan.forecast;

/**
 * The weather over one interval, measured or forecast: interval means.
 *
 * @param irradianceWPerM2 global horizontal irradiance, W/m², ≥ 0
 * @param windSpeedMPerS   wind speed at hub height, m/s, ≥ 0
 * @param temperatureC     air temperature, °C
 */
public record Weather(double irradianceWPerM2, double windSpeedMPerS, double temperatureC) {
    /** Whether every value is a finite number (the history checks say which one is not). */
    boolean finite() {
        return Double.isFinite(irradianceWPerM2) && Double.isFinite(windSpeedMPerS) && Double.isFinite(temperatureC);
    }
}
