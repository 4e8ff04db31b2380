package org.gridfleet.plan.forecast;

/**
 * Forecasts one quantity for the next day from what is known before it starts: the site's recent history and the
 * day-ahead weather forecast for the day.
 */
public interface DayAheadForecaster {
    /** The quantity this forecaster forecasts. */
    Quantity quantity();

    /**
     * The forecast for the day that {@code weather} covers.
     *
     * @param recent  the history up to midnight before that day, at least {@link #contextDays()} days
     * @param weather the day-ahead weather forecast for the day
     */
    ProbabilisticForecast forecast(History recent, WeatherForecast weather);

    /** How many days of recent history a forecast needs. */
    int contextDays();
}
