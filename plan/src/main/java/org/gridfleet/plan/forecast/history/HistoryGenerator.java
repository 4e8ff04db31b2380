package org.gridfleet.plan.forecast.history;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gridfleet.plan.forecast.ClearSky;
import org.gridfleet.plan.forecast.ForecastSite;
import org.gridfleet.plan.forecast.History;
import org.gridfleet.plan.forecast.HistoryRow;
import org.gridfleet.plan.forecast.Weather;

/**
 * A seeded synthetic history of a site, for tests and demos where no real one is at hand: clear-sky irradiance from
 * the sun's position times a cloud attenuation with weather regimes, photovoltaic output from it, wind speed with a
 * Weibull marginal through the turbine's power curve, temperature, and demand with daily and weekly patterns and
 * heating and cooling; beside each day, a day-ahead weather forecast with realistic errors. The same seed gives the
 * same history.
 */
public final class HistoryGenerator {
    private static final double WIND_WEIBULL_SCALE_MPERS = 8;

    private final ForecastSite site;
    private final long seed;

    public HistoryGenerator(ForecastSite site, long seed) {
        this.site = requireNonNull(site, "site");
        this.seed = seed;
    }

    /** {@code days} days from midnight UTC of {@code firstDay}, in intervals of {@code step}. */
    public History generate(LocalDate firstDay, int days, Duration step) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be >= 1: " + days);
        }
        if (step.isNegative() || step.isZero() || Duration.ofDays(1).toSeconds() % step.toSeconds() != 0) {
            throw new IllegalArgumentException("step must divide a day into whole intervals: " + step);
        }
        double stepHours = step.toSeconds() / 3600.0;
        int perDay = (int) Math.round(24 / stepHours);
        Random random = new Random(seed);
        SkyModel sky = new SkyModel(new Random(random.nextLong()), stepHours);
        WindModel wind = new WindModel(new Random(random.nextLong()), WIND_WEIBULL_SCALE_MPERS, stepHours);
        TemperatureModel temperature = new TemperatureModel(new Random(random.nextLong()), site.location().latitudeDeg(), stepHours);
        DemandModel demand = new DemandModel(new Random(random.nextLong()), site.demandPeakKw(), stepHours);

        double hourOffset = site.location().longitudeDeg() / 15;
        List<HistoryRow> rows = new ArrayList<>(days * perDay);
        for (int d = 0; d < days; d++) {
            LocalDate date = firstDay.plusDays(d);
            Instant midnight = date.atStartOfDay(ZoneOffset.UTC).toInstant();
            double[] solarHour = new double[perDay];
            for (int k = 0; k < perDay; k++) {
                solarHour[k] = Math.floorMod(Math.round(((k + 0.5) * stepHours + hourOffset) * 3600), 86_400) / 3600.0;
            }
            DayValues attenuation = sky.nextDay(perDay);
            DayValues speed = wind.nextDay(solarHour);
            DayValues celsius = temperature.nextDay(date.getDayOfYear(), solarHour, attenuation);
            for (int k = 0; k < perDay; k++) {
                Instant start = midnight.plus(step.multipliedBy(k));
                double clearSky = ClearSky.meanGhiWPerM2(site.location(), start, step);
                Weather measured = new Weather(clearSky * attenuation.actual()[k], speed.actual()[k], celsius.actual()[k]);
                Weather forecast = new Weather(clearSky * attenuation.forecast()[k], speed.forecast()[k], celsius.forecast()[k]);
                LocalDate localDate = start.plus(step.dividedBy(2)).plusSeconds(Math.round(hourOffset * 3600)).atZone(ZoneOffset.UTC).toLocalDate();
                boolean weekend = localDate.getDayOfWeek() == DayOfWeek.SATURDAY || localDate.getDayOfWeek() == DayOfWeek.SUNDAY;
                rows.add(new HistoryRow(start, measured, forecast,
                        site.pvKwAt(measured.irradianceWPerM2()),
                        site.windKwAt(measured.windSpeedMPerS()),
                        demand.nextKw(solarHour[k], weekend, measured.temperatureC())));
            }
        }
        return new History(site, step, rows);
    }
}
