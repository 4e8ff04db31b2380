package org.gridfleet.plan.milp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.asset.AssetInfo;
import org.gridfleet.model.asset.CostCurve;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.InitialState;
import org.gridfleet.model.asset.Reliability;
import org.gridfleet.model.asset.RunHourLimit;
import org.gridfleet.model.asset.StartUp;
import org.gridfleet.model.fleet.GridConnection;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.Objective;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.check.PlanChecker;
import org.gridfleet.plan.evaluate.PlanEvaluator;
import org.gridfleet.plan.evaluate.PlanMetrics;
import org.gridfleet.testkit.Assets;
import org.gridfleet.testkit.ProblemBuilder;
import org.gridfleet.testkit.Tolerance;
import org.junit.jupiter.api.Test;

/**
 * Each objective on a case whose answer is worked out by hand in the comment: two units that differ in what the
 * objective weighs, so that cost picks one and the other objective the other. Islanded and hourly unless said.
 */
class MilpObjectivesTest {
    private static final double MONEY = Tolerance.MONEY;

    /**
     * <pre>
     *   DIRTY  100 kW, 0.10 $/kWh, 0.8 kg CO2/kWh
     *   CLEAN  100 kW, 0.20 $/kWh, 0.3 kg CO2/kWh       demand 60 │ 60 kW
     * </pre>
     * Least cost: DIRTY, 12 $ and 96 kg. Least emissions: CLEAN, 24 $ and 36 kg. Weighted, each objective divided by
     * its merit-order value (12 $, 96 kg): DIRTY scores w_c·1 + w_e·1, CLEAN w_c·2 + w_e·0.375; with w = (1, 1)
     * DIRTY wins (2 against 2.375), with w = (1, 3) CLEAN wins (4 against 3.125).
     */
    @Test
    void emissionsPickTheCleanUnitAndWeightsDecideBetweenThem() {
        PlanningProblem problem = ProblemBuilder.hourly("dirty or clean", "2026-11-23T00:00:00Z", 2)
                .add(unit("DIRTY", DeviceType.RECIPROCATING_ENGINE, new CostCurve.Quadratic(0, 0.10, 0), 0.8, Reliability.PERFECT))
                .add(unit("CLEAN", DeviceType.FUEL_CELL, new CostCurve.Quadratic(0, 0.20, 0), 0.3, Reliability.PERFECT))
                .demand("EU-1", 60, 60).build();

        PlanMetrics cost = metrics(plan(problem, "cost"), problem);
        PlanMetrics emissions = metrics(plan(problem, "emissions"), problem);

        assertThat(cost.cost().totalCost()).isCloseTo(12, within(MONEY));
        assertThat(cost.energy().co2Kg()).isCloseTo(96, within(1e-6));
        assertThat(emissions.cost().totalCost()).isCloseTo(24, within(MONEY));
        assertThat(emissions.energy().co2Kg()).isCloseTo(36, within(1e-6));
        assertThat(output(plan(problem, "cost=1,emissions=1"), "DIRTY")).isCloseTo(120, within(1e-6));
        assertThat(output(plan(problem, "cost=1,emissions=3"), "CLEAN")).isCloseTo(120, within(1e-6));
    }

    /**
     * <pre>
     *   CHEAP  100 kW, fuel at 0.02 $/kWh burnt at 25 % efficiency: 0.08 $ and 4 kWh of fuel per kWh
     *   LEAN   100 kW, fuel at 0.05 $/kWh burnt at 50 % efficiency: 0.10 $ and 2 kWh of fuel per kWh   demand 50 │ 50
     * </pre>
     * Least cost: CHEAP, 8 $ and 400 kWh of fuel. Most efficient: LEAN, 10 $ and 200 kWh of fuel.
     */
    @Test
    void efficiencyBurnsTheLeastFuel() {
        PlanningProblem problem = ProblemBuilder.hourly("cheap or lean", "2026-11-23T00:00:00Z", 2)
                .add(unit("CHEAP", DeviceType.RECIPROCATING_ENGINE, Assets.fuel("natural gas", 0.02, 0, 0.25, 100, 0.25), 0.5,
                        Reliability.PERFECT))
                .add(unit("LEAN", DeviceType.FUEL_CELL, Assets.fuel("natural gas", 0.05, 0, 0.5, 100, 0.5), 0.5,
                        Reliability.PERFECT))
                .demand("EU-1", 50, 50).build();

        PlanMetrics cost = metrics(plan(problem, "cost"), problem);
        PlanMetrics efficiency = metrics(plan(problem, "efficiency"), problem);

        assertThat(cost.cost().totalCost()).isCloseTo(8, within(MONEY));
        assertThat(cost.energy().fuelKwh()).isCloseTo(400, within(1e-6));
        assertThat(efficiency.cost().totalCost()).isCloseTo(10, within(MONEY));
        assertThat(efficiency.energy().fuelKwh()).isCloseTo(200, within(1e-6));
    }

