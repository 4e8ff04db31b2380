package org.gridfleet.model.asset;

/**
 * How often a device fails and how long it stays down.
 *
 * @param forcedOutageRate probability that the device is on forced outage at a random time, 0..1
 * @param mttfHours        mean time to failure in hours; infinite for a device that never fails
 * @param mttrHours        mean time to repair in hours
 */
public record Reliability(double forcedOutageRate, double mttfHours, double mttrHours) {
    /** A device that never fails; the default when a fleet file says nothing. */
    public static final Reliability PERFECT = new Reliability(0, Double.POSITIVE_INFINITY, 24);

    public Reliability {
        if (!(forcedOutageRate >= 0 && forcedOutageRate < 1)) {
            throw new IllegalArgumentException("forcedOutageRate must be within [0, 1): " + forcedOutageRate);
        }
        if (!(mttfHours > 0)) {
            throw new IllegalArgumentException("mttfHours must be > 0: " + mttfHours);
        }
        if (!(mttrHours > 0) || !Double.isFinite(mttrHours)) {
            throw new IllegalArgumentException("mttrHours must be positive and finite: " + mttrHours);
        }
    }

    /** The forced outage rate implied by the mean times, {@code mttr / (mttf + mttr)}. */
    public static double impliedForcedOutageRate(double mttfHours, double mttrHours) {
        return Double.isInfinite(mttfHours) ? 0 : mttrHours / (mttfHours + mttrHours);
    }

    /** The mean time to failure implied by a forced outage rate and repair time; infinite for rate 0. */
    public static double impliedMttfHours(double forcedOutageRate, double mttrHours) {
        return forcedOutageRate == 0 ? Double.POSITIVE_INFINITY : mttrHours * (1 - forcedOutageRate) / forcedOutageRate;
    }
}
