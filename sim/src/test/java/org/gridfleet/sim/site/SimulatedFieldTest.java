package org.gridfleet.sim.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.gridfleet.comm.broker.BrokerAddress;
import org.gridfleet.comm.protocol.Topics;
import org.gridfleet.model.AssetId;
import org.gridfleet.sim.site.SimulatedField.Settings;
import org.gridfleet.testkit.Fleets;
import org.junit.jupiter.api.Test;

/** What the field checks before it opens a single connection. */
class SimulatedFieldTest {
    private static final BrokerAddress NOBODY = new BrokerAddress("127.0.0.1", 1);

    @Test
    void aFieldNeedingMoreConnectionsThanAllowedIsRefusedWithAdvice() {
        Settings settings = Settings.defaults(1).withMaxConnections(5);
        assertThatThrownBy(() -> SimulatedField.connect(Fleets.everyDeviceType(), NOBODY, settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("9 devices need 9 MQTT connections, one per site, but at most 5 are allowed: raise the limit, or split the fleet over several processes");
    }

    @Test
    void aBrokerThatDoesNotAnswerIsNamedAtOnce() {
        assertThatThrownBy(() -> SimulatedField.connect(Fleets.everyDeviceType(), NOBODY, Settings.defaults(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("no MQTT broker answers at tcp://127.0.0.1:1: ");
    }

    @Test
    void settingsAreCheckedOnConstruction() {
        Settings ok = Settings.defaults(1);
        assertThatThrownBy(() -> ok.withSpeed(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("speed");
        assertThatThrownBy(() -> ok.withSpeed(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ok.withStep(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step");
        assertThatThrownBy(() -> ok.withReportEvery(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ok.withMaxConnections(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ok.withMetersPerLink(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ok.step()).isEqualTo(Duration.ofSeconds(1));
        assertThat(ok.reportEvery()).isEqualTo(Duration.ofSeconds(5));
        assertThat(ok.meterEvery()).isEqualTo(Duration.ofSeconds(15));
        assertThat(ok.network()).isEqualTo(SimulatedField.Network.RELAYED);
    }

    @Test
    void aSiteIsKnownOnTheWireByCommsClientId() {
        assertThat(SimulatedField.siteClientId(new Topics("acme/plant-2"), AssetId.of("G-1"))).isEqualTo("acme.plant-2-site-G-1");
    }

    @Test
    void dropSeedsAreStablePerDeviceAndDifferBetweenDevices() {
        long a = SimulatedField.seed(7, "ack-drop", "G-1");
        assertThat(SimulatedField.seed(7, "ack-drop", "G-1")).isEqualTo(a);
        assertThat(SimulatedField.seed(7, "ack-drop", "G-2")).isNotEqualTo(a);
        assertThat(SimulatedField.seed(8, "ack-drop", "G-1")).isNotEqualTo(a);
    }
}
