package org.gridfleet.plan.forecast;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One interval of a site's history: what was measured, and what the day-ahead weather forecast had said for it.
 *
 * @param start    the interval's start (UTC); values are means over the interval
 * @param measured the weather as measured
 * @param forecast the weather as forecast the evening before (numerical weather prediction)
 * @param pvKw     photovoltaic output, kW
 * @param windKw   wind output, kW
 * @param demandKw the end-users' aggregate demand, kW
 */
public record HistoryRow(Instant start, Weather measured, Weather forecast, double pvKw, double windKw, double demandKw) {
    public HistoryRow {
        requireNonNull(start, "start");
        requireNonNull(measured, "measured");
        requireNonNull(forecast, "forecast");
    }
}
