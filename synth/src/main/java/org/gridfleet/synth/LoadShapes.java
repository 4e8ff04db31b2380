package org.gridfleet.synth;

import org.gridfleet.model.fleet.CustomerClass;

/**
 * Daily demand shapes per customer class, as a share of the class's peak (about 1 at the peak), by local clock
 * hour. Residential: a morning and a larger evening peak over a night base of 0.3. Commercial: a working-day
 * plateau from 07:30 to 18:30 over a base of 0.35. Industrial: flat around 0.8–0.95 with two shifts.
 */
final class LoadShapes {
    private LoadShapes() {}

    static double shareOfPeak(CustomerClass customerClass, double localHour, boolean weekend) {
        double h = localHour;
        return switch (customerClass) {
            case RESIDENTIAL -> 0.30 + 0.35 * bump(h, 7.5, 1.0) + 0.70 * bump(h, 19.0, 2.0)
                    + (weekend ? 0.20 : 0.05) * bump(h, 13.0, 3.0);
            case COMMERCIAL -> weekend
                    ? 0.35 + 0.20 * plateau(h, 9.0, 17.0, 1.0)
                    : 0.35 + 0.65 * plateau(h, 7.5, 18.5, 0.75);
            case INDUSTRIAL -> weekend
                    ? 0.60 + 0.10 * plateau(h, 6.0, 22.0, 0.5)
                    : 0.78 + 0.17 * plateau(h, 6.0, 22.0, 0.5) - 0.05 * bump(h, 14.0, 0.3);
        };
    }

    /** A Gaussian bump at {@code centre} o'clock, wrapping around midnight. */
    static double bump(double hour, double centre, double widthHours) {
        double distance = Math.abs(hour - centre);
        distance = Math.min(distance, 24 - distance);
        double z = distance / widthHours;
        return StrictMath.exp(-0.5 * z * z);
    }

    /** About 1 between {@code from} and {@code to} o'clock and 0 outside, with edges {@code edgeHours} wide. */
    static double plateau(double hour, double from, double to, double edgeHours) {
        return logistic((hour - from) / edgeHours) * logistic((to - hour) / edgeHours);
    }

    private static double logistic(double x) {
        return 1 / (1 + StrictMath.exp(-x));
    }
}
