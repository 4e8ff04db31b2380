package org.gridfleet.model.asset;

/**
 * A generator's state when the horizon starts.
 *
 * @param on           whether it is running
 * @param hoursInState for how long it has been on (or off)
 * @param powerKw      its output now; 0 when off
 */
public record InitialState(boolean on, double hoursInState, double powerKw) {
    /** Off for long enough that nothing carries over into the horizon. */
    public static final InitialState LONG_OFF = new InitialState(false, 1_000, 0);

    public InitialState {
        if (!(hoursInState >= 0) || !Double.isFinite(hoursInState)) {
            throw new IllegalArgumentException("hoursInState must be finite and >= 0: " + hoursInState);
        }
        if (!(powerKw >= 0) || !Double.isFinite(powerKw) || (!on && powerKw != 0)) {
            throw new IllegalArgumentException("initial powerKw must be >= 0, and 0 when off: " + powerKw);
        }
    }
}
