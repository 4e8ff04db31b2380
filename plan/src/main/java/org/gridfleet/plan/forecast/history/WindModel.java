package org.gridfleet.plan.forecast.history;

import java.util.Random;

/**
 * Hub-height wind speed with a Weibull (shape 2, Rayleigh) marginal: the speed of a wind vector whose two components
 * are AR(1) Gaussian processes with a memory of about a day, scaled by a diurnal factor (windier in the afternoon).
 * The day-ahead forecast sees the components with AR(1) errors that grow over the day, as a weather model's do.
 */
final class WindModel {
    private final double scaleMPerS;
    private final double stepHours;
    private final ArProcess east;
    private final ArProcess north;
    private final ArProcess eastError;
    private final ArProcess northError;

    /** @param scaleMPerS Weibull scale λ, m/s (the mean speed is λ·√π/2) */
    WindModel(Random random, double scaleMPerS, double stepHours) {
        this.scaleMPerS = scaleMPerS;
        this.stepHours = stepHours;
        this.east = new ArProcess(random, 0.97, stepHours);
        this.north = new ArProcess(random, 0.97, stepHours);
        this.eastError = new ArProcess(random, 0.93, stepHours);
        this.northError = new ArProcess(random, 0.93, stepHours);
    }

    /** Wind speed of one day in m/s, measured and forecast; {@code solarHour[k]} is interval k's local solar hour. */
    DayValues nextDay(double[] solarHour) {
        DayValues day = new DayValues(solarHour.length);
        for (int k = 0; k < solarHour.length; k++) {
            double x = east.next();
            double y = north.next();
            double errorSd = 0.35 + 0.25 * (k + 1) * stepHours / 24;
            double xf = x + errorSd * eastError.next();
            double yf = y + errorSd * northError.next();
            double diurnal = 1 + 0.12 * Math.cos(2 * Math.PI * (solarHour[k] - 15) / 24);
            day.actual()[k] = speed(x, y) * diurnal;
            day.forecast()[k] = speed(xf, yf) / Math.sqrt(1 + errorSd * errorSd) * diurnal;
        }
        return day;
    }

    private double speed(double x, double y) {
        return scaleMPerS * Math.sqrt((x * x + y * y) / 2);
    }
}
