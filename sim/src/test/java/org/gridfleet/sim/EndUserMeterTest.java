package org.gridfleet.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.sim.Drive.T0;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.TimeGrid;
import org.junit.jupiter.api.Test;

class EndUserMeterTest {
    private static final TimeGrid HOURLY = new TimeGrid(T0, Duration.ofHours(1), 3);
    private static final EndUserId EU = EndUserId.of("EU-1");

    private static EndUserMeter meter(SimClock clock, Profile demand, TimeGrid grid, NoiseModel noise, long seed) {
        return new EndUserMeter(EU, demand, grid, noise, seed, clock);
    }

    private static void step(EndUserMeter meter, SimClock clock, Duration dt) {
        meter.step(dt);
        clock.advance(dt);
    }

    @Test
    void withoutNoiseAReadingIsTheProfileAveragedOverTheStepIntervalBeginning() {
        SimClock clock = new SimClock(T0);
        EndUserMeter m = meter(clock, Profile.of(100, 200, 300), HOURLY, NoiseModel.NONE, 1);
        assertThat(m.reading().demandKw()).isEqualTo(100);
        step(m, clock, Duration.ofMinutes(30));
        assertThat(m.reading()).isEqualTo(new MeterReading(EU, T0.plus(Duration.ofMinutes(30)), 100));
        step(m, clock, Duration.ofMinutes(30));
        assertThat(m.reading().demandKw()).isEqualTo(100); // [00:30, 01:00): still the first interval
        step(m, clock, Duration.ofMinutes(90));         // [01:00, 02:30): an hour at 200, half an hour at 300
        assertThat(m.reading().demandKw()).isCloseTo((200 * 60 + 300 * 30) / 90.0, within(1e-9));
        step(m, clock, Duration.ofHours(5));            // past the horizon the last value holds
        assertThat(m.reading().demandKw()).isCloseTo(300, within(1e-9));
        assertThat(m.reading().time()).isEqualTo(T0.plus(Duration.ofMinutes(30 + 30 + 90)).plus(Duration.ofHours(5)));
    }

    /**
     * 100 000 one-minute readings of a 1000 kW profile with ±3 % noise correlated over 15 minutes. The mean of an
     * AR(1) series has a standard deviation of about σ·sqrt(2τ / T) = 3 % · sqrt(30 / 100 000) = 0.052 %, so its mean
     * is within 0.3 % (six of those); about T / 2τ = 3 333 independent values estimate σ to within 1.2 %, so 3 % ± 0.3
     * is eight of those; the lag-15 autocorrelation is e⁻¹ = 0.368 by construction, within ±0.06.
     */
    @Test
    void noisyReadingsAverageToTheProfileWithTheirSpreadAndCorrelationTime() {
        SimClock clock = new SimClock(T0);
        TimeGrid grid = new TimeGrid(T0, Duration.ofDays(1), 100);
        EndUserMeter m = meter(clock, Profile.constant(100, 1000), grid, NoiseModel.DEMAND, 11);
        int n = 100_000;
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            step(m, clock, Duration.ofMinutes(1));
            x[k] = m.reading().demandKw() / 1000 - 1;
        }
        double mean = 0;
        for (double v : x) {
            mean += v / n;
        }
        double variance = 0;
        double lag15 = 0;
        for (int k = 0; k < n; k++) {
            variance += (x[k] - mean) * (x[k] - mean) / n;
            if (k >= 15) {
                lag15 += (x[k] - mean) * (x[k - 15] - mean) / (n - 15);
            }
        }
        assertThat(mean).isBetween(-0.003, 0.003);
        assertThat(Math.sqrt(variance)).isBetween(0.027, 0.033);
        assertThat(lag15 / variance).isCloseTo(Math.exp(-1), within(0.06));
    }

    @Test
    void aFrozenMeterRepeatsItsValueWithItsTimeStillAdvancing() {
        SimClock clock = new SimClock(T0);
        EndUserMeter m = meter(clock, Profile.of(100, 200, 300), HOURLY, NoiseModel.DEMAND, 5);
        SimClock twinClock = new SimClock(T0);
        EndUserMeter twin = meter(twinClock, Profile.of(100, 200, 300), HOURLY, NoiseModel.DEMAND, 5);
        for (int k = 0; k < 3; k++) {
            step(m, clock, Duration.ofMinutes(5));
            step(twin, twinClock, Duration.ofMinutes(5));
        }
        m.freeze();
        double frozen = m.reading().demandKw();
        List<MeterReading> whileFrozen = new ArrayList<>();
        for (int k = 0; k < 20; k++) { // through the change of interval at 01:00
            step(m, clock, Duration.ofMinutes(5));
            step(twin, twinClock, Duration.ofMinutes(5));
            whileFrozen.add(m.reading());
        }
        assertThat(whileFrozen).extracting(MeterReading::demandKw).containsOnly(frozen);
        assertThat(whileFrozen).extracting(MeterReading::time)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(4, 23).mapToObj(k -> T0.plus(Duration.ofMinutes(5L * k))).toList());
        assertThat(twin.reading().demandKw()).isNotEqualTo(frozen);

        m.unfreeze();
        step(m, clock, Duration.ofMinutes(5));
        step(twin, twinClock, Duration.ofMinutes(5));
        assertThat(m.reading()).isEqualTo(twin.reading()); // its noise ran on meanwhile
    }

    @Test
    void theSameSeedGivesTheSameReadingsAndAnotherSeedOthers() {
        assertThat(readings(3)).isEqualTo(readings(3)).isNotEqualTo(readings(4));
    }

    private static List<Double> readings(long seed) {
        SimClock clock = new SimClock(T0);
        EndUserMeter m = meter(clock, Profile.of(100, 200, 300), HOURLY, NoiseModel.DEMAND, seed);
        List<Double> out = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            step(m, clock, Duration.ofMinutes(5));
            out.add(m.reading().demandKw());
        }
        return out;
    }
}
