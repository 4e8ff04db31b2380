package org.gridfleet.ingest.formatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.gridfleet.ingest.verifier.FleetSettings;
import org.gridfleet.ingest.verifier.SeriesKey;
import org.gridfleet.ingest.verifier.VerifiedData;
import org.gridfleet.model.BusId;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.Sample;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.fleet.CustomerClass;
import org.gridfleet.model.fleet.EndUser;
import org.gridfleet.model.fleet.GridConnection;
import org.gridfleet.model.fleet.Network;
import org.gridfleet.model.fleet.ReserveRequirement;
import org.gridfleet.model.problem.PlanningProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DataFormatterTest {
    private static final Instant START = Instant.parse("2026-11-23T00:00:00Z");

    static LongStream seeds() {
        return LongStream.range(0, 50);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void demandAggregatesPerBusAndInTotalToTheSumOfEndUsers(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        TimeGrid grid = new TimeGrid(START, Duration.ofMinutes(15), 96);
        List<EndUser> users = new ArrayList<>();
        Map<SeriesKey, List<Sample>> series = new HashMap<>();
        int count = 1 + random.nextInt(300);
        double[] expectedTotal = new double[grid.intervals()];
        for (int u = 0; u < count; u++) {
            String id = "EU-" + u;
            users.add(new EndUser(EndUserId.of(id), id, BusId.of("B" + random.nextInt(12)), CustomerClass.RESIDENTIAL));
            List<Sample> samples = new ArrayList<>();
            for (int k = 0; k < grid.intervals(); k++) {
                double kw = random.nextDouble(0, 50);
                samples.add(new Sample(grid.startOf(k), kw));
                expectedTotal[k] += kw;
            }
            series.put(SeriesKey.demand(id), samples);
        }
        FleetSettings settings = new FleetSettings("t", "USD", grid, GridConnection.ISLANDED, ReserveRequirement.NONE, 0, 0, Network.NONE);

        PlanningProblem problem = new DataFormatter().format(new VerifiedData(Optional.of(settings), List.of(), users, series, List.of()));

        Profile total = problem.demandKw();
        double[] byBus = new double[grid.intervals()];
        for (Profile p : problem.demandKwByBus().values()) {
            for (int k = 0; k < byBus.length; k++) {
                byBus[k] += p.get(k);
            }
        }
        for (int k = 0; k < grid.intervals(); k++) {
            assertThat(total.get(k)).isCloseTo(expectedTotal[k], within(1e-6));
            assertThat(byBus[k]).isCloseTo(expectedTotal[k], within(1e-6));
        }
    }
}
