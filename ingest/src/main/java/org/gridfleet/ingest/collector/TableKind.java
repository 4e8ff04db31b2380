package org.gridfleet.ingest.collector;

/** The CSV files a fleet may name under {@code series}, by their key there. */
public enum TableKind {
    /** {@code time,<endUserId>,...}: kW per end-user. */
    DEMAND("demand"),
    /** {@code time,<deviceId>,...}: forecast kW per renewable. */
    FORECASTS("forecasts"),
    /** {@code time,salePricePerKwh,importTariffPerKwh}. */
    PRICES("prices"),
    /** {@code device,start,end,reason}: one maintenance window per row. */
    MAINTENANCE("maintenance");

    private final String key;

    TableKind(String key) {
        this.key = key;
    }

    /** The key under {@code series} in the fleet file. */
    public String key() {
        return key;
    }
}
