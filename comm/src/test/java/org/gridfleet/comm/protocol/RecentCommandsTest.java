package org.gridfleet.comm.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.Command;
import org.gridfleet.model.control.CommandId;
import org.junit.jupiter.api.Test;

class RecentCommandsTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final AssetId DEVICE = AssetId.of("bat-1");

    private static DeviceCommand command(String id, Instant validUntil) {
        return DeviceCommand.of(new Command(new CommandId(id), DEVICE, 100, T0, validUntil));
    }

    private static Ack ack(DeviceCommand command, Ack.Status status, Instant time) {
        return new Ack(command.id(), DEVICE, status, "", time);
    }

    @Test
    void keepsTheLatestAnswerToEachCommand() {
        RecentCommands recent = new RecentCommands();
        DeviceCommand c = command("c1", T0.plusSeconds(900));
        recent.record(c, ack(c, Ack.Status.ACCEPTED, T0));
        recent.record(c, ack(c, Ack.Status.DONE, T0.plusSeconds(30)));

        assertThat(recent.find(c.id())).hasValueSatisfying(e -> assertThat(e.lastAck().status()).isEqualTo(Ack.Status.DONE));
        assertThat(recent.find(new CommandId("other"))).isEmpty();
    }

    @Test
    void forgetsACommandARetentionAfterItsValidityEnded() {
        RecentCommands recent = new RecentCommands(100, Duration.ofMinutes(10));
        DeviceCommand old = command("old", T0.plusSeconds(60));
        recent.record(old, ack(old, Ack.Status.ACCEPTED, T0));
        DeviceCommand later = command("later", T0.plusSeconds(3600));

        recent.record(later, ack(later, Ack.Status.ACCEPTED, T0.plusSeconds(60 + 600)));
        assertThat(recent.find(old.id())).as("exactly at the end of retention").isPresent();

        recent.record(later, ack(later, Ack.Status.DONE, T0.plusSeconds(60 + 601)));
        assertThat(recent.find(old.id())).isEmpty();
        assertThat(recent.find(later.id())).isPresent();
    }

    @Test
    void keepsAtMostItsCapacityOldestFirstOut() {
        RecentCommands recent = new RecentCommands(3, Duration.ofHours(1));
        for (int i = 1; i <= 5; i++) {
            DeviceCommand c = command("c" + i, T0.plusSeconds(900));
            recent.record(c, ack(c, Ack.Status.ACCEPTED, T0));
        }

        assertThat(recent.size()).isEqualTo(3);
        assertThat(recent.find(new CommandId("c2"))).isEmpty();
        assertThat(recent.find(new CommandId("c3"))).isPresent();
    }

    @Test
    void refusesAnAckForAnotherCommand() {
        RecentCommands recent = new RecentCommands();
        DeviceCommand a = command("a", T0.plusSeconds(900));
        DeviceCommand b = command("b", T0.plusSeconds(900));

        assertThatThrownBy(() -> recent.record(a, ack(b, Ack.Status.ACCEPTED, T0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecentCommands(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
