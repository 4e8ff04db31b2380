package org.gridfleet.plan.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.plan.network.Feeders.A;
import static org.gridfleet.plan.network.Feeders.B;
import static org.gridfleet.plan.network.Feeders.S;

import java.util.List;
import org.gridfleet.model.Profile;
import org.gridfleet.model.asset.CostCurve;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.fleet.ReactivePower;
import org.gridfleet.model.plan.DeviceSchedule;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.Objective;
import org.gridfleet.model.plan.ObjectiveKind;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.testkit.Assets;
import org.gridfleet.testkit.ProblemBuilder;
import org.junit.jupiter.api.Test;

/** What a plan injects at each bus: signs and reactive power as the linear model (and the MILP) see them. */
class BusInjectionsTest {
    private static final double KW = 1e-9;
    private static final double TAN_09 = Math.sqrt(1 - 0.81) / 0.9;    // 0.4843221
    private static final double TAN_095 = Math.sqrt(1 - 0.9025) / 0.95; // 0.3286841

    /**
     * On {@link Feeders#threeBus()}, one hour:
     * <pre>
     *   A: generator G at its 100-kW rating, power factor 0.9        → +100 kW, +48.43 kvar (the setting; the rating
     *                                                                   as apparent power would leave it 0 kvar)
     *      end-user EU-A 100 kW at power factor 0.9 (drawing)       → −100 kW, −48.43 kvar
     *   B: battery BAT charging 50 kW at power factor 0.95           →  −50 kW, −16.43 kvar (sign of its power)
     *      PV (idle) with a fixed 30 kvar                            →    0 kW, +30 kvar
     *      end-user EU-B 20 kW drawing a fixed 5 kvar                →  −20 kW,  −5 kvar
     *   S: nothing (grid import is not an injection)
     * </pre>
     */
    @Test
    void planInjectsDeviceOutputLessDemandWithReactivePowerAsSet() {
        Generator g = Assets.generator(Feeders.info("G", DeviceType.RECIPROCATING_ENGINE, 100, A, new ReactivePower.PowerFactor(0.9, false)),
                0, new CostCurve.Quadratic(0, 0.1, 0));
        Storage bat = new Storage(Feeders.info("BAT", DeviceType.BATTERY, 50, B, new ReactivePower.PowerFactor(0.95, false)),
                100, 50, 50, 0.95, 0.95, 0, 0, 1, 0.5, 0);
        Renewable pv = new Renewable(Feeders.info("PV", DeviceType.PHOTOVOLTAIC, 40, B, new ReactivePower.FixedKvar(30)), true);
        PlanningProblem problem = Feeders.on(ProblemBuilder.hourly("signs", "2026-11-23T00:00:00Z", 1)
                .add(g).add(bat).add(pv, 0)
                .demand(Feeders.endUser("EU-A", A, new ReactivePower.PowerFactor(0.9, false)), Profile.of(100))
                .demand(Feeders.endUser("EU-B", B, new ReactivePower.FixedKvar(5)), Profile.of(20))
                .build(), Feeders.threeBus());
        DispatchPlan plan = new DispatchPlan("test", Objective.of(ObjectiveKind.COST), new PlanStatus.Heuristic(), problem.grid(),
                List.of(DeviceSchedule.generator(g.id(), g.type(), new double[] {100}, new boolean[] {true}),
                        DeviceSchedule.flows(bat.id(), bat.type(), new double[] {-50}, Profile.of(0.975)),
                        DeviceSchedule.flows(pv.id(), pv.type(), new double[] {0}, Profile.of())),
                Profile.of(70), Profile.of(0));
        RadialFeeder feeder = RadialFeeder.of(problem.network());

        BusInjections injections = BusInjections.of(feeder, problem, plan);

        assertThat(injections.kw(A, 0)).isCloseTo(0, within(KW));
        assertThat(injections.kvar(A, 0)).isCloseTo(0, within(KW)); // 48.43 delivered, 48.43 drawn
        assertThat(injections.kw(B, 0)).isCloseTo(-70, within(KW));
        assertThat(injections.kvar(B, 0)).isCloseTo(-50 * TAN_095 + 30 - 5, within(KW));
        assertThat(injections.kw(S, 0)).isZero();
        assertThat(BusInjections.plannedKvar(g, 100)).isCloseTo(100 * TAN_09, within(KW));
        assertThat(g.info().kvarAt(100)).isZero(); // what the device itself would do at its rating: the AC correction's job
        assertThat(BusInjections.kvarPerKw(new ReactivePower.PowerFactor(0.9, true))).isCloseTo(-TAN_09, within(KW));
    }

    @Test
    void deviceOnABusOutsideTheNetworkIsNamed() {
        Generator g = Assets.generator("G", DeviceType.RECIPROCATING_ENGINE, 100, 0, new CostCurve.Quadratic(0, 0.1, 0)); // on B1
        PlanningProblem problem = Feeders.on(ProblemBuilder.hourly("elsewhere", "2026-11-23T00:00:00Z", 1).add(g).build(), Feeders.threeBus());

        assertThatThrownBy(() -> BusInjections.busOf(RadialFeeder.of(problem.network()), g))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("device G is on bus B1, which the network does not have");
    }
}
