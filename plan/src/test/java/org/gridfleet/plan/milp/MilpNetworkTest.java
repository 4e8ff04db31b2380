package org.gridfleet.plan.milp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.plan.network.Feeders.A;
import static org.gridfleet.plan.network.Feeders.S;

import org.gridfleet.model.AssetId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.asset.CostCurve;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.fleet.GridConnection;
import org.gridfleet.model.fleet.ReactivePower;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.check.PlanChecker;
import org.gridfleet.plan.evaluate.PlanEvaluator;
import org.gridfleet.plan.network.AcCorrections;
import org.gridfleet.plan.network.FlowSolution;
import org.gridfleet.plan.network.Feeders;
import org.gridfleet.plan.network.LinDistFlow;
import org.gridfleet.plan.network.NetworkConstraints;
import org.gridfleet.testkit.Assets;
import org.gridfleet.testkit.ProblemBuilder;
import org.junit.jupiter.api.Test;

/**
 * The MILP with LinDistFlow inside ({@link NetworkConstraints}) on two-bus feeders worked out by hand: S is the slack
 * at 1 pu, A the far end of line L1 at 10 kV (impedance base 100 Ω at 1000 kVA).
 */
class MilpNetworkTest {
    private static final double KW = 1e-5;
    private static final double TAN_09 = Math.sqrt(1 - 0.81) / 0.9; // 0.4843221
    private static final MilpOptions OPTIONS = MilpOptions.DEFAULT.withRelativeGap(0);
    private static final NetworkConstraints LIMITS = NetworkConstraints.DEFAULT;

    /**
     * <pre>
     *   S ──L1: 2 + j2 Ω, 25 A (√3·10·25 = 433.013 kVA)── A
     *   DEAR 1000 kW, 0.20 $/kWh at S       CHEAP 1000 kW, 0.05 $/kWh at A       demand 600 kW at S, two hours, islanded
     * </pre>
     * Unconstrained, CHEAP serves all 600 kW (30 $/h) and L1 carries 600 kVA, 139 % of its rating. Within the rating
     * (the polygon has a vertex on the P axis, and the slack holds 1 pu) CHEAP sends 433.013 kW and DEAR adds
     * 166.987: 21.651 + 33.397 = 55.048 $/h. V_A = √(1 + 2·0.02·0.433) = 1.0086 pu, within limits.
     */
    @Test
    void cheapUnitBehindAWeakLineIsHeldToTheLinesRating() {
        PlanningProblem problem = weakLine();

        DispatchPlan free = new MilpPlanGenerator(OPTIONS).generate(problem).getFirst();
        DispatchPlan held = new MilpPlanGenerator(OPTIONS.withNetwork(LIMITS)).generate(problem).getFirst();

        double ratingKva = Math.sqrt(3) * 10 * 25;
        FlowSolution freeFlow = LinDistFlow.of(problem.network()).solve(problem, free);
        FlowSolution heldFlow = LinDistFlow.of(problem.network()).solve(problem, held);
        assertThat(freeFlow.branchKva("L1", 0)).isCloseTo(600, within(KW));
        assertThat(LIMITS.violations(freeFlow)).hasSize(2);
        for (int t = 0; t < 2; t++) {
            assertThat(heldFlow.branchKva("L1", t)).isLessThanOrEqualTo(ratingKva + KW);
            assertThat(power(held, "CHEAP", t)).isCloseTo(ratingKva, within(KW));
            assertThat(power(held, "DEAR", t)).isCloseTo(600 - ratingKva, within(KW));
        }
        assertThat(LIMITS.violations(heldFlow)).isEmpty();
        assertThat(held.status()).isInstanceOf(PlanStatus.Optimal.class);
        double freeCost = new PlanEvaluator().evaluate(free, problem).cost().totalCost();
        double heldCost = new PlanEvaluator().evaluate(held, problem).cost().totalCost();
        assertThat(freeCost).isCloseTo(60, within(1e-6));
        assertThat(heldCost).isCloseTo(2 * (0.05 * ratingKva + 0.20 * (600 - ratingKva)), within(1e-4)).isGreaterThan(freeCost);
        assertThat(new PlanChecker().hardViolations(held, problem)).isEmpty();
    }

    /**
     * The AC check found L1 sending 50 kW more towards A than LinDistFlow (ΔP = +50): the rating then binds at
     * P_linear = −433.013 − 50, so CHEAP may send 483.013 kW.
     */
    @Test
    void branchFlowCorrectionShiftsTheRating() {
        PlanningProblem problem = weakLine();
        AcCorrections ac = AcCorrections.builder(2).branchOffset("L1", 0, 50, 0).branchOffset("L1", 1, 50, 0).build();

        DispatchPlan held = new MilpPlanGenerator(OPTIONS.withNetwork(LIMITS.withCorrections(ac))).generate(problem).getFirst();

        assertThat(power(held, "CHEAP", 0)).isCloseTo(Math.sqrt(3) * 10 * 25 + 50, within(KW));
        assertThat(held.status().meetsRequirements()).isTrue();
    }

