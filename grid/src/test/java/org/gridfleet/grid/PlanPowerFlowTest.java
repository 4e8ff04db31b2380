package org.gridfleet.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.BusId;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.asset.AssetInfo;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.fleet.Bus;
import org.gridfleet.model.fleet.CustomerClass;
import org.gridfleet.model.fleet.EndUser;
import org.gridfleet.model.fleet.Line;
import org.gridfleet.model.fleet.Network;
import org.gridfleet.model.fleet.ReactivePower;
import org.gridfleet.model.plan.DeviceSchedule;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.Objective;
import org.gridfleet.model.plan.ObjectiveKind;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.evaluate.NetworkMetrics;
import org.gridfleet.plan.evaluate.NetworkMetrics.Violation;
import org.gridfleet.plan.evaluate.PlanEvaluator;
import org.gridfleet.testkit.Assets;
import org.gridfleet.testkit.ProblemBuilder;
import org.junit.jupiter.api.Test;

/**
 * A plan's power flow on a small 12.47 kV feeder:
 * <pre>
 *   SUB (slack) ── L1 3.0 + j2.0 Ω, 100 A ── MID ── L2 2.0 + j2.0 Ω, 100 A ── END
 *                                              PV (up to 3 000 kW)             homes (600 kW at pf 0.95)
 * </pre>
 * Three hours: the PV at 0, 500 and 3 000 kW. The last exports 2.4 MW up a 2.2 MVA line: overloaded and
 * overvoltage at MID.
 */
class PlanPowerFlowTest {
    private static final BusId SUB = BusId.of("SUB");
    private static final BusId MID = BusId.of("MID");
    private static final BusId END = BusId.of("END");

    private final PlanningProblem problem = problem();
    private final DispatchPlan plan = plan(0, 500, 3000);

    @Test
    void everyIntervalHasItsOwnFlow() {
        List<PlanPowerFlow.IntervalFlow> flows = new PlanPowerFlow().run(problem, plan);

        assertThat(flows).extracting(PlanPowerFlow.IntervalFlow::interval).containsExactly(0, 1, 2);
        var night = FleetNetworksTest.converged(flows.get(0).outcome());
        var noon = FleetNetworksTest.converged(flows.get(2).outcome());
        // at night the feeder head carries the homes (600 kW, 197.2 kvar at pf 0.95) and the losses
        var head = night.branches().stream().filter(b -> b.id().equals("L1")).findFirst().orElseThrow();
        assertThat(head.pFromKw()).isCloseTo(600 + night.lossesKw(), within(1e-3));
        assertThat(head.qFromKvar()).isGreaterThan(600 * Math.tan(Math.acos(0.95)));
        assertThat(night.minVoltageBus().id()).isEqualTo("END");
        // at noon power flows back to the substation and MID rises above the slack
        var headAtNoon = noon.branches().stream().filter(b -> b.id().equals("L1")).findFirst().orElseThrow();
        assertThat(headAtNoon.pFromKw()).isLessThan(-2000);
        assertThat(noon.maxVoltageBus().id()).isEqualTo("MID");
        assertThat(noon.maxVoltageBus().voltagePu()).isGreaterThan(1.0);
    }

    @Test
    void oneIntervalMatchesTheSameIntervalOfTheWholeRun() {
        var whole = FleetNetworksTest.converged(new PlanPowerFlow().run(problem, plan).get(1).outcome());
        var single = FleetNetworksTest.converged(new PlanPowerFlow().run(problem, plan, 1).outcome());

        assertThat(single.lossesKw()).isCloseTo(whole.lossesKw(), within(1e-9));
        assertThat(single.bus("END").voltagePu()).isCloseTo(whole.bus("END").voltagePu(), within(1e-12));
    }

