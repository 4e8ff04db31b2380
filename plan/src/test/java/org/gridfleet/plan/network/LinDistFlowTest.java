package org.gridfleet.plan.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.plan.network.Feeders.A;
import static org.gridfleet.plan.network.Feeders.B;
import static org.gridfleet.plan.network.Feeders.S;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.gridfleet.model.BusId;
import org.gridfleet.model.fleet.Bus;
import org.gridfleet.model.fleet.Line;
import org.gridfleet.model.fleet.Network;
import org.junit.jupiter.api.Test;

/** LinDistFlow against a hand computation, the exact two-bus AC solution, and Baran and Wu's published feeder. */
class LinDistFlowTest {
    private static final double PU = 1e-12;
    private static final double KW = 1e-9;

    /**
     * {@link Feeders#threeBus()}: L1 0.02 + j0.04 pu, T1 0.02 + j0.08 pu with tap 1.025 at A, slack 1.02 pu (v = 1.0404).
     * <pre>
     * interval 0: A draws 300 kW + 100 kvar, B 200 kW + 50 kvar
     *   T1 carries 200 kW, 50 kvar (0.2, 0.05 pu); L1 carries 500 kW, 150 kvar (0.5, 0.15 pu)
     *   v_A = 1.0404 − 2(0.02·0.5 + 0.04·0.15)            = 1.0404 − 0.032 = 1.0084      V_A = 1.0041912
     *   v_B = 1.0084 / 1.050625 − 2(0.02·0.2 + 0.08·0.05) = 0.9598096 − 0.016 = 0.9438096 V_B = 0.9714987
     * interval 1: A draws 100 kW, B injects 400 kW (a generator behind the transformer), no reactive power
     *   T1 carries −400 kW, L1 −300 kW (towards the slack)
     *   v_A = 1.0404 + 2·0.02·0.3 = 1.0524                                                  V_A = 1.0258655
     *   v_B = 1.0524 / 1.050625 + 2·0.02·0.4 = 1.0016895 + 0.016 = 1.0176895                V_B = 1.0088060
     * </pre>
     */
    @Test
    void threeBusFeederMatchesTheHandComputation() {
        RadialFeeder feeder = RadialFeeder.of(Feeders.threeBus());
        BusInjections injections = BusInjections.builder(feeder, 2)
                .add(A, 0, -300, -100).add(B, 0, -200, -50)
                .add(A, 1, -100, 0).add(B, 1, 400, 0)
                .add(S, 0, 1234, 567) // the slack's own injection moves no branch flow
                .build();

        FlowSolution flow = new LinDistFlow(feeder).solve(injections);

        assertThat(flow.branchKw("T1", 0)).isCloseTo(200, within(KW));
        assertThat(flow.branchKvar("T1", 0)).isCloseTo(50, within(KW));
        assertThat(flow.branchKw("L1", 0)).isCloseTo(500, within(KW));
        assertThat(flow.branchKvar("L1", 0)).isCloseTo(150, within(KW));
        assertThat(flow.squaredVoltagePu(S, 0)).isCloseTo(1.0404, within(PU));
        assertThat(flow.squaredVoltagePu(A, 0)).isCloseTo(1.0084, within(PU));
        assertThat(flow.squaredVoltagePu(B, 0)).isCloseTo(1.0084 / 1.050625 - 0.016, within(PU));
        assertThat(flow.voltagePu(A, 0)).isCloseTo(1.0041912, within(1e-7));
        assertThat(flow.voltagePu(B, 0)).isCloseTo(0.9714987, within(1e-7));

        assertThat(flow.branchKw("T1", 1)).isCloseTo(-400, within(KW));
        assertThat(flow.branchKw("L1", 1)).isCloseTo(-300, within(KW));
        assertThat(flow.squaredVoltagePu(A, 1)).isCloseTo(1.0524, within(PU));
        assertThat(flow.voltagePu(A, 1)).isCloseTo(1.0258655, within(1e-7));
        assertThat(flow.voltagePu(B, 1)).isCloseTo(1.0088060, within(1e-7));
        assertThat(flow.branchKva("L1", 0)).isCloseTo(Math.hypot(500, 150), within(KW));
    }

