package org.gridfleet.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridfleet.sim.Drive.T0;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimClockTest {
    @Test
    void simulatedTimeStandsStillUntilAdvanced() {
        SimClock clock = new SimClock(T0);
        assertThat(clock.now()).isEqualTo(T0).isEqualTo(clock.instant());
        assertThat(clock.advance(Duration.ofHours(24))).isEqualTo(T0.plus(Duration.ofDays(1)));
        assertThat(clock.now()).isEqualTo(T0.plus(Duration.ofDays(1)));
        clock.advanceTo(T0.plus(Duration.ofDays(2)));
        assertThat(clock.millis()).isEqualTo(T0.plus(Duration.ofDays(2)).toEpochMilli());
    }

    @Test
    void simulatedTimeNeverRunsBackwards() {
        SimClock clock = new SimClock(T0);
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.advanceTo(T0.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
