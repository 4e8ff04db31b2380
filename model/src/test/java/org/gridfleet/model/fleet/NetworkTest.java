package org.gridfleet.model.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.gridfleet.model.BusId;
import org.junit.jupiter.api.Test;

/**
 * <pre>
 *   B1 (0.4 kV, slack) ──── L1 0.05 + j0.02 Ω, 250 A ──── B2 (0.4 kV)
 * </pre>
 */
class NetworkTest {
    private static final BusId B1 = BusId.of("B1");
    private static final BusId B2 = BusId.of("B2");

    @Test
    void networkKnowsItsBuses() {
        Network net = new Network(List.of(new Bus(B1, 0.4), new Bus(B2, 0.4)), List.of(new Line("L1", B1, B2, 0.05, 0.02, 0, 250)), Optional.of(B1));

        assertThat(net.isEmpty()).isFalse();
        assertThat(net.busIds().contains(B2)).isTrue();
        assertThat(net.busIds().contains(BusId.of("B3"))).isFalse();
    }

    @Test
    void noNetworkIsEmpty() {
        assertThat(Network.NONE.isEmpty()).isTrue();
        assertThat(Network.NONE.busIds().contains(B1)).isFalse();
    }

    @Test
    void lineFromABusToItselfIsRejected() {
        assertThatThrownBy(() -> new Line("L1", B1, B1, 0.05, 0.02, 0, 250)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("itself");
    }

    @Test
    void lineWithoutImpedanceOrRatingIsRejected() {
        assertThatThrownBy(() -> new Line("L1", B1, B2, 0, 0, 0, 250)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("impedance");
        assertThatThrownBy(() -> new Line("L1", B1, B2, -0.01, 0.02, 0, 250)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Line("L1", B1, B2, 0.05, 0.02, 0, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ratingA");
    }

    @Test
    void busWithoutPositiveVoltageIsRejected() {
        assertThatThrownBy(() -> new Bus(B1, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nominalKv");
    }

    @Test
    void transformerImpedanceIsReferredToEitherSide() {
        // 1 000 kVA, 12.47/0.48 kV, 1 % + j5.75 %: base impedance 155.5 ohm on the HV side, 0.2304 ohm on the LV side
        Transformer t = new Transformer("T1", B1, B2, 1000, 1, 5.75, 1);

        assertThat(t.resistanceOhmAt(12.47)).isCloseTo(1.55501, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(t.reactanceOhmAt(0.48)).isCloseTo(0.013248, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void impossibleTransformersAreRejected() {
        assertThatThrownBy(() -> new Transformer("T1", B1, B1, 1000, 1, 5, 1)).hasMessageContaining("itself");
        assertThatThrownBy(() -> new Transformer("T1", B1, B2, 0, 1, 5, 1)).hasMessageContaining("ratedKva");
        assertThatThrownBy(() -> new Transformer("T1", B1, B2, 1000, 0, 0, 1)).hasMessageContaining("impedance");
        assertThatThrownBy(() -> new Transformer("T1", B1, B2, 1000, 1, 5, 2)).hasMessageContaining("tapRatio");
    }

    @Test
    void slackVoltageOutsideAnyRegulatorRangeIsRejected() {
        assertThatThrownBy(() -> new Network(List.of(new Bus(B1, 0.4)), List.of(), List.of(), Optional.of(B1), 1.3)).hasMessageContaining("slackVoltagePu");
        assertThat(new Network(List.of(new Bus(B1, 0.4)), List.of(), Optional.of(B1)).slackVoltagePu()).isEqualTo(1.0);
    }

    @Test
    void powerFactorGivesReactivePowerWithTheSignOfActivePower() {
        ReactivePower lagging = new ReactivePower.PowerFactor(0.8, false);

        assertThat(lagging.kvarAt(100)).isCloseTo(75, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(lagging.kvarAt(-100)).isCloseTo(-75, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(new ReactivePower.PowerFactor(0.8, true).kvarAt(100)).isCloseTo(-75, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ReactivePower.UNITY.kvarAt(100)).isZero();
        assertThat(new ReactivePower.FixedKvar(-20).kvarAt(300)).isEqualTo(-20);
        assertThatThrownBy(() -> new ReactivePower.PowerFactor(0, false)).hasMessageContaining("powerFactor");
        assertThatThrownBy(() -> new ReactivePower.FixedKvar(Double.NaN)).hasMessageContaining("finite");
    }
}
