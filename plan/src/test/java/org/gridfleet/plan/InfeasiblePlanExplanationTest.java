package org.gridfleet.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridfleet.testkit.Assets.generator;
import static org.gridfleet.testkit.Assets.info;
import static org.gridfleet.testkit.Assets.renewable;

import java.time.Instant;
import java.util.stream.Stream;
import org.gridfleet.model.asset.CostCurve;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.InitialState;
import org.gridfleet.model.asset.RunHourLimit;
import org.gridfleet.model.asset.StartUp;
import org.gridfleet.model.fleet.GridConnection;
import org.gridfleet.model.fleet.ReserveRequirement;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;
import org.gridfleet.plan.milp.MilpPlanGenerator;
import org.gridfleet.testkit.Fleets;
import org.gridfleet.testkit.ProblemBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both plan generators explain an infeasible plan with the capacity diagnosis: which intervals, by how much, what binds. */
class InfeasiblePlanExplanationTest {
    private static final CostCurve COST = new CostCurve.Quadratic(0, 0.1, 0);

    static Stream<PlanGenerator> generators() {
        return Stream.of(new MeritOrderPlanGenerator(), new MilpPlanGenerator());
    }

    @ParameterizedTest
    @MethodSource("generators")
    void undersizedFleetSaysItsRatingIsBelowDemand(PlanGenerator generator) {
        // GEN-A 600 + GEN-B 300 + BAT-1 at most 85.5 kW = 985.5 kW against 1 500 kW at 02:00 and 1 200 kW at 01:00
        PlanningProblem problem = Fleets.undersizedFleet();

        PlanStatus.Infeasible status = infeasible(generator, problem);

        assertThat(status.reason()).contains(". Why: 02:00–03:00Z: demand 1 500 kW exceeds the most the fleet can deliver, "
                + "986 kW of its 1 000 kW rating, by 515 kW; binding: BAT-1 limited to 86 of 100 kW by stored energy "
                + "(at most 100 kWh, minimum 10 kWh) −15 kW; islanded: no grid import for the 515 kW of demand beyond the fleet. "
                + "Also beyond the fleet in 1 more interval (01:00Z) by 215 kW");
        assertThat(status.reason()).endsWith(CapacityDiagnosis.of(problem, status).summary());
    }

    /**
     * GEN-2 is in maintenance at 01:00 when PV-1 gives only 120 kW; import covers demand but not the plant's promise.
     *
     * <pre>
     *   GEN-1  reciprocating engine 500 kW, min 100
     *   GEN-2  reciprocating engine 600 kW, min 150     maintenance 01:00..02:00Z "oil change"
     *   PV-1   photovoltaic         500 kW             forecast 0 │ 120 │ 0 kW
     *      │      │      │
     *   ───┴──────┴──────┴── B1 ── EU-1   demand 900 │ 900 │ 900 kW   (00:00..03:00Z), reserve 10 % of demand
     *                        │
     *                      grid: import ≤ 300 kW
     * </pre>
     */
    @ParameterizedTest
    @MethodSource("generators")
    void maintenanceThatLeavesTheFleetShortIsNamedWithItsReason(PlanGenerator generator) {
        Instant start = Instant.parse("2026-11-23T00:00:00Z");
        PlanningProblem problem = ProblemBuilder.hourly("oil change", start.toString(), 3)
                .add(generator("GEN-1", DeviceType.RECIPROCATING_ENGINE, 500, 100, COST))
                .add(generator(info("GEN-2", DeviceType.RECIPROCATING_ENGINE, 600, 1, true, 0,
                        ProblemBuilder.maintenance(start.plusSeconds(3600), 1, "oil change")), 150, new CostCurve.Quadratic(0, 0.12, 0)))
                .add(renewable("PV-1", DeviceType.PHOTOVOLTAIC, 500, true), 0, 120, 0)
                .demand("EU-1", 900, 900, 900)
                .connection(GridConnection.connected(300, 0))
                .flatPrices(0.05, 0.3)
                .reserve(new ReserveRequirement(0.1, false, 0))
                .build();

        PlanStatus.Infeasible status = infeasible(generator, problem);

        // 01:00: 900 + 90 kW against GEN-1 500 + PV-1 120 = 620 kW: 370 kW beyond the fleet, of which 280 kW demand (import serves it)
        assertThat(status.shortfalls()).allSatisfy(s -> assertThat(s.interval()).isEqualTo(1));
        assertThat(status.reason()).endsWith(". Why: 01:00–02:00Z: demand 900 kW + reserve 90 kW exceeds the most the fleet can deliver, "
                + "620 kW of its 1 600 kW rating, by 370 kW; binding: GEN-2 in maintenance (oil change) −600 kW, PV-1 forecast 120 of 500 kW −380 kW; "
                + "grid import can serve the 280 kW of demand beyond the fleet, but does not count as the plant's own output");
    }

    @ParameterizedTest
    @MethodSource("generators")
    void shortfallTheFleetCouldMeetInThatIntervalAloneIsPutDownToLimitsAcrossIntervals(PlanGenerator generator) {
        // EMG-1 has one run hour left for two hours that each need it: each alone has 300 + 400 ≥ 600 kW
        Generator emergency = new Generator(info("EMG-1", DeviceType.EMERGENCY_GENERATOR, 400, 1, true, 0), 100, 400, 400, 0, 0,
                StartUp.FREE_AND_INSTANT, InitialState.LONG_OFF, new CostCurve.Quadratic(0, 0.3, 0), new RunHourLimit(100, 99), 0.7);
        PlanningProblem problem = ProblemBuilder.hourly("one hour left", "2026-11-23T00:00:00Z", 2)
                .add(generator("GEN-1", DeviceType.RECIPROCATING_ENGINE, 300, 50, COST))
                .add(emergency)
                .demand("EU-1", 600, 600)
                .build();

        PlanStatus.Infeasible status = infeasible(generator, problem);

        assertThat(status.reason()).containsPattern("\\. Why: In 1 interval \\(0[01]:00Z\\) the fleet could deliver demand and reserve on its own: "
                + "the plan falls short through limits that join intervals \\(.*\\) or through the plan generator's choices; "
                + "limited there by: EMG-1 run hours in 1$");
    }

    private static PlanStatus.Infeasible infeasible(PlanGenerator generator, PlanningProblem problem) {
        DispatchPlan plan = generator.generate(problem).getFirst();
        assertThat(plan.status()).as(generator.name()).isInstanceOf(PlanStatus.Infeasible.class);
        return (PlanStatus.Infeasible) plan.status();
    }
}
