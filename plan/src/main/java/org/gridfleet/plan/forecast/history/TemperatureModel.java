package org.gridfleet.plan.forecast.history;

import java.util.Random;

/**
 * Air temperature: a seasonal cycle (warmest late in July north of the equator), a diurnal cycle peaking at three in
 * the afternoon that clouds flatten, and a synoptic anomaly that lasts days. The forecast adds an AR(1) error.
 */
final class TemperatureModel {
    private static final double MEAN_C = 14;
    private static final double SEASONAL_C = 9;
    private static final double DIURNAL_C = 5;
    private static final double ANOMALY_C = 2.5;
    private static final double FORECAST_ERROR_C = 1.2;

    private final boolean southern;
    private final ArProcess anomaly;
    private final ArProcess forecastError;

    TemperatureModel(Random random, double latitudeDeg, double stepHours) {
        this.southern = latitudeDeg < 0;
        this.anomaly = new ArProcess(random, 0.98, stepHours);
        this.forecastError = new ArProcess(random, 0.9, stepHours);
    }

    /**
     * One day's temperature in °C, measured and forecast.
     *
     * @param dayOfYear 1..366
     * @param solarHour local solar hour of each interval
     * @param sky       the day's cloud attenuation, measured and forecast (clouds damp the diurnal swing)
     */
    DayValues nextDay(int dayOfYear, double[] solarHour, DayValues sky) {
        double season = Math.cos(2 * Math.PI * (dayOfYear - 200) / 365.0) * (southern ? -1 : 1);
        DayValues day = new DayValues(solarHour.length);
        for (int k = 0; k < solarHour.length; k++) {
            double diurnal = DIURNAL_C * Math.cos(2 * Math.PI * (solarHour[k] - 15) / 24);
            double base = MEAN_C + SEASONAL_C * season + ANOMALY_C * anomaly.next();
            day.actual()[k] = base + diurnal * (0.4 + 0.6 * sky.actual()[k]);
            day.forecast()[k] = base + diurnal * (0.4 + 0.6 * sky.forecast()[k]) + FORECAST_ERROR_C * forecastError.next();
        }
        return day;
    }
}