    /**
     * <pre>
     *   ENGINE  reciprocating engine, quadratic curve 0.30 $/kWh: fuel unknown to the curve, estimated at the type's
     *           typical electrical efficiency 0.38, 2.63 kWh of fuel per kWh
     *   BIOGAS  fuel at 0 $/kWh (free) burnt at 30 %: 3.33 kWh per kWh
     *   LEAN    fuel at 0.05 $/kWh burnt at 50 %: 2 kWh per kWh                                      demand 50 │ 50
     * </pre>
     * Most efficient: LEAN; a free fuel must not upset the fuel count (it used to divide by the price).
     */
    @Test
    void efficiencyEstimatesFuelWhereTheCurveDoesNotKnowItAndCopesWithFreeFuel() {
        PlanningProblem problem = ProblemBuilder.hourly("estimated fuel", "2026-11-23T00:00:00Z", 2)
                .add(unit("ENGINE", DeviceType.RECIPROCATING_ENGINE, new CostCurve.Quadratic(0, 0.30, 0), 0.5, Reliability.PERFECT))
                .add(unit("BIOGAS", DeviceType.RECIPROCATING_ENGINE, Assets.fuel("biogas", 0, 0, 0.3, 100, 0.3), 0.5,
                        Reliability.PERFECT))
                .add(unit("LEAN", DeviceType.FUEL_CELL, Assets.fuel("natural gas", 0.05, 0, 0.5, 100, 0.5), 0.5,
                        Reliability.PERFECT))
                .demand("EU-1", 50, 50).build();

        DispatchPlan efficiency = plan(problem, "efficiency");
        DispatchPlan cost = plan(problem, "cost");

        assertThat(output(efficiency, "LEAN")).isCloseTo(100, within(1e-6));
        assertThat(output(cost, "BIOGAS")).isCloseTo(100, within(1e-6));
    }

    /**
     * Grid-connected, export up to 80 kW at 0.05 $/kWh, import at 0.30 $/kWh; G 100 kW at 0.10 $/kWh; demand 50 │ 50.
     * Least cost: G serves the 50 kW and exports nothing (it would sell at 0.05 what costs 0.10): 10 $. Most revenue:
     * G runs flat out and sells 50 kW: revenue 5 $, cost 20 − 5 = 15 $.
     */
    @Test
    void revenueSellsWhatTheFleetCanMake() {
        PlanningProblem problem = ProblemBuilder.hourly("sell or not", "2026-11-23T00:00:00Z", 2)
                .add(unit("G", DeviceType.RECIPROCATING_ENGINE, new CostCurve.Quadratic(0, 0.10, 0), 0.5, Reliability.PERFECT))
                .demand("EU-1", 50, 50).connection(GridConnection.connected(500, 80)).flatPrices(0.05, 0.30).build();

        PlanMetrics cost = metrics(plan(problem, "cost"), problem);
        PlanMetrics revenue = metrics(plan(problem, "revenue"), problem);

        assertThat(cost.cost().totalCost()).isCloseTo(10, within(MONEY));
        assertThat(cost.cost().exportRevenue()).isCloseTo(0, within(MONEY));
        assertThat(revenue.cost().exportRevenue()).isCloseTo(5, within(MONEY));
        assertThat(revenue.cost().totalCost()).isCloseTo(15, within(MONEY));
    }

