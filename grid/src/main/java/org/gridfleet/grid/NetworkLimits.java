package org.gridfleet.grid;

/**
 * Operating limits a plan's power flows are judged against.
 *
 * @param minVoltagePu lowest acceptable bus voltage, pu of nominal
 * @param maxVoltagePu highest acceptable bus voltage, pu of nominal
 * @param maxLoading   highest acceptable branch current as a share of its rating (1 = 100 %)
 */
public record NetworkLimits(double minVoltagePu, double maxVoltagePu, double maxLoading) {
    /** ANSI C84.1 range A (±5 %) and the thermal rating. */
    public static final NetworkLimits DEFAULT = new NetworkLimits(0.95, 1.05, 1.0);

    public NetworkLimits {
        if (!(minVoltagePu > 0 && minVoltagePu < maxVoltagePu && maxVoltagePu < 2)) {
            throw new IllegalArgumentException("voltage limits must satisfy 0 < min < max < 2 pu: " + minVoltagePu + " .. " + maxVoltagePu);
        }
        if (!(maxLoading > 0 && maxLoading <= 10)) {
            throw new IllegalArgumentException("maxLoading must be within (0, 10] (1 = 100 % of rating): " + maxLoading);
        }
    }
}
