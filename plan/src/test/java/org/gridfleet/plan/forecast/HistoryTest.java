package org.gridfleet.plan.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gridfleet.plan.forecast.history.HistoryGenerator;
import org.junit.jupiter.api.Test;

class HistoryTest {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final History TWO_DAYS = new HistoryGenerator(ForecastSite.example(), 5).generate(LocalDate.of(2025, 6, 1), 2, HOUR);

    private static List<HistoryRow> rows() {
        return new ArrayList<>(TWO_DAYS.rows());
    }

    private static HistoryRow withPv(HistoryRow row, double pvKw) {
        return new HistoryRow(row.start(), row.measured(), row.forecast(), pvKw, row.windKw(), row.demandKw());
    }

    @Test
    void aGeneratedHistoryIsWholeDaysOnTheGrid() {
        assertThat(TWO_DAYS.days()).isEqualTo(2);
        assertThat(TWO_DAYS.intervalsPerDay()).isEqualTo(24);
        assertThat(TWO_DAYS.date(1)).isEqualTo(LocalDate.of(2025, 6, 2));
    }

    @Test
    void aNaNIsRejectedNamingTheQuantityAndTheInterval() {
        List<HistoryRow> rows = rows();
        rows.set(13, withPv(rows.get(13), Double.NaN));

        assertThatThrownBy(() -> new History(TWO_DAYS.site(), HOUR, rows))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("photovoltaic output must be finite")
                .hasMessageContaining("row 13 (2025-06-01T13:00:00Z)")
                .hasMessageContaining("NaN");
    }

    @Test
    void aNaNInTheWeatherForecastIsRejected() {
        List<HistoryRow> rows = rows();
        HistoryRow row = rows.get(30);
        rows.set(30, new HistoryRow(row.start(), row.measured(), new Weather(Double.NaN, 3, 10), row.pvKw(), row.windKw(), row.demandKw()));

        assertThatThrownBy(() -> new History(TWO_DAYS.site(), HOUR, rows))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("forecast weather is not finite in row 30 (2025-06-02T06:00:00Z)");
    }

    @Test
    void aGapIsRejectedSayingWhatIsMissing() {
        List<HistoryRow> rows = rows();
        rows.remove(5);

        assertThatThrownBy(() -> new History(TWO_DAYS.site(), HOUR, rows))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gap in history before row 5: nothing from 2025-06-01T05:00:00Z to 2025-06-01T06:00:00Z");
    }

    @Test
    void rowsOutOfOrderAreRejected() {
        List<HistoryRow> rows = rows();
        HistoryRow third = rows.get(3);
        rows.set(3, rows.get(4));
        rows.set(4, third);

        assertThatThrownBy(() -> new History(TWO_DAYS.site(), HOUR, rows))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("history out of order at row 4: 2025-06-01T03:00:00Z does not follow 2025-06-01T04:00:00Z");
    }

    @Test
    void anIncompleteLastDayIsRejected() {
        List<HistoryRow> rows = rows().subList(0, 40);

        assertThatThrownBy(() -> new History(TWO_DAYS.site(), HOUR, rows))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("history must cover whole days: 40 intervals")
                .hasMessageContaining("(2025-06-02) incomplete");
    }

    @Test
    void aHistoryThatDoesNotStartAtMidnightIsRejected() {
        List<HistoryRow> rows = rows().subList(1, 25);

        assertThatThrownBy(() -> new History(TWO_DAYS.site(), HOUR, rows))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("history must start at midnight UTC, starts at 2025-06-01T01:00:00Z");
    }

    @Test
    void negativeOutputIsRejected() {
        List<HistoryRow> rows = rows();
        rows.set(2, withPv(rows.get(2), -1));

        assertThatThrownBy(() -> new History(TWO_DAYS.site(), HOUR, rows))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("photovoltaic output must be finite and >= 0 kW in row 2");
    }

    @Test
    void tooLittleHistoryToLearnFromIsRejected() {
        History tenDays = new HistoryGenerator(ForecastSite.example(), 5).generate(LocalDate.of(2025, 6, 1), 10, HOUR);

        assertThatThrownBy(() -> new QuantileForecastTrainer().train(tenDays, Quantity.WIND))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too little history to learn wind output: 10 days from 2025-06-01, need at least 28");
    }

    @Test
    void aForecastNeedsAWeekOfContextAndTheWeatherOfTheNextDay() {
        DayAheadForecaster persistence = PersistenceForecaster.fit(TWO_DAYS, Quantity.DEMAND, ProbabilisticForecast.STANDARD_LEVELS);

        assertThatThrownBy(() -> DayFeatures.of(Quantity.DEMAND, TWO_DAYS, TWO_DAYS.weatherForecast(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs 7 days of recent history, got 2");
        assertThatThrownBy(() -> persistence.forecast(TWO_DAYS.days(0, 1), TWO_DAYS.weatherForecast(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must cover the day right after the history");
    }
}
