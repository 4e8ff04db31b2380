package org.gridfleet.plan.forecast.history;

import java.util.Random;

/**
 * Cloud attenuation of the clear sky (the clear-sky index, 0..1) with weather regimes: each day is clear, broken or
 * overcast, the regime persisting from day to day as a Markov chain, and within it the attenuation wanders as an AR(1)
 * process around the regime's mean. The day-ahead forecast gets the regime right three times in four and sees the
 * wandering only in part and smoothed, as a weather model would.
 */
final class SkyModel {
    private enum Regime {
        CLEAR(0.95, 0.04), BROKEN(0.62, 0.22), OVERCAST(0.28, 0.12);

        final double mean;
        final double spread;

        Regime(double mean, double spread) {
            this.mean = mean;
            this.spread = spread;
        }
    }

    private static final double STAY_PROBABILITY = 0.6;
    private static final double FORECAST_HITS_REGIME = 0.75;

    private final Random random;
    private final ArProcess actual;
    private final ArProcess forecastError;
    private Regime regime;

    SkyModel(Random random, double stepHours) {
        this.random = random;
        this.actual = new ArProcess(random, 0.85, stepHours);
        this.forecastError = new ArProcess(random, 0.9, stepHours);
        this.regime = Regime.values()[random.nextInt(3)];
    }

    /** Attenuation of one day, measured and forecast, 0.05..1 per interval. */
    DayValues nextDay(int intervals) {
        if (random.nextDouble() >= STAY_PROBABILITY) {
            regime = Regime.values()[random.nextInt(3)];
        }
        Regime predicted = random.nextDouble() < FORECAST_HITS_REGIME ? regime : Regime.values()[random.nextInt(3)];
        DayValues day = new DayValues(intervals);
        for (int k = 0; k < intervals; k++) {
            double x = actual.next();
            day.actual()[k] = clamp(regime.mean + regime.spread * x);
            day.forecast()[k] = clamp(predicted.mean + predicted.spread * (0.6 * x + 0.4 * forecastError.next()));
        }
        return day;
    }

    private static double clamp(double attenuation) {
        return Math.max(0.05, Math.min(1, attenuation));
    }
}
