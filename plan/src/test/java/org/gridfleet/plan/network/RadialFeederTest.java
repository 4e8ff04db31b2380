package org.gridfleet.plan.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.plan.network.Feeders.A;
import static org.gridfleet.plan.network.Feeders.B;
import static org.gridfleet.plan.network.Feeders.S;

import java.util.List;
import java.util.Optional;
import org.gridfleet.model.BusId;
import org.gridfleet.model.fleet.Bus;
import org.gridfleet.model.fleet.Line;
import org.gridfleet.model.fleet.Network;
import org.gridfleet.model.fleet.Transformer;
import org.junit.jupiter.api.Test;

/** The radial feeder: order from the slack outward, per-unit values worked out by hand, and networks it refuses. */
class RadialFeederTest {
    private static final double PU = 1e-12;

    /**
     * {@link Feeders#threeBus()}: L1 2 + j4 Ω on the 100-Ω base of 10 kV and 1000 kVA is 0.02 + j0.04 pu, rated
     * √3·10 kV·100 A = 1732.05 kVA; T1 1 + j4 % on 500 kVA is 0.02 + j0.08 pu on 1000 kVA, its tap on the parent
     * (high-voltage) side: v_B = v_A / 1.025² − 2(rP + xQ).
     */
    @Test
    void ordersBusesFromTheSlackOutwardWithPerUnitImpedances() {
        RadialFeeder feeder = RadialFeeder.of(Feeders.threeBus());

        assertThat(feeder.buses()).extracting(Bus::id).containsExactly(S, A, B);
        assertThat(feeder.slackVoltagePu()).isEqualTo(1.02);
        RadialFeeder.Branch line = feeder.feederOf(A).orElseThrow();
        assertThat(line.id()).isEqualTo("L1");
        assertThat(line.parent()).isEqualTo(S);
        assertThat(line.resistancePu()).isCloseTo(0.02, within(PU));
        assertThat(line.reactancePu()).isCloseTo(0.04, within(PU));
        assertThat(line.voltageRatio()).isEqualTo(1);
        assertThat(line.ratingKva()).isCloseTo(Math.sqrt(3) * 10 * 100, within(1e-9));
        RadialFeeder.Branch transformer = feeder.feederOf(B).orElseThrow();
        assertThat(transformer.kind()).isEqualTo(RadialFeeder.Branch.Kind.TRANSFORMER);
        assertThat(transformer.parent()).isEqualTo(A);
        assertThat(transformer.resistancePu()).isCloseTo(0.02, within(PU));
        assertThat(transformer.reactancePu()).isCloseTo(0.08, within(PU));
        assertThat(transformer.voltageRatio()).isCloseTo(1 / (1.025 * 1.025), within(PU));
        assertThat(transformer.dropScale()).isEqualTo(1);
        assertThat(transformer.ratingKva()).isEqualTo(500);
        assertThat(feeder.feederOf(S)).isEmpty();
    }

    /**
     * A generator step-up transformer away from a low-voltage slack: its tapped high-voltage side is the child, so
     * v_child = t²·(v_parent − 2(rP + xQ)), ratio and scale t² = 1.05² = 1.1025.
     */
    @Test
    void transformerTappedOnTheChildSideScalesTheWholeRelation() {
        Network network = new Network(List.of(new Bus(S, 0.4), new Bus(A, 10)), List.of(),
                List.of(new Transformer("T1", A, S, 1000, 1, 6, 1.05)), Optional.of(S), 1.0);

        RadialFeeder.Branch step = RadialFeeder.of(network).feederOf(A).orElseThrow();

        assertThat(step.parent()).isEqualTo(S);
        assertThat(step.voltageRatio()).isCloseTo(1.1025, within(PU));
        assertThat(step.dropScale()).isCloseTo(1.1025, within(PU));
        assertThat(step.resistancePu()).isCloseTo(0.01, within(PU));
        assertThat(step.reactancePu()).isCloseTo(0.06, within(PU));
    }

    /**
     * <pre>
     *   S ──L1── A
     *    \       │ L2
     *     └─L3── B
     * </pre>
     */
    @Test
    void meshedNetworkIsRejectedNamingTheBranchThatClosesTheLoop() {
        Network meshed = new Network(List.of(new Bus(S, 10), new Bus(A, 10), new Bus(B, 10)),
                List.of(new Line("L1", S, A, 1, 1, 0, 100), new Line("L2", A, B, 1, 1, 0, 100), new Line("L3", B, S, 1, 1, 0, 100)),
                Optional.of(S));

        assertThatThrownBy(() -> RadialFeeder.of(meshed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not radial")
                .hasMessageContaining("line L2 (A – B) closes the loop S – A – B – S")
                .hasMessageContaining("open one branch of the loop");
    }

    @Test
    void parallelLinesAreALoopToo() {
        Network parallel = new Network(List.of(new Bus(S, 10), new Bus(A, 10)),
                List.of(new Line("L1", S, A, 1, 1, 0, 100), new Line("L1b", A, S, 1, 1, 0, 100)), Optional.of(S));

        assertThatThrownBy(() -> RadialFeeder.of(parallel))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line L1b (A – S) closes the loop S – A – S");
    }

    @Test
    void busesTheSlackCannotReachAreNamed() {
        BusId c = BusId.of("C");
        BusId d = BusId.of("D");
        Network island = new Network(List.of(new Bus(S, 10), new Bus(A, 10), new Bus(c, 10), new Bus(d, 10)),
                List.of(new Line("L1", S, A, 1, 1, 0, 100), new Line("L9", c, d, 1, 1, 0, 100)), Optional.of(S));

        assertThatThrownBy(() -> RadialFeeder.of(island))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("buses C, D are not connected to the slack bus S");
    }

    @Test
    void aLineBetweenVoltagesAndAMissingNetworkAreRefused() {
        Network mixed = new Network(List.of(new Bus(S, 10), new Bus(A, 0.4)), List.of(new Line("L1", S, A, 1, 1, 0, 100)), Optional.of(S));

        assertThatThrownBy(() -> RadialFeeder.of(mixed)).hasMessageContaining("line L1 joins S (10.0 kV) and A (0.4 kV)");
        assertThatThrownBy(() -> RadialFeeder.of(Network.NONE)).hasMessageContaining("has no network");
    }
}
