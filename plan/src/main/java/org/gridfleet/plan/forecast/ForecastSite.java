package org.gridfleet.plan.forecast;

import static java.util.Objects.requireNonNull;

import org.gridfleet.model.GeoLocation;

/**
 * The site whose output and demand are forecast: where it is (for the sun's position) and the ratings that bound
 * photovoltaic and wind output.
 *
 * @param location       position in WGS84 degrees; solar time is taken from its longitude
 * @param pvRatingKw     AC rating of the photovoltaic inverters, the most the array can feed in
 * @param pvDcKwPerKwAc  DC modules installed per kW of inverter, times their losses (soiling, temperature, wiring):
 *                       above 1 the array clips at the inverter rating on clear noons
 * @param windRatingKw   rating of the wind turbine(s)
 * @param powerCurve     the turbines' power curve
 * @param demandPeakKw   typical peak of the end-users' aggregate demand, the scale of the demand history
 */
public record ForecastSite(GeoLocation location, double pvRatingKw, double pvDcKwPerKwAc, double windRatingKw,
        TurbinePowerCurve powerCurve, double demandPeakKw) {

    public ForecastSite {
        requireNonNull(location, "location");
        requireNonNull(powerCurve, "powerCurve");
        requirePositive("pvRatingKw", pvRatingKw);
        requirePositive("pvDcKwPerKwAc", pvDcKwPerKwAc);
        requirePositive("windRatingKw", windRatingKw);
        requirePositive("demandPeakKw", demandPeakKw);
    }

    /** A 1 MW array (1.15 kW DC per kW AC) and a 2 MW turbine at 40° N, 3.7° W, with a 1.5 MW demand peak. */
    public static ForecastSite example() {
        return new ForecastSite(new GeoLocation(40.4, -3.7), 1000, 1.15, 2000, TurbinePowerCurve.TYPICAL, 1500);
    }

    /** Photovoltaic output in kW for global horizontal irradiance {@code ghiWPerM2}, clipped at the rating. */
    public double pvKwAt(double ghiWPerM2) {
        return Math.min(pvRatingKw, Math.max(0, ghiWPerM2) / 1000 * pvRatingKw * pvDcKwPerKwAc);
    }

    /** Wind output in kW at hub-height wind speed {@code speedMPerS}. */
    public double windKwAt(double speedMPerS) {
        return windRatingKw * powerCurve.shareAt(speedMPerS);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite: " + value);
        }
    }
}
