package org.gridfleet.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A day of quarter hours from 2024-06-01T00:00Z: interval k covers [00:00 + k·15 min, 00:00 + (k+1)·15 min). */
class TimeGridTest {
    private static final Instant MIDNIGHT = Instant.parse("2024-06-01T00:00:00Z");
    private static final TimeGrid DAY_OF_QUARTERS = new TimeGrid(MIDNIGHT, Duration.ofMinutes(15), 96);

    @Test
    void stepHoursOfQuarterHourIsOneQuarter() {
        // 15 min / 60 min = 0.25 h
        assertThat(DAY_OF_QUARTERS.stepHours()).isEqualTo(0.25);
    }

    @Test
    void stepHoursOfHourIsOneAndOfFiveMinutesIsOneTwelfth() {
        assertThat(new TimeGrid(MIDNIGHT, Duration.ofHours(1), 24).stepHours()).isEqualTo(1.0);
        // 5 / 60 = 1/12
        assertThat(new TimeGrid(MIDNIGHT, Duration.ofMinutes(5), 12).stepHours()).isCloseTo(1.0 / 12, within(Tolerance.FRACTION));
    }

    @Test
    void startOfIntervalIsStartPlusIndexTimesStep() {
        assertThat(DAY_OF_QUARTERS.startOf(0)).isEqualTo(MIDNIGHT);
        assertThat(DAY_OF_QUARTERS.startOf(1)).isEqualTo(Instant.parse("2024-06-01T00:15:00Z"));
        // 95 · 15 min = 23 h 45 min
        assertThat(DAY_OF_QUARTERS.startOf(95)).isEqualTo(Instant.parse("2024-06-01T23:45:00Z"));
    }

    @Test
    void endOfIntervalIsStartOfTheNext() {
        assertThat(DAY_OF_QUARTERS.endOf(0)).isEqualTo(Instant.parse("2024-06-01T00:15:00Z")).isEqualTo(DAY_OF_QUARTERS.startOf(1));
        assertThat(DAY_OF_QUARTERS.endOf(95)).isEqualTo(Instant.parse("2024-06-02T00:00:00Z"));
    }