    /**
     * One line r + jx = 0.05 + j0.1 pu (5 + j10 Ω at 10 kV) from a slack at 1 pu to a load P + jQ. The exact AC
     * solution, with v = |V₂|², is the root of v² − (1 − 2(rP + xQ))·v + |z|²|S|² = 0 (from |V₁|² = |V₂ + z·I|²,
     * I = conj(S/V₂)), the larger one: v = (a + √(a² − 4|z|²|S|²)) / 2 with a = 1 − 2(rP + xQ), which is the
     * LinDistFlow value. So LinDistFlow is off by exactly the loss term |z|²·|S|²/v, and its flow by the losses
     * r·|S|²/v. 500 kW + 200 kvar: a = 0.91, v = 0.9059989, V₂ = 0.95184 (LinDistFlow 0.95394), losses 16.004 kW.
     * 2000 kW + 1000 kvar (a feeder on its knees): v = 0.4658312 (LinDistFlow 0.6), losses 536.68 kW.
     */
    @Test
    void twoBusFeederDiffersFromTheExactAcSolutionByTheLossTermOnly() {
        double r = 0.05;
        double x = 0.1;
        RadialFeeder feeder = RadialFeeder.of(Feeders.twoBus(5, 10, 1000));
        double[][] loads = {{500, 200}, {2000, 1000}};
        BusInjections.Builder injections = BusInjections.builder(feeder, loads.length);
        for (int t = 0; t < loads.length; t++) {
            injections.add(A, t, -loads[t][0], -loads[t][1]);
        }

        FlowSolution flow = new LinDistFlow(feeder).solve(injections.build());

        for (int t = 0; t < loads.length; t++) {
            double p = loads[t][0] / 1000;
            double q = loads[t][1] / 1000;
            double a = 1 - 2 * (r * p + x * q);
            double z2 = r * r + x * x;
            double s2 = p * p + q * q;
            double exact = (a + Math.sqrt(a * a - 4 * z2 * s2)) / 2;
            // the exact solution, checked on its own: with V₂ = √v at angle 0, I = (P − jQ)/V₂ and V₁ = V₂ + z·I, |V₁| = 1
            double v2 = Math.sqrt(exact);
            double v1Re = v2 + (r * p + x * q) / v2;
            double v1Im = (x * p - r * q) / v2;
            assertThat(Math.hypot(v1Re, v1Im)).isCloseTo(1, within(PU));

            assertThat(flow.squaredVoltagePu(A, t)).isCloseTo(a, within(PU));
            assertThat(flow.squaredVoltagePu(A, t) - exact).isCloseTo(z2 * s2 / exact, within(PU));
            // AC sends the load plus the losses r·|S|²/v into the line; LinDistFlow the load alone
            assertThat(flow.branchKw("L1", t)).isCloseTo(loads[t][0], within(KW));
            assertThat(flow.branchKvar("L1", t)).isCloseTo(loads[t][1], within(KW));
        }
        assertThat(flow.voltagePu(A, 0)).isCloseTo(0.95394, within(1e-5));
        assertThat(Math.sqrt((0.91 + Math.sqrt(0.91 * 0.91 - 4 * 0.0125 * 0.29)) / 2)).isCloseTo(0.95184, within(1e-5));
    }

