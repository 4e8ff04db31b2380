package org.gridfleet.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridfleet.model.BusId;
import org.gridfleet.model.fleet.Bus;
import org.gridfleet.model.fleet.Line;
import org.gridfleet.model.fleet.Network;
import org.gridfleet.model.fleet.Transformer;
import org.junit.jupiter.api.Test;

/**
 * The fleet's own network path ({@link FleetNetworks}: ohms, amperes, kVA, per-bus net loads) against the MATPOWER
 * path ({@link MatpowerNetworks}: per unit on baseMVA, loads and generators from the case) and against closed-form
 * answers. The two translations share no code, so agreement checks both.
 */
class FleetNetworksTest {
    private static final AcPowerFlow AC = new AcPowerFlow();

    @Test
    void baranWuFeederAsAFleetNetworkGivesThePublishedAnswer() throws Exception {
        MatpowerCase mpc = MatpowerReader.read(MatpowerReaderTest.resource("case33bw.m"));
        GridModel grid = FleetNetworks.toGrid(asFleetNetwork(mpc));
        for (MatpowerCase.Bus b : mpc.buses()) {
            grid.iidm().getLoad(FleetNetworks.netLoadId(Integer.toString(b.number()))).setP0(b.pdMw()).setQ0(b.qdMvar());
        }

        var fleet = converged(AC.run(grid));
        var matpower = converged(AC.run(mpc));

        // Baran & Wu (1989) / MATPOWER case33bw: 202.7 kW of losses, lowest voltage 0.9131 pu at bus 18
        assertThat(fleet.lossesKw()).isCloseTo(202.7, within(202.7 * 0.005));
        assertThat(fleet.minVoltageBus().id()).isEqualTo("18");
        assertThat(fleet.minVoltageBus().voltagePu()).isCloseTo(0.9131, within(0.001));
        assertThat(fleet.lossesKw()).isCloseTo(matpower.lossesKw(), within(1e-6));
        for (var bus : matpower.buses()) {
            assertThat(fleet.bus(bus.id()).voltagePu()).as("bus %s", bus.id()).isCloseTo(bus.voltagePu(), within(1e-9));
        }
    }

    @Test
    void transformerMatchesTheTwoBusClosedForm() {
        // 1 000 kVA, 12.47/0.48 kV, 1 % + j5.75 %, 800 kW + 300 kvar at the LV bus, HV held at 1.0 pu.
        // On a 1 MVA base the two-bus solution is V2⁴ + (2(rP + xQ) − V1²)·V2² + (r² + x²)(P² + Q²) = 0.
        double r = 0.01, x = 0.0575, p = 0.8, q = 0.3;
        double b = 2 * (r * p + x * q) - 1;
        double v2 = Math.sqrt((-b + Math.sqrt(b * b - 4 * (r * r + x * x) * (p * p + q * q))) / 2);
        double lossesKw = (p * p + q * q) / (v2 * v2) * r * 1000;

        GridModel grid = FleetNetworks.toGrid(twoBus(1.0));
        grid.iidm().getLoad(FleetNetworks.netLoadId("LV")).setP0(0.8).setQ0(0.3);
        var s = converged(AC.run(grid));

        assertThat(s.bus("LV").voltagePu()).isCloseTo(v2, within(1e-7));
        assertThat(s.lossesKw()).isCloseTo(lossesKw, within(1e-4));
        // current at the LV side: S/(√3·V) with V in kV
        var t = s.branches().getFirst();
        assertThat(t.currentToA()).isCloseTo(Math.hypot(800, 300) / (Math.sqrt(3) * 0.48 * v2), within(1e-3));
        assertThat(t.loading()).isCloseTo(t.currentToA() / (1000 / (Math.sqrt(3) * 0.48)), within(1e-9));
    }

    @Test
    void offNominalTapScalesTheSecondaryVoltage() {
        GridModel grid = FleetNetworks.toGrid(twoBus(1.025));
        var s = converged(AC.run(grid));

        // at no load the LV bus sits at V1 / t
        assertThat(s.bus("LV").voltagePu()).isCloseTo(1 / 1.025, within(1e-9));
    }

    @Test
    void slackHoldsItsSetPoint() {
        Network net = new Network(List.of(new Bus(BusId.of("A"), 12.47), new Bus(BusId.of("B"), 12.47)),
                List.of(new Line("L", BusId.of("A"), BusId.of("B"), 0.3, 0.6, 0, 400)), List.of(), Optional.of(BusId.of("A")), 1.03);
        var s = converged(AC.run(FleetNetworks.toGrid(net)));

        assertThat(s.bus("A").voltagePu()).isCloseTo(1.03, within(1e-9));
    }

    @Test
    void lineAcrossVoltageLevelsIsRejected() {
        Network net = new Network(List.of(new Bus(BusId.of("A"), 12.47), new Bus(BusId.of("B"), 0.48)),
                List.of(new Line("L", BusId.of("A"), BusId.of("B"), 0.3, 0.6, 0, 400)), Optional.of(BusId.of("A")));

        assertThatThrownBy(() -> FleetNetworks.toGrid(net)).hasMessageContaining("line L").hasMessageContaining("transformer");
        assertThatThrownBy(() -> FleetNetworks.toGrid(Network.NONE)).hasMessageContaining("no network");
    }

    private static Network twoBus(double tap) {
        return new Network(List.of(new Bus(BusId.of("HV"), 12.47), new Bus(BusId.of("LV"), 0.48)), List.of(),
                List.of(new Transformer("T1", BusId.of("HV"), BusId.of("LV"), 1000, 1, 5.75, tap)), Optional.of(BusId.of("HV")), 1.0);
    }

    /** case33bw in the fleet's units: impedances from per unit on baseMVA to ohm at 12.66 kV. */
    static Network asFleetNetwork(MatpowerCase mpc) {
        List<Bus> buses = new ArrayList<>();
        for (MatpowerCase.Bus b : mpc.buses()) buses.add(new Bus(BusId.of(Integer.toString(b.number())), b.baseKv()));
        List<Line> lines = new ArrayList<>();
        int k = 0;
        for (MatpowerCase.Branch br : mpc.branches()) {
            k++;
            if (!br.inService()) continue;
            double kv = mpc.buses().stream().filter(b -> b.number() == br.fromBus()).findFirst().orElseThrow().baseKv();
            double zBase = kv * kv / mpc.baseMva();
            lines.add(new Line(Integer.toString(k), BusId.of(Integer.toString(br.fromBus())), BusId.of(Integer.toString(br.toBus())),
                    br.rPu() * zBase, br.xPu() * zBase, 0, 400));
        }
        String slack = mpc.buses().stream().filter(b -> b.type() == MatpowerCase.BusType.REF).findFirst().orElseThrow().number() + "";
        return new Network(buses, lines, List.of(), Optional.of(BusId.of(slack)), 1.0);
    }

    static PowerFlowOutcome.PowerFlowSolution converged(PowerFlowOutcome outcome) {
        assertThat(outcome).isInstanceOf(PowerFlowOutcome.Converged.class);
        return ((PowerFlowOutcome.Converged) outcome).solution();
    }
}
