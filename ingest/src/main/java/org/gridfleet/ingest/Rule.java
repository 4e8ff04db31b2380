package org.gridfleet.ingest;

/**
 * The concerns the verifier checks, one rule each, for fleet files and for live telemetry and meter readings alike;
 * docs/fleet-format.md lists what each rejects, docs/control.md what each refuses live.
 */
public enum Rule {
    SOURCE("source"),
    SYNTAX("syntax"),
    SCHEMA("schema"),
    FINITE("finite"),
    RANGE("range"),
    UNITS("units"),
    DUPLICATE("duplicate"),
    ORDER("order"),
    UNKNOWN_ID("unknown-id"),
    STALE("stale"),
    /** Live data only: stamped further ahead of the receiver's clock than the allowed skew. */
    CLOCK_SKEW("clock-skew"),
    GAP("gap"),
    SIZE("size"),
    CONSISTENCY("consistency");

    private final String id;

    Rule(String id) {
        this.id = id;
    }

    /** The rule's name in reports, e.g. {@code unknown-id}. */
    public String id() {
        return id;
    }
}
