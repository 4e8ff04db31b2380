package org.gridfleet.model.asset;

/**
 * What starting a generator costs and how long it takes.
 *
 * @param hotStartCost        cost of a start after less than {@code coldStartAfterHours} off
 * @param coldStartCost       cost of a start after at least {@code coldStartAfterHours} off
 * @param coldStartAfterHours hours off after which a start is cold
 * @param startUpTimeMinutes  minutes from the start command until the unit delivers its minimum stable power
 */
public record StartUp(double hotStartCost, double coldStartCost, double coldStartAfterHours, double startUpTimeMinutes) {
    public static final StartUp FREE_AND_INSTANT = new StartUp(0, 0, 0, 0);

    public StartUp {
        if (!(hotStartCost >= 0) || !(coldStartCost >= 0) || !Double.isFinite(hotStartCost) || !Double.isFinite(coldStartCost)) {
            throw new IllegalArgumentException("start-up costs must be finite and >= 0: hot " + hotStartCost + ", cold " + coldStartCost);
        }
        if (!(coldStartAfterHours >= 0) || !(startUpTimeMinutes >= 0)) {
            throw new IllegalArgumentException("coldStartAfterHours and startUpTimeMinutes must be >= 0");
        }
    }

    /** Cost of a start after the unit has been off for {@code hoursOff}. */
    public double costAfter(double hoursOff) {
        return hoursOff >= coldStartAfterHours ? coldStartCost : hotStartCost;
    }
}