    /**
     * <pre>
     *   S ──L1: 5 + j1 Ω (0.05 + j0.01 pu), 300 A── A
     *   PV 2000 kW at A, curtailable, forecast 2000 kW     demand 100 kW at S     export at 0.10 $/kWh, two hours
     * </pre>
     * Exporting everything lifts A to √(1 + 2·0.05·2) = 1.095 pu. At 1.05 pu, v_A = 1.1025 = 1 + 2·0.05·P:
     * PV may send 1025 kW. Absorbing reactive power at power factor 0.9 (Q = −0.4843·P) lowers the rise:
     * 1 + 2P(0.05 − 0.01·0.4843) = 1.1025 gives P = 1134.93 kW.
     */
    @Test
    void exportingPvIsCurtailedToKeepTheFarBusWithinMaxVoltage() {
        PlanningProblem unity = exportingPv(ReactivePower.UNITY);
        PlanningProblem absorbing = exportingPv(new ReactivePower.PowerFactor(0.9, true));

        DispatchPlan free = new MilpPlanGenerator(OPTIONS).generate(unity).getFirst();
        DispatchPlan held = new MilpPlanGenerator(OPTIONS.withNetwork(LIMITS)).generate(unity).getFirst();
        DispatchPlan helped = new MilpPlanGenerator(OPTIONS.withNetwork(LIMITS)).generate(absorbing).getFirst();

        assertThat(power(free, "PV", 0)).isCloseTo(2000, within(KW));
        assertThat(LinDistFlow.of(unity.network()).solve(unity, free).voltagePu(A, 0)).isCloseTo(Math.sqrt(1.2), within(1e-9));
        assertThat(power(held, "PV", 0)).isCloseTo(1025, within(KW));
        assertThat(LinDistFlow.of(unity.network()).solve(unity, held).voltagePu(A, 0)).isCloseTo(1.05, within(1e-8));
        assertThat(power(helped, "PV", 1)).isCloseTo(0.1025 / (2 * (0.05 - 0.01 * TAN_09)) * 1000, within(KW));
        assertThat(new PlanEvaluator().evaluate(held, unity).cost().totalCost())
                .isGreaterThan(new PlanEvaluator().evaluate(free, unity).cost().totalCost());
        assertThat(new PlanChecker().hardViolations(held, unity)).isEmpty();
        assertThat(new PlanChecker().hardViolations(helped, absorbing)).isEmpty();
    }

    /** The AC check found A 0.01 pu above LinDistFlow: the linear voltage may reach 1.04 only, v = 1.0816, P = 816 kW. */
    @Test
    void voltageCorrectionTightensTheLimit() {
        PlanningProblem problem = exportingPv(ReactivePower.UNITY);
        AcCorrections ac = AcCorrections.builder(2).voltageOffset(A, 0, 0.01).voltageOffset(A, 1, 0.01).build();

        DispatchPlan held = new MilpPlanGenerator(OPTIONS.withNetwork(LIMITS.withCorrections(ac))).generate(problem).getFirst();

        assertThat(power(held, "PV", 0)).isCloseTo(816, within(KW));
        assertThat(LinDistFlow.of(problem.network()).solve(problem, held).voltagePu(A, 0)).isCloseTo(1.04, within(1e-8));
    }

    /**
     * <pre>
     *   S ──L1: 2 + j2 Ω, 100 A── A       G 1000 kW, 0.30 $/kWh at A      demand 300 │ 500 kW at A
     *   import at 0.10 $/kWh up to 1000 kW; the AC check found losses of 12.5 │ 30 kW
     * </pre>
     * Import is cheaper, but the plant's own output covers demand, and with losses demand plus losses: G produces
     * 312.5 │ 530 kW, exactly the losses more than without them, and imports nothing.
     */
    @Test
    void lossesAreCoveredByThePlantsOutput() {
        PlanningProblem problem = Feeders.on(ProblemBuilder.hourly("losses", "2026-11-23T00:00:00Z", 2)
                .add(Assets.generator(Feeders.info("G", DeviceType.MICROTURBINE, 1000, A, ReactivePower.UNITY), 0,
                        new CostCurve.Quadratic(0, 0.30, 0)))
                .demand(Feeders.endUser("EU-A", A, ReactivePower.UNITY), Profile.of(300, 500))
                .connection(GridConnection.connected(1000, 0)).flatPrices(0, 0.10)
                .build(), Feeders.twoBus(2, 2, 100));
        AcCorrections ac = AcCorrections.builder(2).losses(0, 12.5).losses(1, 30).build();

        DispatchPlan lossless = new MilpPlanGenerator(OPTIONS.withNetwork(LIMITS)).generate(problem).getFirst();
        DispatchPlan lossy = new MilpPlanGenerator(OPTIONS.withNetwork(LIMITS.withCorrections(ac))).generate(problem).getFirst();

        assertThat(lossless.combinedOutputKw().get(0)).isCloseTo(300, within(KW));
        assertThat(lossless.combinedOutputKw().get(1)).isCloseTo(500, within(KW));
        assertThat(lossy.combinedOutputKw().get(0) - lossless.combinedOutputKw().get(0)).isCloseTo(12.5, within(KW));
        assertThat(lossy.combinedOutputKw().get(1) - lossless.combinedOutputKw().get(1)).isCloseTo(30, within(KW));
        assertThat(lossy.importKw().max()).isCloseTo(0, within(KW));
        assertThat(lossy.exportKw().max()).isCloseTo(0, within(KW));
        assertThat(lossy.status().meetsRequirements()).isTrue();
    }