    /**
     * <pre>
     *   SHAKY   100 kW, 0.10 $/kWh, forced outage rate 10 %
     *   STEADY  100 kW, 1 $/h when on + 0.11 $/kWh, forced outage rate 1 %      demand 50 kW, no reserve required
     * </pre>
     * Least cost: SHAKY alone, 5 $ an hour. If it fails, its 50 kW is lost with nothing to replace it: 0.1 × 50 =
     * 5 kWh expected not served an hour. Most reliable: both on (no start cost, no minimum output), so that either
     * failing leaves the other's 100 kW: nothing expected not served; the cheapest such plan has SHAKY make the
     * 50 kW and STEADY idle in reserve: 5 + 1 = 6 $ an hour.
     */
    @Test
    void reliabilityKeepsReserveOnTheReliableUnit() {
        PlanningProblem problem = ProblemBuilder.hourly("shaky or steady", "2026-11-23T00:00:00Z", 2)
                .add(unit("SHAKY", DeviceType.RECIPROCATING_ENGINE, new CostCurve.Quadratic(0, 0.10, 0), 0.5, new Reliability(0.10, 500, 24)))
                .add(unit("STEADY", DeviceType.FUEL_CELL, new CostCurve.Quadratic(1, 0.11, 0), 0.5, new Reliability(0.01, 5000, 24)))
                .demand("EU-1", 50, 50).build();

        DispatchPlan cost = plan(problem, "cost");
        DispatchPlan reliability = plan(problem, "reliability");

        assertThat(cost.schedule(AssetId.of("SHAKY")).orElseThrow().committed()).containsExactly(true, true);
        assertThat(cost.schedule(AssetId.of("STEADY")).orElseThrow().committed()).containsExactly(false, false);
        assertThat(reliability.schedule(AssetId.of("SHAKY")).orElseThrow().committed()).containsExactly(true, true);
        assertThat(reliability.schedule(AssetId.of("STEADY")).orElseThrow().committed()).containsExactly(true, true);
        assertThat(metrics(cost, problem).cost().totalCost()).isCloseTo(10, within(MONEY));
        // between equally reliable plans the cheapest: STEADY idles at 0 kW, holding its 100 kW in reserve
        assertThat(output(reliability, "STEADY")).isCloseTo(0, within(1e-6));
        assertThat(metrics(reliability, problem).cost().totalCost()).isCloseTo(12, within(MONEY));
    }

    @Test
    void planRecordsTheObjectiveAndWeightsThatProducedIt() {
        PlanningProblem problem = ProblemBuilder.hourly("recorded", "2026-11-23T00:00:00Z", 1)
                .add(unit("G", DeviceType.RECIPROCATING_ENGINE, new CostCurve.Quadratic(0, 0.10, 0), 0.5, Reliability.PERFECT))
                .demand("EU-1", 50).build();

        assertThat(plan(problem, "cost=0.7,emissions=0.3").objective()).isEqualTo(Objective.parse("emissions=0.3,cost=0.7"));
        assertThat(plan(problem, "efficiency").objective()).isEqualTo(Objective.parse("efficiency"));
    }

    private static DispatchPlan plan(PlanningProblem problem, String objective) {
        MilpOptions options = MilpOptions.DEFAULT.withRelativeGap(0).withObjective(Objective.parse(objective));
        List<DispatchPlan> plans = new MilpPlanGenerator(options).generate(problem);
        assertThat(plans).hasSize(1);
        DispatchPlan plan = plans.getFirst();
        assertThat(plan.generator()).isEqualTo(MilpPlanGenerator.NAME);
        assertThat(plan.status()).isInstanceOf(PlanStatus.Optimal.class);
        assertThat(new PlanChecker().check(plan, problem)).isEmpty();
        return plan;
    }

    private static PlanMetrics metrics(DispatchPlan plan, PlanningProblem problem) {
        return new PlanEvaluator().evaluate(plan, problem);
    }

    private static double output(DispatchPlan plan, String unit) {
        return Arrays.stream(plan.schedule(AssetId.of(unit)).orElseThrow().powerKw().toArray()).sum();
    }

    /** 100 kW, no minimum output, instant and free starts, off for long. */
    private static Generator unit(String id, DeviceType type, CostCurve cost, double co2KgPerKwh, Reliability reliability) {
        AssetInfo info = new AssetInfo(AssetId.of(id), id, type, Assets.SITE, Assets.BUS, 100, 1.0, reliability, List.of(), true, 0.0);
        return new Generator(info, 0, 100, 100, 0, 0, StartUp.FREE_AND_INSTANT, InitialState.LONG_OFF, cost, RunHourLimit.NONE,
                co2KgPerKwh);
    }
}