    /**
     * Baran and Wu's 33-bus, 12.66-kV feeder (M. E. Baran and F. F. Wu, IEEE Trans. Power Delivery 4(2), 1401–1407,
     * 1989; branch impedances in ohm and loads as published, tie switches open). The published AC solution (MATPOWER
     * {@code runpf(case33bw)}, docs/validation.md): lowest voltage 0.9131 pu at bus 18, losses 202.7 kW on 3715 kW of
     * load. LinDistFlow drops the losses: it finds the lowest voltage at the same bus, a little higher (0.9159), and
     * the head of the feeder carrying the load alone, 202.7 kW short of the AC flow.
     */
    @Test
    void baranWuFeederMatchesThePublishedAcSolutionUpToItsLosses() {
        double[][] branches = {
                {1, 2, 0.0922, 0.0470}, {2, 3, 0.4930, 0.2511}, {3, 4, 0.3660, 0.1864}, {4, 5, 0.3811, 0.1941}, {5, 6, 0.8190, 0.7070},
                {6, 7, 0.1872, 0.6188}, {7, 8, 0.7114, 0.2351}, {8, 9, 1.0300, 0.7400}, {9, 10, 1.0440, 0.7400}, {10, 11, 0.1966, 0.0650},
                {11, 12, 0.3744, 0.1238}, {12, 13, 1.4680, 1.1550}, {13, 14, 0.5416, 0.7129}, {14, 15, 0.5910, 0.5260},
                {15, 16, 0.7463, 0.5450}, {16, 17, 1.2890, 1.7210}, {17, 18, 0.7320, 0.5740}, {2, 19, 0.1640, 0.1565},
                {19, 20, 1.5042, 1.3554}, {20, 21, 0.4095, 0.4784}, {21, 22, 0.7089, 0.9373}, {3, 23, 0.4512, 0.3083},
                {23, 24, 0.8980, 0.7091}, {24, 25, 0.8960, 0.7011}, {6, 26, 0.2030, 0.1034}, {26, 27, 0.2842, 0.1447},
                {27, 28, 1.0590, 0.9337}, {28, 29, 0.8042, 0.7006}, {29, 30, 0.5075, 0.2585}, {30, 31, 0.9744, 0.9630},
                {31, 32, 0.3105, 0.3619}, {32, 33, 0.3410, 0.5302}};
        double[][] loads = { // bus, kW, kvar
                {2, 100, 60}, {3, 90, 40}, {4, 120, 80}, {5, 60, 30}, {6, 60, 20}, {7, 200, 100}, {8, 200, 100}, {9, 60, 20},
                {10, 60, 20}, {11, 45, 30}, {12, 60, 35}, {13, 60, 35}, {14, 120, 80}, {15, 60, 10}, {16, 60, 20}, {17, 60, 20},
                {18, 90, 40}, {19, 90, 40}, {20, 90, 40}, {21, 90, 40}, {22, 90, 40}, {23, 90, 50}, {24, 420, 200}, {25, 420, 200},
                {26, 60, 25}, {27, 60, 25}, {28, 60, 20}, {29, 120, 70}, {30, 200, 600}, {31, 150, 70}, {32, 210, 100}, {33, 60, 40}};
        List<Bus> buses = new ArrayList<>();
        for (int k = 1; k <= 33; k++) {
            buses.add(new Bus(bus(k), 12.66));
        }
        List<Line> lines = new ArrayList<>();
        for (double[] b : branches) {
            lines.add(new Line("L" + (int) b[1], bus((int) b[0]), bus((int) b[1]), b[2], b[3], 0, 400));
        }
        RadialFeeder feeder = RadialFeeder.of(new Network(buses, lines, Optional.of(bus(1))));
        BusInjections.Builder injections = BusInjections.builder(feeder, 1);
        for (double[] load : loads) {
            injections.add(bus((int) load[0]), 0, -load[1], -load[2]);
        }

        FlowSolution flow = new LinDistFlow(feeder).solve(injections.build());

        BusId lowest = buses.stream().map(Bus::id).min(Comparator.comparingDouble(b -> flow.voltagePu(b, 0))).orElseThrow();
        assertThat(lowest).isEqualTo(bus(18));
        double publishedPu18 = 0.9131;
        assertThat(flow.voltagePu(bus(18), 0)).isBetween(publishedPu18, publishedPu18 + 0.003);
        assertThat(flow.voltagePu(bus(18), 0)).isCloseTo(0.91593, within(1e-5));
        assertThat(flow.branchKw("L2", 0)).isCloseTo(3715, within(KW));
        assertThat(flow.branchKvar("L2", 0)).isCloseTo(2300, within(KW));
    }

    private static BusId bus(int number) {
        return BusId.of(Integer.toString(number));
    }
}
