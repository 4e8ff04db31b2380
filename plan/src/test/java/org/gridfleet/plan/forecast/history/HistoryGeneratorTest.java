package org.gridfleet.plan.forecast.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.gridfleet.plan.forecast.ClearSky;
import org.gridfleet.plan.forecast.ForecastSite;
import org.gridfleet.plan.forecast.History;
import org.gridfleet.plan.forecast.HistoryRow;
import org.junit.jupiter.api.Test;

class HistoryGeneratorTest {
    private static final ForecastSite SITE = ForecastSite.example();
    private static final History YEAR = new HistoryGenerator(SITE, 11).generate(LocalDate.of(2025, 1, 1), 365, Duration.ofHours(1));

    @Test
    void theSameSeedGivesTheSameHistory() {
        History again = new HistoryGenerator(SITE, 11).generate(LocalDate.of(2025, 1, 1), 3, Duration.ofHours(1));
        History other = new HistoryGenerator(SITE, 12).generate(LocalDate.of(2025, 1, 1), 3, Duration.ofHours(1));

        assertThat(again.rows()).isEqualTo(YEAR.rows().subList(0, 72));
        assertThat(other.rows()).isNotEqualTo(again.rows());
    }

    @Test
    void photovoltaicOutputIsZeroAtNightAndClipsAtTheRating() {
        for (HistoryRow row : YEAR.rows()) {
            double clearSky = ClearSky.meanGhiWPerM2(SITE.location(), row.start(), YEAR.step());
            if (clearSky == 0) {
                assertThat(row.pvKw()).as("%s", row.start()).isZero();
            }
            assertThat(row.pvKw()).isBetween(0.0, SITE.pvRatingKw());
            assertThat(row.measured().irradianceWPerM2()).isLessThanOrEqualTo(clearSky + 1e-9);
        }
        assertThat(YEAR.rows().stream().filter(r -> r.pvKw() == SITE.pvRatingKw()).count()).as("clipped hours").isGreaterThan(20);
    }

    /** Weibull with shape 2 and scale 8 m/s has mean 8·Γ(1.5) = 7.09 m/s; the diurnal factor averages 1. */
    @Test
    void windSpeedHasTheWeibullMeanAndWindOutputFollowsThePowerCurve() {
        assertThat(mean(YEAR.rows(), r -> r.measured().windSpeedMPerS())).isCloseTo(7.09, within(0.6));
        for (HistoryRow row : YEAR.rows()) {
            assertThat(row.windKw()).isCloseTo(SITE.windKwAt(row.measured().windSpeedMPerS()), within(1e-9));
        }
        double capacityFactor = mean(YEAR.rows(), HistoryRow::windKw) / SITE.windRatingKw();
        assertThat(capacityFactor).isBetween(0.2, 0.45);
    }

    @Test
    void weekendsUseLessAndColdHoursMore() {
        List<HistoryRow> weekend = YEAR.rows().stream().filter(r -> isWeekend(r)).toList();
        List<HistoryRow> weekday = YEAR.rows().stream().filter(r -> !isWeekend(r)).toList();
        assertThat(mean(weekend, HistoryRow::demandKw)).isLessThan(0.95 * mean(weekday, HistoryRow::demandKw));

        List<HistoryRow> cold = YEAR.rows().stream().filter(r -> r.measured().temperatureC() < 5).toList();
        List<HistoryRow> mild = YEAR.rows().stream().filter(r -> r.measured().temperatureC() > 15 && r.measured().temperatureC() < 20).toList();
        assertThat(mean(cold, HistoryRow::demandKw)).isGreaterThan(mean(mild, HistoryRow::demandKw));
    }

    /** A day-ahead forecast that is informative but not perfect: correlated with what happened, with errors. */
    @Test
    void theWeatherForecastTracksTheWeatherWithRealisticErrors() {
        double irradiance = correlation(r -> r.measured().irradianceWPerM2(), r -> r.forecast().irradianceWPerM2());
        double wind = correlation(r -> r.measured().windSpeedMPerS(), r -> r.forecast().windSpeedMPerS());
        double temperature = correlation(r -> r.measured().temperatureC(), r -> r.forecast().temperatureC());

        assertThat(irradiance).isBetween(0.8, 0.98);
        assertThat(wind).isBetween(0.7, 0.97);
        assertThat(temperature).isBetween(0.9, 0.995);
    }

    private static boolean isWeekend(HistoryRow row) {
        DayOfWeek day = row.start().atZone(ZoneOffset.UTC).getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    private static double mean(List<HistoryRow> rows, ToDoubleFunction<HistoryRow> value) {
        return rows.stream().mapToDouble(value).average().orElseThrow();
    }

    private static double correlation(ToDoubleFunction<HistoryRow> a, ToDoubleFunction<HistoryRow> b) {
        double ma = mean(YEAR.rows(), a);
        double mb = mean(YEAR.rows(), b);
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (HistoryRow row : YEAR.rows()) {
            double da = a.applyAsDouble(row) - ma;
            double db = b.applyAsDouble(row) - mb;
            cov += da * db;
            va += da * da;
            vb += db * db;
        }
        return cov / Math.sqrt(va * vb);
    }
}
