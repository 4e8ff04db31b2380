package org.gridfleet.model.asset;

/**
 * A limit on running hours, as permits set for emergency generators (for example 100 h a year outside
 * emergencies).
 *
 * @param maxHoursPerYear hours the unit may run in a calendar year; infinite for no limit
 * @param usedHours       hours already run this year before the horizon starts
 */
public record RunHourLimit(double maxHoursPerYear, double usedHours) {
    public static final RunHourLimit NONE = new RunHourLimit(Double.POSITIVE_INFINITY, 0);

    public RunHourLimit {
        if (!(maxHoursPerYear > 0) || !(usedHours >= 0) || !Double.isFinite(usedHours)) {
            throw new IllegalArgumentException("run-hour limit needs maxHoursPerYear > 0 and usedHours >= 0: " + maxHoursPerYear + ", " + usedHours);
        }
    }

    /** Hours still allowed: never negative. */
    public double remainingHours() {
        return Math.max(0, maxHoursPerYear - usedHours);
    }
}
