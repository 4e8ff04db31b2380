package org.gridfleet.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.gridfleet.model.BusId;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.asset.AssetInfo;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.fleet.Bus;
import org.gridfleet.model.fleet.CustomerClass;
import org.gridfleet.model.fleet.EndUser;
import org.gridfleet.model.fleet.GridConnection;
import org.gridfleet.model.fleet.Line;
import org.gridfleet.model.fleet.Network;
import org.gridfleet.model.fleet.ReactivePower;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.check.PlanChecker;
import org.gridfleet.plan.check.Violation;
import org.gridfleet.plan.evaluate.PlanEvaluator;
import org.gridfleet.plan.milp.MilpOptions;
import org.gridfleet.plan.milp.MilpPlanGenerator;
import org.gridfleet.testkit.Assets;
import org.gridfleet.testkit.ProblemBuilder;
import org.junit.jupiter.api.Test;

/**
 * The price of a network constraint, on a 12.47 kV feeder where the cheap engine sits behind a thin cable:
 * <pre>
 *   SUB (slack) ── L1 0.5 + j0.5 Ω, 300 A ── MID ── L2 1.5 + j1.0 Ω, 50 A (1 080 kVA) ── END
 *   expensive engine (2 000 kW)             campus (1 500 kW, pf 0.95)                   cheap engine (2 000 kW)
 * </pre>
 * The cheapest plan runs the cheap engine for the whole campus and sends 1 500 kW through the 1 080 kVA cable;
 * the network-aware plan must keep the cable within its rating in the AC power flow, and it costs more.
 */
class NetworkAwarePlannerTest {
    private static final BusId SUB = BusId.of("SUB");
    private static final BusId MID = BusId.of("MID");
    private static final BusId END = BusId.of("END");
    private static final MilpOptions OPTIONS = MilpOptions.DEFAULT.withTimeLimit(Duration.ofSeconds(30));

    private final PlanningProblem problem = problem();
    private final PlanEvaluator evaluator = new PlanEvaluator();

    @Test
    void cheapestPlanOverloadsTheCableAndTheNetworkAwarePlanDoesNotAtAPrice() {
        NetworkAwarePlanner.Result result = new NetworkAwarePlanner(OPTIONS, NetworkLimits.DEFAULT, 5).plan(problem);

        DispatchPlan cheapest = result.unconstrained();
        assertThat(cheapest).isEqualTo(new MilpPlanGenerator(OPTIONS).generate(problem).getFirst());
        assertThat(new NetworkAssessment().assess(cheapest, problem).violations()).as("the unconstrained optimum overloads L2")
                .anySatisfy(v -> assertThat(v.element()).isEqualTo("L2"));

        assertThat(result.acFeasible()).as("AC check of the network-aware plan: %s", result.ac().violations()).isTrue();
        assertThat(result.ac().worstLoading().value()).isLessThanOrEqualTo(1.0 + NetworkAwarePlanner.LOADING_TOLERANCE);
        assertThat(new PlanChecker().check(result.plan(), problem).stream().filter(Violation::hard)).isEmpty();
        double price = evaluator.evaluate(result.plan(), problem).cost().totalCost() - evaluator.evaluate(cheapest, problem).cost().totalCost();
        assertThat(price).as("the price of the constraint").isPositive();
        // the cable carries at most 1 080 kVA at 1 pu: the cheap engine runs at about that, the dear one the rest and the losses
        double cheapKw = result.plan().schedule(org.gridfleet.model.AssetId.of("cheap")).orElseThrow().powerKw().get(0);
        assertThat(cheapKw).isBetween(900.0, 1100.0);
        System.out.printf("price of the L2 rating: %.2f USD over %d iterations; cheap engine %.1f kW; worst loading %.4f%n",
                price, result.iterations().size(), cheapKw, result.ac().worstLoading().value());
    }

