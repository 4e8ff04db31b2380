package org.gridfleet.plan.forecast;

/**
 * How a wind turbine turns hub-height wind speed into output, as a share of its rating: zero below cut-in, a cubic
 * rise (the power in the wind) up to the rated speed, flat at the rating up to cut-out, and zero from cut-out on,
 * where the turbine stops to protect itself.
 *
 * @param cutInMPerS  speed where output begins, m/s
 * @param ratedMPerS  speed where output reaches the rating, m/s
 * @param cutOutMPerS speed from which the turbine is stopped, m/s
 */
public record TurbinePowerCurve(double cutInMPerS, double ratedMPerS, double cutOutMPerS) {
    /** A common utility turbine: 3, 12 and 25 m/s. */
    public static final TurbinePowerCurve TYPICAL = new TurbinePowerCurve(3, 12, 25);

    public TurbinePowerCurve {
        boolean ordered = cutInMPerS >= 0 && ratedMPerS > cutInMPerS && cutOutMPerS > ratedMPerS;
        if (!ordered || !Double.isFinite(cutOutMPerS)) {
            throw new IllegalArgumentException(
                    "power curve needs 0 <= cut-in < rated < cut-out (m/s), got " + cutInMPerS + " / " + ratedMPerS + " / " + cutOutMPerS);
        }
    }

    /** Output as a share 0..1 of the rating at {@code speedMPerS}. */
    public double shareAt(double speedMPerS) {
        if (speedMPerS < cutInMPerS || speedMPerS >= cutOutMPerS || Double.isNaN(speedMPerS)) {
            return 0;
        }
        if (speedMPerS >= ratedMPerS) {
            return 1;
        }
        double low = Math.pow(cutInMPerS, 3);
        return (Math.pow(speedMPerS, 3) - low) / (Math.pow(ratedMPerS, 3) - low);
    }
}
