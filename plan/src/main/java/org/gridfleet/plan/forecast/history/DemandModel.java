package org.gridfleet.plan.forecast.history;

import java.util.Random;

/**
 * The end-users' aggregate demand: a daily shape with a morning and an evening peak and office hours on weekdays, a
 * flatter, later weekend, heating below 15 °C and cooling above 22 °C, and a few per cent of AR(1) noise.
 */
final class DemandModel {
    private static final double HEATING_SHARE_PER_C = 0.012;
    private static final double COOLING_SHARE_PER_C = 0.025;
    private static final double NOISE_SHARE = 0.03;

    private final double peakKw;
    private final ArProcess noise;

    DemandModel(Random random, double peakKw, double stepHours) {
        this.peakKw = peakKw;
        this.noise = new ArProcess(random, 0.9, stepHours);
    }

    /** Demand in kW at local hour {@code hour} on a weekend or weekday, at {@code temperatureC}. */
    double nextKw(double hour, boolean weekend, double temperatureC) {
        double morningPeakHour = weekend ? 10 : 8;
        double shape = 0.45
                + (weekend ? 0.12 : 0.22) * bump(hour, morningPeakHour, 1.8)
                + 0.3 * bump(hour, 19.5, 2.5)
                + (weekend ? 0 : 0.12) * (hour >= 9 && hour < 17 ? 1 : 0);
        double weather = HEATING_SHARE_PER_C * Math.max(0, 15 - temperatureC) + COOLING_SHARE_PER_C * Math.max(0, temperatureC - 22);
        return peakKw * (shape + weather) * (1 + NOISE_SHARE * noise.next());
    }

    private static double bump(double hour, double centre, double width) {
        double d = Math.abs(hour - centre);
        d = Math.min(d, 24 - d);
        return Math.exp(-0.5 * (d / width) * (d / width));
    }
}