    /**
     * SUB ── 2 + j2 Ω ── END with 3 000 kW at pf 0.9 at END. Fed from SUB alone (the cheapest plan), END sags below
     * 0.945 pu; the linear model leaves out the losses and so puts END higher than AC does: the corrections from the
     * AC checks make a plan that holds 0.95 pu in AC.
     */
    @Test
    void acCorrectionsFixWhatTheLinearModelMisses() {
        Network net = new Network(List.of(new Bus(SUB, 12.47), new Bus(END, 12.47)),
                List.of(new Line("L1", SUB, END, 2.0, 2.0, 0, 400)), List.of(), Optional.of(SUB), 1.0);
        EndUser town = new EndUser(EndUserId.of("town"), "town", END, CustomerClass.RESIDENTIAL, new ReactivePower.PowerFactor(0.9, false));
        PlanningProblem sagging = ProblemBuilder.hourly("sag", "2026-11-23T00:00:00Z", 2)
                .add(engine("cheap", SUB, 0.08, 4000))
                .add(engine("local", END, 0.20, 4000))
                .demand(town, Profile.of(3000, 3000))
                .connection(GridConnection.connected(0, 0))
                .flatPrices(0, 0.5)
                .network(net)
                .build();

        NetworkAwarePlanner.Result result = new NetworkAwarePlanner(OPTIONS, NetworkLimits.DEFAULT, 5).plan(sagging);

        // iteration 0 (no network) sags far below; iteration 1 (LinDistFlow, corrected at iteration 0's plan) is close
        assertThat(result.iterations().getFirst().ac().minVoltage().value()).isLessThan(0.945);
        assertThat(result.acFeasible()).as("%s", result.ac().violations()).isTrue();
        assertThat(result.iterations()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(result.ac().minVoltage().value()).isGreaterThanOrEqualTo(0.95 - NetworkAwarePlanner.VOLTAGE_TOLERANCE_PU);
        // the plan covers the AC losses of its last check on top of the demand
        assertThat(result.plan().lossesKw().get(0)).isPositive();
        assertThat(new PlanChecker().check(result.plan(), sagging).stream().filter(Violation::hard)).isEmpty();
    }

    @Test
    void meshedNetworkIsRefusedWithTheLoop() {
        Network meshed = new Network(List.of(new Bus(SUB, 12.47), new Bus(MID, 12.47), new Bus(END, 12.47)),
                List.of(new Line("L1", SUB, MID, 0.5, 0.5, 0, 300), new Line("L2", MID, END, 1.5, 1.0, 0, 50),
                        new Line("L3", END, SUB, 1.0, 1.0, 0, 100)), List.of(), Optional.of(SUB), 1.0);
        PlanningProblem withLoop = builder().network(meshed).build();

        assertThatThrownBy(() -> new NetworkAwarePlanner(OPTIONS, NetworkLimits.DEFAULT, 3).plan(withLoop)).hasMessageContaining("L");
    }

    private static PlanningProblem problem() {
        Network net = new Network(List.of(new Bus(SUB, 12.47), new Bus(MID, 12.47), new Bus(END, 12.47)),
                List.of(new Line("L1", SUB, MID, 0.5, 0.5, 0, 300), new Line("L2", MID, END, 1.5, 1.0, 0, 50)),
                List.of(), Optional.of(SUB), 1.0);
        return builder().network(net).build();
    }

    private static ProblemBuilder builder() {
        EndUser campus = new EndUser(EndUserId.of("campus"), "campus", MID, CustomerClass.COMMERCIAL, new ReactivePower.PowerFactor(0.95, false));
        return ProblemBuilder.hourly("thin cable", "2026-11-23T00:00:00Z", 2)
                .add(engine("dear", SUB, 0.20))
                .add(engine("cheap", END, 0.08))
                .demand(campus, Profile.of(1500, 1500))
                .connection(GridConnection.connected(0, 0))
                .flatPrices(0, 0.5);
    }

    private static Generator engine(String id, BusId bus, double costPerKwh) {
        return engine(id, bus, costPerKwh, 2000);
    }

    private static Generator engine(String id, BusId bus, double costPerKwh, double ratedKw) {
        AssetInfo base = Assets.info(id, DeviceType.RECIPROCATING_ENGINE, ratedKw);
        AssetInfo info = new AssetInfo(base.id(), id, base.type(), base.location(), bus, ratedKw, 1, base.reliability(), List.of(), true, 0);
        return Assets.generator(info, 0, Assets.piecewise(0, 0, ratedKw, ratedKw * costPerKwh));
    }
}
