package org.gridfleet.model;

/** Identifies one end-user (a customer or meter) whose demand the plant serves. */
public record EndUserId(String value) implements Comparable<EndUserId> {
    public EndUserId {
        Ids.require(value, "end-user id");
    }

    public static EndUserId of(String value) {
        return new EndUserId(value);
    }

    @Override
    public int compareTo(EndUserId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
