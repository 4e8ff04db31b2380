package org.gridfleet.plan.forecast;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A site's history: whole UTC days of equally spaced intervals, in order, without gaps, every value finite. The
 * constructor rejects anything else with an {@link IllegalArgumentException} that says what is wrong and where, so
 * that the learners never see a hole or a NaN.
 *
 * @param site the site the history was measured at
 * @param step the length of every interval; a whole number of steps makes a day
 * @param rows one row per interval, the first starting at midnight UTC
 */
public record History(ForecastSite site, Duration step, List<HistoryRow> rows) {
    private static final Duration DAY = Duration.ofDays(1);

    public History {
        requireNonNull(site, "site");
        requireNonNull(step, "step");
        rows = List.copyOf(rows);
        if (step.isNegative() || step.isZero() || step.getNano() != 0 || DAY.toSeconds() % step.toSeconds() != 0) {
            throw new IllegalArgumentException("history step must divide a day into whole intervals: " + step);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("history is empty");
        }
        Instant first = rows.getFirst().start();
        if (!first.atZone(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)) {
            throw new IllegalArgumentException("history must start at midnight UTC, starts at " + first);
        }
        for (int k = 0; k < rows.size(); k++) {
            checkRow(rows.get(k), k);
            if (k > 0 && !rows.get(k).start().isAfter(rows.get(k - 1).start())) {
                throw new IllegalArgumentException("history out of order at row " + k + ": " + rows.get(k).start() + " does not follow " + rows.get(k - 1).start());
            }
        }
        for (int k = 1; k < rows.size(); k++) {
            checkStep(rows.get(k - 1).start(), rows.get(k).start(), step, k);
        }
        int perDay = (int) (DAY.toSeconds() / step.toSeconds());
        if (rows.size() % perDay != 0) {
            throw new IllegalArgumentException("history must cover whole days: " + rows.size() + " intervals of " + step
                    + " from " + first + " leave the last day (" + dateOf(rows.getLast().start()) + ") incomplete");
        }
    }

    private static void checkRow(HistoryRow row, int index) {
        String where = " in row " + index + " (" + row.start() + ")";
        if (!row.measured().finite()) {
            throw new IllegalArgumentException("measured weather is not finite" + where + ": " + row.measured());
        }
        if (!row.forecast().finite()) {
            throw new IllegalArgumentException("forecast weather is not finite" + where + ": " + row.forecast());
        }
        for (Quantity q : Quantity.values()) {
            double v = q.valueKw(row);
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException(q.label() + " must be finite and >= 0 kW" + where + ": " + v);
            }
        }
    }

    private static void checkStep(Instant previous, Instant current, Duration step, int index) {
        Instant expected = previous.plus(step);
        if (current.isAfter(expected)) {
            throw new IllegalArgumentException("gap in history before row " + index + ": nothing from " + expected + " to " + current);
        }
        if (!current.equals(expected)) {
            throw new IllegalArgumentException("row " + index + " starts at " + current + ", off the " + step + " grid (expected " + expected + ")");
        }
    }

    private static LocalDate dateOf(Instant time) {
        return time.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** Intervals per day. */
    public int intervalsPerDay() {
        return (int) (DAY.toSeconds() / step.toSeconds());
    }

    /** Whole days covered. */
    public int days() {
        return rows.size() / intervalsPerDay();
    }

    /** The UTC date of day {@code d} (0 = the first). */
    public LocalDate date(int d) {
        return dateOf(rows.getFirst().start()).plusDays(d);
    }

    /** The rows of day {@code d}. */
    public List<HistoryRow> day(int d) {
        int n = intervalsPerDay();
        return rows.subList(d * n, (d + 1) * n);
    }

    /** Days {@code from} (inclusive) to {@code to} (exclusive) as a history of their own. */
    public History days(int from, int to) {
        if (from < 0 || to > days() || from >= to) {
            throw new IllegalArgumentException("days [" + from + ", " + to + ") are not within the history's " + days() + " days");
        }
        int n = intervalsPerDay();
        return new History(site, step, rows.subList(from * n, to * n));
    }

    /** Measured values of {@code quantity} on day {@code d}, kW. */
    public double[] valuesKw(Quantity quantity, int d) {
        return day(d).stream().mapToDouble(quantity::valueKw).toArray();
    }

    /** The day-ahead weather forecast that was issued for day {@code d}. */
    public WeatherForecast weatherForecast(int d) {
        List<HistoryRow> rows = day(d);
        return new WeatherForecast(rows.getFirst().start(), step, rows.stream().map(HistoryRow::forecast).toList());
    }
}
