package org.gridfleet.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.control.OperatingState;
import org.gridfleet.model.control.Telemetry;
import org.gridfleet.model.problem.PlanningProblem;
import org.junit.jupiter.api.Test;

/** The problem of the rest of the horizon, from {@link ControlFleets#campus()} at 08:40 (interval 2 of 8). */
class RemainingHorizonTest {
    static final Instant NOW = ControlFleets.START.plus(Duration.ofMinutes(40));

    @Test
    void theRestOfTheHorizonAsTheDayStandsNow() {
        PlanningProblem campus = ControlFleets.campus();
        Map<AssetId, Telemetry> live = Map.of(
                AssetId.of("G2"), new Telemetry(AssetId.of("G2"), NOW, 250, OptionalDouble.empty(), OperatingState.RUNNING),
                AssetId.of("BAT-1"), new Telemetry(AssetId.of("BAT-1"), NOW, 0, OptionalDouble.of(0.31), OperatingState.STOPPED));
        Map<AssetId, Instant> onSince = Map.of(AssetId.of("G2"), NOW.minus(Duration.ofMinutes(30)));

        PlanningProblem rest = RemainingHorizon.of(campus, 2, live, onSince, Set.of(AssetId.of("G1")), 1.1, NOW);

        assertThat(rest.grid().start()).isEqualTo(ControlFleets.START.plus(Duration.ofMinutes(30)));
        assertThat(rest.grid().intervals()).isEqualTo(6);
        assertThat(rest.availability().get(AssetId.of("G1")).max()).isZero();
        assertThat(rest.availability().get(AssetId.of("G2")).min()).isEqualTo(1);
        Generator g2 = (Generator) rest.assets().get(1);
        assertThat(g2.initialState().on()).isTrue();
        assertThat(g2.initialState().powerKw()).isEqualTo(250);
        assertThat(g2.initialState().hoursInState()).isCloseTo(0.5, within(1e-9));
        Storage battery = (Storage) rest.assets().get(4);
        assertThat(battery.initialSoc()).isEqualTo(0.31);
        assertThat(rest.demandKwByEndUser().get(EndUserId.of("EU-1")).get(0)).isCloseTo(540 * 1.1, within(1e-9));
        assertThat(rest.forecastKw().get(AssetId.of("PV-1")).size()).isEqualTo(6);
    }
}