    /**
     * Demand of 600 kW at A behind the 433-kVA line, and the only unit at S: no plan keeps L1 within its rating.
     * The MILP still plans (the overload is a penalised slack), and the plan says so: infeasible, where, by how much.
     */
    @Test
    void limitsNoPlanCanMeetGiveAnInfeasiblePlanThatSaysWhere() {
        PlanningProblem problem = Feeders.on(ProblemBuilder.hourly("overload", "2026-11-23T00:00:00Z", 2)
                .add(Assets.generator(Feeders.info("G", DeviceType.MICROTURBINE, 1000, S, ReactivePower.UNITY), 0,
                        new CostCurve.Quadratic(0, 0.10, 0)))
                .demand(Feeders.endUser("EU-A", A, ReactivePower.UNITY), Profile.of(600, 400))
                .build(), Feeders.twoBus(2, 2, 25));

        DispatchPlan plan = new MilpPlanGenerator(OPTIONS.withNetwork(LIMITS)).generate(problem).getFirst();

        assertThat(power(plan, "G", 0)).isCloseTo(600, within(KW));
        assertThat(plan.status()).isInstanceOfSatisfying(PlanStatus.Infeasible.class, infeasible -> {
            assertThat(infeasible.reason()).startsWith("network limits are broken in 1 interval")
                    .contains("1 overload, worst interval 0: branch L1 at 138.6 % of its rating");
            assertThat(infeasible.shortfalls()).isEmpty();
        });
    }

    /**
     * Stopped before SCIP found anything, the generator falls back to the merit-order plan, which knows no network and
     * runs CHEAP for all 600 kW: judged on the network, it is infeasible, and says so.
     */
    @Test
    void meritOrderFallbackIsJudgedOnTheNetworkToo() {
        PlanningProblem problem = weakLine();
        MilpPlanGenerator stopped = new MilpPlanGenerator(OPTIONS.withNetwork(LIMITS));
        stopped.interrupt();

        DispatchPlan plan = stopped.generate(problem).getFirst();

        assertThat(plan.generator()).isEqualTo("merit-order");
        assertThat(power(plan, "CHEAP", 0)).isCloseTo(600, within(KW));
        assertThat(plan.status()).isInstanceOfSatisfying(PlanStatus.Infeasible.class,
                infeasible -> assertThat(infeasible.reason()).contains("2 overloads, worst interval 0: branch L1 at 138.6 %"));
    }

    /** A network that never binds changes nothing: the same plan as without network constraints. */
    @Test
    void networkThatDoesNotBindChangesNothing() {
        PlanningProblem problem = Feeders.on(weakLine(), Feeders.twoBus(2, 2, 100));

        DispatchPlan free = new MilpPlanGenerator(OPTIONS).generate(problem).getFirst();
        DispatchPlan held = new MilpPlanGenerator(OPTIONS.withNetwork(LIMITS)).generate(problem).getFirst();

        assertThat(held.schedules()).isEqualTo(free.schedules());
        assertThat(held.status()).isEqualTo(free.status());
    }

    private static PlanningProblem weakLine() {
        return Feeders.on(ProblemBuilder.hourly("weak line", "2026-11-23T00:00:00Z", 2)
                .add(Assets.generator(Feeders.info("DEAR", DeviceType.MICROTURBINE, 1000, S, ReactivePower.UNITY), 0,
                        new CostCurve.Quadratic(0, 0.20, 0)))
                .add(Assets.generator(Feeders.info("CHEAP", DeviceType.RECIPROCATING_ENGINE, 1000, A, ReactivePower.UNITY), 0,
                        new CostCurve.Quadratic(0, 0.05, 0)))
                .demand(Feeders.endUser("EU-S", S, ReactivePower.UNITY), Profile.of(600, 600))
                .build(), Feeders.twoBus(2, 2, 25));
    }

    private static PlanningProblem exportingPv(ReactivePower reactive) {
        Renewable pv = new Renewable(Feeders.info("PV", DeviceType.PHOTOVOLTAIC, 2000, A, reactive), true);
        return Feeders.on(ProblemBuilder.hourly("exporting pv", "2026-11-23T00:00:00Z", 2)
                .add(pv, 2000, 2000)
                .demand(Feeders.endUser("EU-S", S, ReactivePower.UNITY), Profile.of(100, 100))
                .connection(GridConnection.connected(1000, 5000)).flatPrices(0.10, 0.20)
                .build(), Feeders.twoBus(5, 1, 300));
    }

    private static double power(DispatchPlan plan, String asset, int t) {
        return plan.schedule(AssetId.of(asset)).orElseThrow().powerKw().get(t);
    }
}
