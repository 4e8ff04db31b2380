package org.gridfleet.plan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.plan.DeviceSchedule;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.Objective;
import org.gridfleet.model.plan.ObjectiveKind;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.plan.Shortfall;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.evaluate.PlanEvaluator;
import org.gridfleet.plan.evaluate.PlanMetrics;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;
import org.gridfleet.testkit.Fleets;
import org.gridfleet.testkit.RandomProblems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PlanJsonTest {

    @Test
    void writesTheGoldenFile() throws IOException {
        assertThat(PlanJson.write(tinyPlan())).isEqualTo(golden("tiny-plan.json"));
    }

    @Test
    void readsTheGoldenFileBackIntoAnEqualPlan() throws IOException {
        assertThat(PlanJson.read(golden("tiny-plan.json"))).isEqualTo(tinyPlan());
    }

    @Test
    void planAndMetricsRoundTrip() {
        PlanningProblem problem = RandomProblems.problem(11);
        DispatchPlan plan = new MeritOrderPlanGenerator().generate(problem).getFirst();
        PlanMetrics metrics = new PlanEvaluator().evaluate(plan, problem);

        String json = PlanJson.write(plan, metrics);

        assertThat(PlanJson.read(json)).isEqualTo(plan);
        assertThat(PlanJson.readMetrics(json)).contains(metrics);
    }

    @Test
    void fileWithoutMetricsHasNone() {
        assertThat(PlanJson.readMetrics(PlanJson.write(tinyPlan()))).isEmpty();
    }

    static Stream<PlanStatus> statuses() {
        return Stream.of(new PlanStatus.Optimal(), new PlanStatus.Feasible(0.0015), new PlanStatus.Heuristic(),
                new PlanStatus.Infeasible("short", List.of(new Shortfall(0, Shortfall.Kind.RESERVE, 100, 40.5))));
    }

    @ParameterizedTest
    @MethodSource("statuses")
    void everyStatusRoundTrips(PlanStatus status) {
        DispatchPlan plan = tinyPlan();
        DispatchPlan withStatus = new DispatchPlan(plan.generator(), new Objective(Map.of(ObjectiveKind.COST, 0.7, ObjectiveKind.EMISSIONS, 0.3)),
                status, plan.grid(), plan.schedules(), plan.importKw(), plan.exportKw());

        assertThat(PlanJson.read(PlanJson.write(withStatus))).isEqualTo(withStatus);
    }

    @Test
    void meritOrderPlansOfTheTestFleetsRoundTrip() {
        for (PlanningProblem problem : List.of(Fleets.everyDeviceType(), Fleets.undersizedFleet(), Fleets.islandedWithPvSurplus())) {
            DispatchPlan plan = new MeritOrderPlanGenerator().generate(problem).getFirst();
            assertThat(PlanJson.read(PlanJson.write(plan))).isEqualTo(plan);
        }
    }

    @Test
    void missingFieldIsNamed() {
        String json = PlanJson.write(tinyPlan()).replace("\"step\": \"PT15M\",", "");

        assertThatThrownBy(() -> PlanJson.read(json)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'grid.step'");
    }

    @Test
    void unknownFormatVersionIsRejected() {
        String json = PlanJson.write(tinyPlan()).replace("\"formatVersion\": 1", "\"formatVersion\": 2");

        assertThatThrownBy(() -> PlanJson.read(json)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("formatVersion 2");
    }

    @Test
    void wrongTypeIsNamedWithItsPath() {
        String json = PlanJson.write(tinyPlan()).replace("\"type\": \"battery\"", "\"type\": \"capacitor\"");

        assertThatThrownBy(() -> PlanJson.read(json)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'schedules[1].type'");
    }

    @Test
    void brokenJsonIsAnIllegalArgument() {
        assertThatThrownBy(() -> PlanJson.read("{\"formatVersion\": ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("plan JSON:");
    }

    /** A 15-minute engine and battery plan, short of demand in its second interval. */
    static DispatchPlan tinyPlan() {
        TimeGrid grid = new TimeGrid(Instant.parse("2026-11-23T00:00:00Z"), Duration.ofMinutes(15), 2);
        return new DispatchPlan("merit-order", Objective.of(ObjectiveKind.COST),
                new PlanStatus.Infeasible("combined output is short of demand in 1 of 2 intervals, at most 50 kW (interval 1, 00:15Z): "
                        + "add capacity or allow more import", List.of(new Shortfall(1, Shortfall.Kind.DEMAND, 300, 250))),
                grid,
                List.of(new DeviceSchedule(AssetId.of("GEN-1"), DeviceType.RECIPROCATING_ENGINE, Profile.of(225.5, 250), List.of(true, true), Profile.zeros(0)),
                        new DeviceSchedule(AssetId.of("BAT-1"), DeviceType.BATTERY, Profile.of(-25.5, 0), List.of(true, false), Profile.of(0.55, 0.55))),
                Profile.of(0, 50), Profile.of(0, 0));
    }

    static String golden(String name) throws IOException {
        try (InputStream in = PlanJsonTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(Optional.ofNullable(in).orElseThrow(() -> new IOException("no golden file " + name)).readAllBytes(),
                    StandardCharsets.UTF_8);
        }
    }
}