    @Test
    void endOfHorizonIsEndOfLastInterval() {
        // 96 · 15 min = 24 h
        assertThat(DAY_OF_QUARTERS.end()).isEqualTo(Instant.parse("2024-06-02T00:00:00Z")).isEqualTo(DAY_OF_QUARTERS.endOf(95));
        assertThat(DAY_OF_QUARTERS.horizon()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void singleIntervalGridSpansOneStep() {
        TimeGrid one = new TimeGrid(MIDNIGHT, Duration.ofMinutes(30), 1);

        assertThat(one.startOf(0)).isEqualTo(MIDNIGHT);
        assertThat(one.endOf(0)).isEqualTo(one.end()).isEqualTo(Instant.parse("2024-06-01T00:30:00Z"));
        assertThat(one.horizon()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void intervalOutsideGridIsOutOfBounds() {
        assertThatThrownBy(() -> DAY_OF_QUARTERS.startOf(-1)).isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> DAY_OF_QUARTERS.startOf(96)).isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("96");
        assertThatThrownBy(() -> DAY_OF_QUARTERS.endOf(96)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> DAY_OF_QUARTERS.endOf(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void stepOfOneMinuteIsAccepted() {
        TimeGrid grid = new TimeGrid(MIDNIGHT, Duration.ofMinutes(1), 60);

        assertThat(grid.stepHours()).isCloseTo(1.0 / 60, within(Tolerance.FRACTION));
        assertThat(grid.end()).isEqualTo(Instant.parse("2024-06-01T01:00:00Z"));
    }

    @Test
    void stepBelowOneMinuteIsRejected() {
        assertThatThrownBy(() -> new TimeGrid(MIDNIGHT, Duration.ofSeconds(59), 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step").hasMessageContaining("PT59S");
        assertThatThrownBy(() -> new TimeGrid(MIDNIGHT, Duration.ofMinutes(1).minusNanos(1), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeGrid(MIDNIGHT, Duration.ZERO, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeGrid(MIDNIGHT, Duration.ofMinutes(-15), 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void intervalCountsFromOneToOneHundredThousandAreAccepted() {
        assertThat(new TimeGrid(MIDNIGHT, Duration.ofMinutes(15), 1).intervals()).isEqualTo(1);
        TimeGrid longest = new TimeGrid(MIDNIGHT, Duration.ofMinutes(15), 100_000);
        // 100 000 · 15 min = 1 500 000 min = 25 000 h
        assertThat(longest.horizon()).isEqualTo(Duration.ofHours(25_000));
    }

    @Test
    void intervalCountsOutsideOneToOneHundredThousandAreRejected() {
        for (int intervals : new int[] {0, -1, 100_001, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> new TimeGrid(MIDNIGHT, Duration.ofMinutes(15), intervals))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(String.valueOf(intervals));
        }
    }

    @Test
    void missingStartOrStepIsRejected() {
        assertThatThrownBy(() -> new TimeGrid(null, Duration.ofMinutes(15), 4)).isInstanceOf(NullPointerException.class).hasMessage("start");
        assertThatThrownBy(() -> new TimeGrid(MIDNIGHT, null, 4)).isInstanceOf(NullPointerException.class).hasMessage("step");
    }

    @Test
    void indexOfFloorsToTheIntervalThatHoldsTheTime() {
        TimeGrid grid = new TimeGrid(MIDNIGHT, Duration.ofMinutes(15), 96);
        assertThat(grid.indexOf(MIDNIGHT)).isZero();
        assertThat(grid.indexOf(MIDNIGHT.plus(Duration.ofMinutes(14)).plusNanos(999_999_999))).isZero();
        assertThat(grid.indexOf(MIDNIGHT.plus(Duration.ofMinutes(15)))).isEqualTo(1);
        // a nanosecond before the start is interval -1, the end is interval 96 (outside the grid)
        assertThat(grid.indexOf(MIDNIGHT.minusNanos(1))).isEqualTo(-1);
        assertThat(grid.indexOf(MIDNIGHT.minus(Duration.ofMinutes(15)))).isEqualTo(-1);
        assertThat(grid.indexOf(grid.end())).isEqualTo(96);
    }

    @Test
    void stepsAboveADayOrWithFractionsOfASecondAndFarStartsAreRejected() {
        assertThatThrownBy(() -> new TimeGrid(MIDNIGHT, Duration.ofDays(1).plusSeconds(1), 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeGrid(MIDNIGHT, Duration.ofMinutes(15).plusMillis(1), 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeGrid(Instant.parse("2300-01-01T00:00:00Z"), Duration.ofMinutes(15), 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start");
    }

    @Test
    void intervalsWithinCountsWholeStepsAndStopsAtTheHorizon() {
        TimeGrid quarterHours = new TimeGrid(Instant.parse("2026-11-23T00:00:00Z"), Duration.ofMinutes(15), 8);

        assertThat(quarterHours.intervalsWithin(0.6, 1e-6)).isEqualTo(2);
        assertThat(quarterHours.intervalsWithin(0.75 - 4e-7, 1e-6)).isEqualTo(3);
        assertThat(quarterHours.intervalsWithin(0, 1e-6)).isZero();
        assertThat(quarterHours.intervalsWithin(Double.POSITIVE_INFINITY, 1e-6)).isEqualTo(8);
    }

    @Test
    void intervalsToReachCountsStepsFromWhereItStarts() {
        TimeGrid quarterHours = new TimeGrid(Instant.parse("2026-11-23T00:00:00Z"), Duration.ofMinutes(15), 8);

        assertThat(quarterHours.intervalsToReach(0.5, 1, 1e-6)).isEqualTo(2);
        assertThat(quarterHours.intervalsToReach(0.6, 1, 1e-6)).isEqualTo(2);
        assertThat(quarterHours.intervalsToReach(2, 1, 1e-6)).isZero();
        assertThat(quarterHours.intervalsToReach(0, 100, 1e-6)).isEqualTo(9); // capped at intervals + 1
    }
}
