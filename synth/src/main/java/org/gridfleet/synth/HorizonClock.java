package org.gridfleet.synth;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.gridfleet.model.TimeGrid;

/**
 * The horizon seen from the campus: for each interval, a few evenly spaced sub-samples (one per 5 minutes, at
 * most 12) with their local clock hour and whether it is a weekend, so that shapes can be averaged over each
 * interval (a power value is the interval's average).
 */
final class HorizonClock {
    /** The campus keeps Mountain Standard Time all through the generated season. */
    static final ZoneOffset SITE_OFFSET = ZoneOffset.ofHours(-7);

    final TimeGrid grid;
    final Instant[] starts;
    /** Sub-samples per interval. */
    final int perInterval;
    /** Local clock hour 0..24 of sub-sample {@code k * perInterval + s}. */
    final double[] localHour;
    final boolean[] weekend;
    /** Hours since the horizon start of each sub-sample. */
    final double[] hoursFromStart;
    /** UTC instant of each sub-sample, as epoch seconds. */
    final double[] epochSeconds;

    HorizonClock(TimeGrid grid) {
        this.grid = grid;
        int intervals = grid.intervals();
        starts = new Instant[intervals];
        perInterval = Math.clamp(Math.round(grid.step().toSeconds() / 300.0), 1, 12);
        localHour = new double[intervals * perInterval];
        weekend = new boolean[intervals * perInterval];
        hoursFromStart = new double[intervals * perInterval];
        epochSeconds = new double[intervals * perInterval];
        double stepSeconds = grid.step().toMillis() / 1000.0;
        double startSeconds = grid.start().toEpochMilli() / 1000.0;
        for (int k = 0; k < intervals; k++) {
            starts[k] = grid.startOf(k);
            for (int s = 0; s < perInterval; s++) {
                int i = k * perInterval + s;
                double at = startSeconds + (k + (s + 0.5) / perInterval) * stepSeconds;
                double local = at + SITE_OFFSET.getTotalSeconds();
                long day = (long) Math.floor(local / 86_400);
                DayOfWeek dayOfWeek = LocalDate.ofEpochDay(day).getDayOfWeek();
                epochSeconds[i] = at;
                localHour[i] = (local - day * 86_400.0) / 3600.0;
                weekend[i] = dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY;
                hoursFromStart[i] = (at - startSeconds) / 3600.0;
            }
        }
    }

    int intervals() {
        return starts.length;
    }

    double stepHours() {
        return grid.stepHours();
    }
}
