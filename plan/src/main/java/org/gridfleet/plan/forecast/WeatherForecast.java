package org.gridfleet.plan.forecast;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A day-ahead numerical weather prediction for one day at the site, issued before the day starts: the forecasters'
 * view of tomorrow's sun, wind and temperature.
 *
 * @param start     start of the first interval (midnight UTC of the day)
 * @param step      length of each interval
 * @param intervals the forecast weather, one per interval
 */
public record WeatherForecast(Instant start, Duration step, List<Weather> intervals) {
    public WeatherForecast {
        requireNonNull(start, "start");
        requireNonNull(step, "step");
        intervals = List.copyOf(intervals);
        for (int k = 0; k < intervals.size(); k++) {
            if (!intervals.get(k).finite()) {
                throw new IllegalArgumentException("weather forecast is not finite at interval " + k + " (" + start.plus(step.multipliedBy(k)) + "): " + intervals.get(k));
            }
        }
    }
}
