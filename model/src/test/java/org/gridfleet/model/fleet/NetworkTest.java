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
}