    @Test
    void assessmentFindsTheOverloadAndTheOvervoltageOfTheExportingHour() {
        NetworkMetrics m = new NetworkAssessment(new NetworkLimits(0.95, 1.02, 1.0)).assess(plan, problem);

        assertThat(m.intervals()).isEqualTo(3);
        assertThat(m.notConvergedIntervals()).isZero();
        assertThat(m.worstLoading().element()).isEqualTo("L1");
        assertThat(m.worstLoading().interval()).isEqualTo(2);
        assertThat(m.worstLoading().value()).isGreaterThan(1.0);
        assertThat(m.maxVoltage().element()).isEqualTo("MID");
        assertThat(m.violations()).allSatisfy(v -> assertThat(v.interval()).isEqualTo(2));
        assertThat(m.violations()).extracting(Violation::kind).contains(Violation.Kind.OVERLOAD, Violation.Kind.OVERVOLTAGE);
        assertThat(m.violations()).filteredOn(v -> v.kind() == Violation.Kind.OVERLOAD).extracting(Violation::element).containsExactly("L1");
        assertThat(m.peakLossesKw()).isLessThanOrEqualTo(m.lossesKwh());
        assertThat(m.violations().getFirst().describe()).startsWith("interval 2: ");
    }

    @Test
    void planWithinLimitsHasNoViolations() {
        NetworkMetrics m = new NetworkAssessment().assess(plan(0, 500, 600), problem);

        assertThat(m.violations()).isEmpty();
        assertThat(m.minVoltage().value()).isBetween(0.95, 1.0);
    }

    @Test
    void powerFlowThatCannotConvergeIsReportedNotThrown() {
        // 300 MW through a 12.47 kV line: no solution exists
        NetworkMetrics m = new NetworkAssessment().assess(plan(0, 0, 300_000), problemWithPvRating(400_000));

        assertThat(m.notConvergedIntervals()).isEqualTo(1);
        assertThat(m.violations()).filteredOn(v -> v.kind() == Violation.Kind.NOT_CONVERGED).singleElement()
                .satisfies(v -> assertThat(v.interval()).isEqualTo(2));
    }

    @Test
    void evaluatorAddsNetworkMetricsOnlyWhereThereIsANetwork() {
        var withNetwork = new PlanEvaluator(new NetworkAssessment()).evaluate(plan, problem);
        var without = new PlanEvaluator().evaluate(plan, problem);

        assertThat(withNetwork.network()).isPresent();
        assertThat(withNetwork.network().orElseThrow().violations()).isNotEmpty();
        assertThat(without.network()).isEmpty();
        assertThat(withNetwork.cost()).isEqualTo(without.cost());
    }

    private static PlanningProblem problem() {
        return problemWithPvRating(3000);
    }

    private static PlanningProblem problemWithPvRating(double ratingKw) {
        Network net = new Network(List.of(new Bus(SUB, 12.47), new Bus(MID, 12.47), new Bus(END, 12.47)),
                List.of(new Line("L1", SUB, MID, 3.0, 2.0, 0, 100), new Line("L2", MID, END, 2.0, 2.0, 0, 100)),
                List.of(), Optional.of(SUB), 1.0);
        AssetInfo base = Assets.info("PV", DeviceType.PHOTOVOLTAIC, ratingKw);
        AssetInfo pv = new AssetInfo(base.id(), base.name(), base.type(), base.location(), MID, ratingKw, 1, base.reliability(),
                List.of(), true, 0);
        EndUser homes = new EndUser(EndUserId.of("homes"), "homes", END, CustomerClass.RESIDENTIAL, new ReactivePower.PowerFactor(0.95, false));
        return ProblemBuilder.hourly("feeder", "2026-11-23T00:00:00Z", 3)
                .add(new Renewable(pv, true), ratingKw, ratingKw, ratingKw)
                .demand(homes, Profile.of(600, 600, 600))
                .network(net)
                .build();
    }

    private DispatchPlan plan(double... pvKw) {
        var grid = problem.grid();
        double[] importKw = new double[3];
        double[] exportKw = new double[3];
        for (int k = 0; k < 3; k++) {
            importKw[k] = Math.max(0, 600 - pvKw[k]);
            exportKw[k] = Math.max(0, pvKw[k] - 600);
        }
        return new DispatchPlan("test", Objective.of(ObjectiveKind.COST), new PlanStatus.Heuristic(), grid,
                List.of(DeviceSchedule.flows(AssetId.of("PV"), DeviceType.PHOTOVOLTAIC, pvKw, Profile.of())),
                Profile.of(importKw), Profile.of(exportKw));
    }
}
