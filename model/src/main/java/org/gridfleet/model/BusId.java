package org.gridfleet.model;

/** Identifies one bus (node) of the electrical network. */
public record BusId(String value) implements Comparable<BusId> {
    public BusId {
        Ids.require(value, "bus id");
    }

    public static BusId of(String value) {
        return new BusId(value);
    }

    @Override
    public int compareTo(BusId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
