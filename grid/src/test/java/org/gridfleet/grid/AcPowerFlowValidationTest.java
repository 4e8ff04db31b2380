package org.gridfleet.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;

import org.gridfleet.grid.PowerFlowOutcome.Converged;
import org.gridfleet.grid.PowerFlowOutcome.PowerFlowSolution;
import org.junit.jupiter.api.Test;

/**
 * AC power flow against published solutions (docs/validation.md, "Power flow"): voltages within 0.001 pu and
 * losses within 0.5 %.
 */
class AcPowerFlowValidationTest {
    private static final double VOLTAGE_TOLERANCE_PU = 0.001;
    private static final double LOSS_TOLERANCE = 0.005;

    /**
     * IEEE 14-bus system, MATPOWER {@code data/case14.m}. Published solution: MATPOWER's {@code runpf(case14)}
     * (Newton, reactive limits not enforced) bus table (voltage magnitude to 3 decimals, angle to 3 decimals) and
     * total losses 13.393 MW.
     */
    @Test
    void case14MatchesMatpowerSolution() throws Exception {
        MatpowerCase mpc = MatpowerReader.read(MatpowerReaderTest.resource("case14.m"));
        PowerFlowSolution s = converged(new AcPowerFlow().run(mpc));

        double[][] published = { // bus, |V| pu, angle deg
            {1, 1.060, 0.000}, {2, 1.045, -4.983}, {3, 1.010, -12.725}, {4, 1.018, -10.313},
            {5, 1.020, -8.774}, {6, 1.070, -14.221}, {7, 1.062, -13.360}, {8, 1.090, -13.360},
            {9, 1.056, -14.939}, {10, 1.051, -15.097}, {11, 1.057, -14.791}, {12, 1.055, -15.076},
            {13, 1.050, -15.156}, {14, 1.036, -16.034}};
        for (double[] p : published) {
            var bus = s.bus((int) p[0]);
            assertThat(bus.voltagePu()).as("|V| of bus %s", bus.id()).isCloseTo(p[1], within(VOLTAGE_TOLERANCE_PU));
            assertThat(bus.angleDeg()).as("angle of bus %s", bus.id()).isCloseTo(p[2], within(0.01));
        }
        assertThat(s.lossesKw() / 1000).isCloseTo(13.393, offset(13.393 * LOSS_TOLERANCE));
        System.out.printf("case14: losses %.4f MW (published 13.393), bus 14 %.5f pu %.3f deg%n",
                s.lossesKw() / 1000, s.bus(14).voltagePu(), s.bus(14).angleDeg());
    }

    /**
     * 33-bus radial feeder of Baran and Wu (1989), MATPOWER {@code data/case33bw.m} (12.66 kV, 3.715 MW + 2.3 MVAr of
     * load, tie switches open). Published: total losses 202.7 kW (Baran and Wu; MATPOWER {@code runpf} gives
     * 202.677 kW), lowest voltage 0.9131 pu at bus 18.
     */
    @Test
    void case33bwMatchesBaranWu() throws Exception {
        MatpowerCase mpc = MatpowerReader.read(MatpowerReaderTest.resource("case33bw.m"));
        PowerFlowSolution s = converged(new AcPowerFlow().run(mpc));

        assertThat(s.minVoltageBus().id()).isEqualTo("18");
        assertThat(s.minVoltageBus().voltagePu()).isCloseTo(0.9131, within(VOLTAGE_TOLERANCE_PU));
        assertThat(s.bus(1).voltagePu()).isCloseTo(1.0, within(1e-9));
        double lossesKw = s.lossesKw();
        assertThat(lossesKw).isCloseTo(202.7, offset(202.7 * LOSS_TOLERANCE));
        System.out.printf("case33bw: losses %.3f kW (published 202.7), min V %.5f pu at bus %s (published 0.9131 at 18)%n",
                lossesKw, s.minVoltageBus().voltagePu(), s.minVoltageBus().id());
    }

    @Test
    void branchFlowsBalanceAtTheSlack() throws Exception {
        MatpowerCase mpc = MatpowerReader.read(MatpowerReaderTest.resource("case33bw.m"));
        PowerFlowSolution s = converged(new AcPowerFlow().run(mpc));
        // the feeder head carries all load plus all losses
        var head = s.branches().getFirst();
        assertThat(head.fromBus()).isEqualTo("1");
        double loadMw = mpc.buses().stream().mapToDouble(MatpowerCase.Bus::pdMw).sum();
        assertThat(head.pFromKw() / 1000).isCloseTo(loadMw + s.lossesKw() / 1000, within(1e-4));
        assertThat(s.branches()).hasSize(32).allSatisfy(b -> assertThat(b.lossesKw()).isGreaterThanOrEqualTo(-1e-6));
    }

    @Test
    void nonConvergenceIsAnOutcome() throws Exception {
        MatpowerCase mpc = MatpowerReader.read(MatpowerReaderTest.resource("case33bw.m"));
        // fifteen times the load: no solution exists on this feeder
        var heavy = new MatpowerCase(mpc.name(), mpc.baseMva(), mpc.buses().stream()
                .map(b -> new MatpowerCase.Bus(b.number(), b.type(), 15 * b.pdMw(), 15 * b.qdMvar(), b.gsMw(),
                        b.bsMvar(), b.vmPu(), b.vaDeg(), b.baseKv(), b.line()))
                .toList(), mpc.gens(), mpc.branches());
        PowerFlowOutcome outcome = new AcPowerFlow().run(heavy);
        assertThat(outcome).isInstanceOfSatisfying(PowerFlowOutcome.NotConverged.class,
                n -> assertThat(n.reason()).contains("component"));
    }

    private static PowerFlowSolution converged(PowerFlowOutcome outcome) {
        assertThat(outcome).isInstanceOf(Converged.class);
        return ((Converged) outcome).solution();
    }
}
