package org.gridfleet.model;

/** Identifies one distributed energy resource (a device) across files, plans, commands and telemetry. */
public record AssetId(String value) implements Comparable<AssetId> {
    public AssetId {
        Ids.require(value, "asset id");
    }

    public static AssetId of(String value) {
        return new AssetId(value);
    }

    @Override
    public int compareTo(AssetId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
