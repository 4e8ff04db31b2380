package org.gridfleet.synth;

/**
 * What energy costs at the campus meter. Import: a time-of-use tariff, off-peak 0.11 from 22:00 to 07:00,
 * peak 0.28 from 16:00 to 21:00 on weekdays, shoulder 0.17 otherwise (USD/kWh). Sale: a wholesale-like price
 * of about 0.05 at night with morning and evening humps, always at least 0.01 below the tariff.
 */
final class Tariffs {
    static final double OFF_PEAK_PER_KWH = 0.11;
    static final double SHOULDER_PER_KWH = 0.17;
    static final double PEAK_PER_KWH = 0.28;

    private Tariffs() {}

    static double importTariffPerKwh(double localHour, boolean weekend) {
        if (localHour < 7 || localHour >= 22) {
            return OFF_PEAK_PER_KWH;
        }
        if (!weekend && localHour >= 16 && localHour < 21) {
            return PEAK_PER_KWH;
        }
        return SHOULDER_PER_KWH;
    }

    /** Expected sale price at {@code localHour} over a night-time {@code basePerKwh}, before noise. */
    static double saleShapePerKwh(double basePerKwh, double localHour) {
        return basePerKwh + 0.03 * LoadShapes.bump(localHour, 8.0, 1.5) + 0.08 * LoadShapes.bump(localHour, 18.5, 2.0);
    }
}
