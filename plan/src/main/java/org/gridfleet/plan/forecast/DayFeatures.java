package org.gridfleet.plan.forecast;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The features of one forecast day, one row per interval, for one quantity: all that is known at midnight before
 * the day (the day-ahead weather forecast, the clear sky, the last week's measurements). Power features and the
 * target are per unit of the quantity's scale (rating or demand peak), so that one model serves sites of any size.
 *
 * @param names      feature names, the same for every day of the quantity
 * @param values     {@code [interval][feature]}
 * @param clearSkyPu photovoltaic output under a clear sky per unit of its rating (0 at night), per interval
 * @param leadHours  hours from the forecast's issue (midnight) to the interval's middle
 */
record DayFeatures(String[] names, double[][] values, double[] clearSkyPu, double[] leadHours) {
    /** Days of history before the forecast day that the features look back on. */
    static final int CONTEXT_DAYS = 7;

    private static final String[] COMMON = {"hourSin", "hourCos", "yesterday", "lastValue", "yesterdayMean"};
    private static final String[] PV = {"clearSky", "nwpPv", "nwpClearness", "yesterdayClearness"};
    private static final String[] WIND = {"nwpSpeed", "nwpCurve", "lastSpeed", "lead"};
    private static final String[] DEMAND = {"nwpTemperature", "heatingDegrees", "coolingDegrees", "weekend", "dayOfWeek", "weekAgo"};

    /** The features of the day that {@code weather} covers, from the {@link #CONTEXT_DAYS} days before it in {@code recent}. */
    static DayFeatures of(Quantity quantity, History recent, WeatherForecast weather) {
        ForecastSite site = recent.site();
        int days = recent.days();
        int n = recent.intervalsPerDay();
        if (days < CONTEXT_DAYS) {
            throw new IllegalArgumentException("a forecast of " + quantity.label() + " needs " + CONTEXT_DAYS
                    + " days of recent history, got " + days + " (" + recent.date(0) + " to " + recent.date(days - 1) + ")");
        }
        Instant end = recent.rows().getLast().start().plus(recent.step());
        if (!weather.start().equals(end) || !weather.step().equals(recent.step()) || weather.intervals().size() != n) {
            throw new IllegalArgumentException("the weather forecast (" + weather.intervals().size() + " intervals of " + weather.step()
                    + " from " + weather.start() + ") must cover the day right after the history, " + n + " intervals of "
                    + recent.step() + " from " + end);
        }
        double scale = quantity.scaleKw(site);
        double[] yesterday = scaled(recent.valuesKw(quantity, days - 1), scale);
        double[] weekAgo = scaled(recent.valuesKw(quantity, days - 7), scale);
        double yesterdayMean = mean(yesterday);
        double last = yesterday[n - 1];
        double lastSpeed = recent.rows().getLast().measured().windSpeedMPerS();
        double yesterdayClearness = clearness(recent, days - 1);

        Duration step = recent.step();
        double stepHours = step.toSeconds() / 3600.0;
        String[] names = names(quantity);
        double[][] values = new double[n][];
        double[] clearSkyPu = new double[n];
        double[] leadHours = new double[n];
        DayOfWeek weekday = weather.start().atZone(ZoneOffset.UTC).getDayOfWeek();
        boolean weekend = weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
        for (int k = 0; k < n; k++) {
            Instant start = weather.start().plus(step.multipliedBy(k));
            Weather w = weather.intervals().get(k);
            double clearGhi = ClearSky.meanGhiWPerM2(site.location(), start, step);
            clearSkyPu[k] = site.pvKwAt(clearGhi) / site.pvRatingKw();
            leadHours[k] = (k + 0.5) * stepHours;
            double angle = 2 * Math.PI * leadHours[k] / 24;
            double[] common = {Math.sin(angle), Math.cos(angle), yesterday[k], last, yesterdayMean};
            double[] own = switch (quantity) {
                case PV -> new double[] {clearSkyPu[k], site.pvKwAt(w.irradianceWPerM2()) / site.pvRatingKw(),
                        clearGhi > 0 ? w.irradianceWPerM2() / clearGhi : 0, yesterdayClearness};
                case WIND -> new double[] {w.windSpeedMPerS(), site.powerCurve().shareAt(w.windSpeedMPerS()), lastSpeed, leadHours[k]};
                case DEMAND -> new double[] {w.temperatureC(), Math.max(0, 15 - w.temperatureC()), Math.max(0, w.temperatureC() - 22),
                        weekend ? 1 : 0, weekday.getValue(), weekAgo[k]};
            };
            values[k] = coarse(concat(common, own), names);
        }
        return new DayFeatures(names, values, clearSkyPu, leadHours);
    }

    /** The feature names of {@code quantity}. */
    static String[] names(Quantity quantity) {
        String[] own = switch (quantity) {
            case PV -> PV;
            case WIND -> WIND;
            case DEMAND -> DEMAND;
        };
        String[] all = new String[COMMON.length + own.length];
        System.arraycopy(COMMON, 0, all, 0, COMMON.length);
        System.arraycopy(own, 0, all, COMMON.length, own.length);
        return all;
    }

    /** Yesterday's photovoltaic energy as a share of what a clear sky would have given: how sunny it was. */
    private static double clearness(History recent, int day) {
        List<HistoryRow> rows = recent.day(day);
        double measured = 0;
        double clear = 0;
        for (HistoryRow row : rows) {
            measured += row.pvKw();
            clear += recent.site().pvKwAt(ClearSky.meanGhiWPerM2(recent.site().location(), row.start(), recent.step()));
        }
        return clear > 0 ? Math.min(1.5, measured / clear) : 0;
    }

    /**
     * The values rounded to a resolution finer than any forecast can use (1 % of the scale, 0.2 m/s, 0.25 °C): a tree
     * tries a split at every distinct value, so this makes the forest several times faster to train at no loss.
     */
    private static double[] coarse(double[] values, String[] names) {
        for (int i = 0; i < values.length; i++) {
            double resolution = switch (names[i]) {
                case "nwpSpeed", "lastSpeed" -> 0.2;
                case "nwpTemperature", "heatingDegrees", "coolingDegrees" -> 0.25;
                case "lead", "weekend", "dayOfWeek" -> 0;
                default -> 0.01;
            };
            if (resolution > 0) {
                values[i] = Math.round(values[i] / resolution) * resolution;
            }
        }
        return values;
    }

    private static double[] scaled(double[] kw, double scale) {
        double[] pu = new double[kw.length];
        for (int i = 0; i < kw.length; i++) {
            pu[i] = kw[i] / scale;
        }
        return pu;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] all = new double[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
