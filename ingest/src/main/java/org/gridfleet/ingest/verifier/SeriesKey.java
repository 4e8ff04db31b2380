package org.gridfleet.ingest.verifier;

import static java.util.Objects.requireNonNull;

/**
 * Names one verified time series.
 *
 * @param subject the end-user or device id; empty for plant-wide prices
 */
public record SeriesKey(Kind kind, String subject) {
    public enum Kind {
        /** kW of one end-user. */
        DEMAND,
        /** forecast kW of one renewable. */
        FORECAST,
        /** price per kWh the plant gets for energy sold. */
        SALE_PRICE,
        /** price per kWh of energy imported from the grid. */
        IMPORT_TARIFF
    }

    public SeriesKey {
        requireNonNull(kind, "kind");
        requireNonNull(subject, "subject");
    }

    public static SeriesKey demand(String endUser) {
        return new SeriesKey(Kind.DEMAND, endUser);
    }

    public static SeriesKey forecast(String device) {
        return new SeriesKey(Kind.FORECAST, device);
    }

    /** For messages: {@code demand of EU-17}, {@code sale price}. */
    public String describe() {
        return switch (kind) {
            case DEMAND -> "demand of " + subject;
            case FORECAST -> "forecast of " + subject;
            case SALE_PRICE -> "sale price";
            case IMPORT_TARIFF -> "import tariff";
        };
    }
}
