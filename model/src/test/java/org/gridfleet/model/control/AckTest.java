package org.gridfleet.model.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.gridfleet.model.AssetId;
import org.junit.jupiter.api.Test;

class AckTest {
    private static final CommandId CMD = new CommandId("cmd-1");
    private static final AssetId DEVICE = AssetId.of("BAT-1");
    private static final Instant NOW = Instant.parse("2024-06-01T10:00:01Z");

    @Test
    void rejectionWithoutReasonIsRejected() {
        assertThatThrownBy(() -> new Ack(CMD, DEVICE, Ack.Status.REJECTED, "", NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("say why");
        assertThatThrownBy(() -> new Ack(CMD, DEVICE, Ack.Status.REJECTED, "  \t", NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectionWithReasonIsAccepted() {
        assertThat(new Ack(CMD, DEVICE, Ack.Status.REJECTED, "SOC below minimum", NOW).reason()).isEqualTo("SOC below minimum");
    }

    @Test
    void acceptanceAndCompletionNeedNoReason() {
        assertThat(new Ack(CMD, DEVICE, Ack.Status.ACCEPTED, "", NOW).status()).isEqualTo(Ack.Status.ACCEPTED);
        assertThat(new Ack(CMD, DEVICE, Ack.Status.DONE, "", NOW).status()).isEqualTo(Ack.Status.DONE);
    }

    @Test
    void nullReasonIsRejectedEvenForAcceptance() {
        assertThatThrownBy(() -> new Ack(CMD, DEVICE, Ack.Status.ACCEPTED, null, NOW)).isInstanceOf(NullPointerException.class).hasMessage("reason");
    }
}
