package org.gridfleet.sim;

/**
 * A wind turbine's power curve as a share of its rating: nothing below the cut-in speed, a cubic rise to the
 * rated speed, full output up to the cut-out speed, and nothing above it (the turbine feathers its blades and
 * stops to protect itself).
 *
 * <pre>
 *   share = 0                                    v &lt; cutIn  or  v ≥ cutOut
 *   share = (v³ − cutIn³) / (rated³ − cutIn³)    cutIn ≤ v &lt; rated
 *   share = 1                                    rated ≤ v &lt; cutOut
 * </pre>
 *
 * @param cutInMPerS  wind speed at hub height where output starts, m/s
 * @param ratedMPerS  wind speed where output reaches the rating, m/s
 * @param cutOutMPerS wind speed from which the turbine shuts down, m/s
 */
public record WindPowerCurve(double cutInMPerS, double ratedMPerS, double cutOutMPerS) {
    /** Cut-in 3 m/s, rated 12 m/s, cut-out 25 m/s: a typical utility-scale turbine. */
    public static final WindPowerCurve STANDARD = new WindPowerCurve(3, 12, 25);

    public WindPowerCurve {
        if (!(cutInMPerS >= 0 && cutInMPerS < ratedMPerS && ratedMPerS < cutOutMPerS) || !Double.isFinite(cutOutMPerS)) {
            throw new IllegalArgumentException("need 0 <= cutIn < rated < cutOut, finite: " + cutInMPerS + ", " + ratedMPerS + ", " + cutOutMPerS);
        }
    }

    /** The share 0..1 of the rating the turbine gives at wind speed {@code windSpeedMPerS}. */
    public double share(double windSpeedMPerS) {
        double v = windSpeedMPerS;
        if (!(v >= cutInMPerS) || v >= cutOutMPerS) {
            return 0;
        }
        if (v >= ratedMPerS) {
            return 1;
        }
        double in3 = cutInMPerS * cutInMPerS * cutInMPerS;
        double rated3 = ratedMPerS * ratedMPerS * ratedMPerS;
        return (v * v * v - in3) / (rated3 - in3);
    }

    /**
     * A wind speed that gives {@code share} of the rating, to turn a power forecast back into weather: 0 m/s (calm)
     * for no output, the cubic's inverse in between, and the middle of the flat part, {@code (rated + cutOut) / 2},
     * for full output, so that a few metres per second of noise neither drop it below rated nor push it past
     * cut-out.
     */
    public double windSpeedFor(double share) {
        if (!(share > 0)) {
            return 0;
        }
        if (share >= 1) {
            return (ratedMPerS + cutOutMPerS) / 2;
        }
        double in3 = cutInMPerS * cutInMPerS * cutInMPerS;
        double rated3 = ratedMPerS * ratedMPerS * ratedMPerS;
        return Math.cbrt(in3 + share * (rated3 - in3));
    }
}
