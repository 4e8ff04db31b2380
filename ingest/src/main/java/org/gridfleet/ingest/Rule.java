package org.gridfleet.ingest;

/** The concerns the verifier checks, one rule each; docs/fleet-format.md lists what each rejects. */
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
