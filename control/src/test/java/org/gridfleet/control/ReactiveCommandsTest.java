package org.gridfleet.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.testkit.Assets.BUS;
import static org.gridfleet.testkit.Assets.SITE;
import static org.gridfleet.testkit.Assets.generator;
import static org.gridfleet.testkit.Assets.storage;

import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.asset.AssetInfo;
import org.gridfleet.model.asset.CostCurve;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Reliability;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.control.Command;
import org.gridfleet.model.fleet.ReactivePower;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.testkit.ProblemBuilder;
import org.junit.jupiter.api.Test;

/**
 * The center attaches the kvar each device's fleet {@code reactive} setting asks for at the output the dispatch
 * expects, within the capability circle; sim's controllers hold it and report it.
 * <pre>
 *   G1     reciprocating engine 600 kW, min 150 kW, power factor 0.9 delivering     (merit order 1)
 *   G2     microturbine         400 kW, min  80 kW, fixed -120 kvar (absorbing)     (merit order 2)
 *   PV-1   photovoltaic         200 kW, curtailable, power factor 0.95 absorbing, forecast 150 kW
 *   BAT-1  battery              200 kW / 400 kWh, unity power factor (no kvar sent)
 *      │     │     │     │
 *   ───┴─────┴─────┴─────┴── B1 ── EU-1 800 kW throughout (08:00..09:00Z, 15 min)
 * </pre>
 * The merit order runs G1 at 570 kW, G2 at its 80 kW minimum and PV at 150 kW, the battery idle.
 */
class ReactiveCommandsTest {
    static final AssetId G1 = AssetId.of("G1");
    static final AssetId G2 = AssetId.of("G2");
    static final AssetId PV = AssetId.of("PV-1");
    static final AssetId BAT = AssetId.of("BAT-1");

    private static AssetInfo info(String id, DeviceType type, double ratedKw, ReactivePower reactive) {
        return new AssetInfo(AssetId.of(id), id, type, SITE, BUS, ratedKw, 1, Reliability.PERFECT, List.of(), true, 0.01, reactive);
    }

    static PlanningProblem plant() {
        return ProblemBuilder.on("reactive", new TimeGrid(ControlFleets.START, ControlFleets.STEP, 4))
                .add(generator(info("G1", DeviceType.RECIPROCATING_ENGINE, 600, new ReactivePower.PowerFactor(0.9, false)), 150,
                        new CostCurve.Quadratic(10, 0.10, 0)))
                .add(generator(info("G2", DeviceType.MICROTURBINE, 400, new ReactivePower.FixedKvar(-120)), 80, new CostCurve.Quadratic(5, 0.14, 0)))
                .add(new Renewable(info("PV-1", DeviceType.PHOTOVOLTAIC, 200, new ReactivePower.PowerFactor(0.95, true)), true), 150, 150, 150, 150)
                .add(storage("BAT-1", DeviceType.BATTERY, 200, 400, 0.5))
                .demand("EU-1", 800, 800, 800, 800)
                .build();
    }

    static Command only(List<Command> commands) {
        assertThat(commands).hasSize(1);
        return commands.getFirst();
    }

    @Test
    void commandsCarryTheFleetSettingsKvarWithinTheCircleAndTheFieldHoldsIt() {
        FieldLoop loop = new FieldLoop(plant());

        loop.step(Duration.ofSeconds(10));

        Command g1 = only(loop.sentTo(G1));
        Command g2 = only(loop.sentTo(G2));
        Command pv = only(loop.sentTo(PV));
        assertThat(g1.setpointKw()).isCloseTo(570, within(1e-3));
        assertThat(g1.setpointKvar().getAsDouble()).as("570·tan(acos 0.9) = 276 kvar, held to sqrt(600² - 570²)")
                .isCloseTo(Math.sqrt(600 * 600 - 570 * 570), within(1e-6));
        assertThat(g2.setpointKw()).isCloseTo(80, within(1e-3));
        assertThat(g2.setpointKvar()).hasValue(-120.0);
        assertThat(pv.setpointKw()).as("not curtailed: full output").isEqualTo(200);
        assertThat(pv.setpointKvar().getAsDouble()).as("at the 150 kW it gives, not the 200 kW cap: -150·tan(acos 0.95)")
                .isCloseTo(-150 * Math.sqrt(1 - 0.95 * 0.95) / 0.95, within(1e-9));
        assertThat(only(loop.sentTo(BAT)).setpointKvar()).as("unity: nothing to ask").isEqualTo(OptionalDouble.empty());

        loop.run(Duration.ofMinutes(2), Duration.ofSeconds(10));

        assertThat(loop.field.controller(G1).kvar()).isCloseTo(Math.sqrt(600 * 600 - 570 * 570), within(1e-6));
        assertThat(loop.field.controller(G2).kvar()).isEqualTo(-120);
        assertThat(loop.field.controller(PV).kvar()).isCloseTo(-49.3, within(0.01));
        assertThat(loop.events).noneMatch(e -> e instanceof ControlEvent.ValueRejected);
        assertThat(loop.events).filteredOn(e -> e instanceof ControlEvent.AckReceived).isNotEmpty();
    }
}
