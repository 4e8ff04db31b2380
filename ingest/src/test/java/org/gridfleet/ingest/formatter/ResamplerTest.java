package org.gridfleet.ingest.formatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.gridfleet.ingest.verifier.Gap;
import org.gridfleet.ingest.verifier.SeriesKey;
import org.gridfleet.model.Profile;
import org.gridfleet.model.Sample;
import org.gridfleet.model.TimeGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ResamplerTest {
    private static final Instant START = Instant.parse("2026-11-23T00:00:00Z");
    private static final SeriesKey KEY = SeriesKey.demand("EU-1");

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    /** Energy of the samples inside the horizon, each holding for one cadence (computed without the resampler). */
    private static double energyKwh(List<Sample> samples, Duration cadence, TimeGrid grid) {
        double kwh = 0;
        for (Sample s : samples) {
            Instant from = s.time().isBefore(grid.start()) ? grid.start() : s.time();
            Instant to = s.time().plus(cadence).isAfter(grid.end()) ? grid.end() : s.time().plus(cadence);
            if (to.isAfter(from)) {
                kwh += s.value() * Duration.between(from, to).toMillis() / 3_600_000.0;
            }
        }
        return kwh;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void resamplingConservesEnergyWhateverTheCadence(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] minutes = {1, 5, 10, 15, 20, 30, 60, 120};
        Duration cadence = Duration.ofMinutes(minutes[random.nextInt(minutes.length)]);
        Duration step = Duration.ofMinutes(minutes[random.nextInt(minutes.length)]);
        TimeGrid grid = new TimeGrid(START, step, 1 + random.nextInt(96));
        // the series starts up to one cadence before the horizon and runs past its end
        Instant first = START.minus(Duration.ofMillis(random.nextLong(cadence.toMillis() + 1)));
        List<Sample> samples = new ArrayList<>();
        for (Instant t = first; t.isBefore(grid.end()); t = t.plus(cadence)) {
            samples.add(new Sample(t, random.nextDouble(0, 500)));
        }

        Profile aligned = Resampler.resample(samples, List.of(), grid, new Resampler.LongGapFill.Constant(0));

        assertThat(aligned.sum() * grid.stepHours()).isCloseTo(energyKwh(samples, cadence, grid), within(1e-6));
    }

    @Test
    void fiveMinuteReadingsAverageIntoQuarterHours() {
        TimeGrid grid = new TimeGrid(START, Duration.ofMinutes(15), 2);
        List<Sample> samples = new ArrayList<>();
        double[] values = {10, 20, 30, 40, 50, 60};
        for (int i = 0; i < values.length; i++) {
            samples.add(new Sample(START.plus(Duration.ofMinutes(5L * i)), values[i]));
        }

        assertThat(Resampler.resample(samples, List.of(), grid, new Resampler.LongGapFill.Constant(0)).toArray()).containsExactly(20, 50);
    }

    @Test
    void shortGapIsInterpolatedLinearlyBetweenItsNeighbours() {
        TimeGrid grid = new TimeGrid(START, Duration.ofMinutes(15), 4);
        List<Sample> samples = List.of(new Sample(START, 100), new Sample(START.plus(Duration.ofMinutes(45)), 400));
        Gap gap = new Gap(KEY, START.plus(Duration.ofMinutes(15)), START.plus(Duration.ofMinutes(45)), true);

        Profile aligned = Resampler.resample(samples, List.of(gap), grid, new Resampler.LongGapFill.Constant(0));

        // 5-minute pieces at 1/12, 3/12, ... of the 30-minute gap between 100 and 400 kW average to 175 and 325
        assertThat(aligned.get(0)).isEqualTo(100);
        assertThat(aligned.get(1)).isCloseTo(175, within(1e-9));
        assertThat(aligned.get(2)).isCloseTo(325, within(1e-9));
        assertThat(aligned.get(3)).isEqualTo(400);
    }

    @Test
    void longGapTakesTheNearestKnownValueOnEachSide() {
        TimeGrid grid = new TimeGrid(START, Duration.ofHours(1), 6);
        List<Sample> samples = List.of(new Sample(START, 0.1), new Sample(START.plus(Duration.ofHours(5)), 0.3));
        Gap gap = new Gap(KEY, START.plus(Duration.ofHours(1)), START.plus(Duration.ofHours(5)), false);

        Profile aligned = Resampler.resample(samples, List.of(gap), grid, new Resampler.LongGapFill.Nearest());

        assertThat(aligned.toArray()).containsExactly(0.1, 0.1, 0.1, 0.3, 0.3, 0.3);
    }
}
