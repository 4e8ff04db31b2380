package org.gridfleet.control.live;

/**
 * The rules live telemetry and meter readings must pass before the control center uses them: the live counterparts
 * of the file verifier's rules (docs/fleet-format.md), each with the name it is counted under.
 */
public enum LiveRule {
    /** The device or end-user is not part of the plant's fleet. */
    UNKNOWN_ID("unknown-id"),
    /** A number is NaN or infinite (comm refuses these at decoding already; checked again here). */
    NOT_FINITE("finite"),
    /** The same timestamp as the value already kept: a repeat. */
    DUPLICATE("duplicate"),
    /** Older than the value already kept: late or replayed. */
    OUT_OF_ORDER("out-of-order"),
    /** Stamped further ahead of the center's clock than the allowed clock skew. */
    CLOCK_SKEW("clock-skew"),
    /** Measured so long before it arrived that it no longer says what the device does now. */
    STALE("stale"),
    /** Physically impossible for the device or end-user: power beyond its range, state of charge outside 0..1, negative demand. */
    RANGE("range"),
    /** A value that can only be a unit mistake, such as one end-user's demand in watts. */
    UNITS("units");

    private final String id;

    LiveRule(String id) {
        this.id = id;
    }

    /** The rule's name in reports, e.g. {@code out-of-order}. */
    public String id() {
        return id;
    }
}
