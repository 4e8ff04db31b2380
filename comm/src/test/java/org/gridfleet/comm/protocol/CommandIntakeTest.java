package org.gridfleet.comm.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.Command;
import org.gridfleet.model.control.CommandId;
import org.junit.jupiter.api.Test;

/** The site's rules for commands, without a broker: apply once, answer every resend, refuse what is stale or not ours. */
class CommandIntakeTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final AssetId DEVICE = AssetId.of("gen-1");

    private final Topics topics = Topics.standard();
    private final PayloadCodec codec = new PayloadCodec();
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final InstantSource clock = now::get;
    private final List<DeviceCommand> applied = new ArrayList<>();
    private CommandHandler handler = command -> {
        applied.add(command);
        return CommandDecision.accept();
    };
    private final CommandIntake intake = new CommandIntake(DEVICE, topics, codec, command -> handler.decide(command), new RecentCommands(), clock);

    private static DeviceCommand command(String id, double kw) {
        return DeviceCommand.of(new Command(new CommandId(id), DEVICE, kw, T0, T0.plus(Duration.ofMinutes(15))));
    }

    private CommandIntake.Outcome send(DeviceCommand command) {
        return intake.receive(topics.command(DEVICE), codec.encode(command));
    }

    @Test
    void appliesANewCommandOnceAndAcceptsIt() {
        CommandIntake.Outcome outcome = send(command("c1", 250));

        assertThat(applied).containsExactly(command("c1", 250));
        assertThat(outcome).isInstanceOf(CommandIntake.Outcome.Decided.class);
        assertThat(outcome.ack()).hasValue(new Ack(new CommandId("c1"), DEVICE, Ack.Status.ACCEPTED, "", T0));
    }

    @Test
    void answersAResendWithTheLatestAnswerWithoutApplyingItAgain() {
        send(command("c1", 250));
        now.set(T0.plusSeconds(40));
        Ack done = intake.report(new CommandId("c1"), Ack.Status.DONE, "");
        now.set(T0.plusSeconds(60));

        CommandIntake.Outcome resend = send(command("c1", 250));

        assertThat(applied).hasSize(1);
        assertThat(resend).isInstanceOfSatisfying(CommandIntake.Outcome.Duplicate.class, d -> assertThat(d.conflicting()).isFalse());
        assertThat(resend.ack()).hasValue(done);
        assertThat(done.time()).isEqualTo(T0.plusSeconds(40));
    }

    @Test
    void keepsTheOriginalWhenAResendUnderTheSameIdDiffers() {
        send(command("c1", 250));

        CommandIntake.Outcome resend = send(command("c1", 400));

        assertThat(applied).extracting(DeviceCommand::setpointKw).containsExactly(250.0);
        assertThat(resend).isInstanceOfSatisfying(CommandIntake.Outcome.Duplicate.class, d -> {
            assertThat(d.conflicting()).isTrue();
            assertThat(d.command().setpointKw()).isEqualTo(250.0);
        });
    }

    @Test
    void refusesAnExpiredCommandWithoutAskingTheController() {
        now.set(T0.plus(Duration.ofMinutes(15)));

        CommandIntake.Outcome outcome = send(command("late", 250));

        assertThat(applied).isEmpty();
        assertThat(outcome.ack()).hasValueSatisfying(ack -> {
            assertThat(ack.status()).isEqualTo(Ack.Status.REJECTED);
            assertThat(ack.reason()).contains("expired at 2026-11-23T10:15:00Z");
        });
        assertThat(send(command("late", 250))).as("a resend gets the same answer").isInstanceOf(CommandIntake.Outcome.Duplicate.class);
    }

    @Test
    void passesOnTheControllersRejection() {
        handler = c -> CommandDecision.reject("below the minimum stable output of 300 kW");

        CommandIntake.Outcome outcome = send(command("c1", 100));

        assertThat(outcome.ack()).hasValueSatisfying(ack -> {
            assertThat(ack.status()).isEqualTo(Ack.Status.REJECTED);
            assertThat(ack.reason()).isEqualTo("below the minimum stable output of 300 kW");
        });
    }

    @Test
    void aControllerThatThrowsRejectsTheCommandAndTheNetworkThreadGoesOn() {
        handler = c -> {
            throw new IllegalStateException("inverter not responding");
        };

        CommandIntake.Outcome outcome = send(command("c1", 100));

        assertThat(outcome).isInstanceOf(CommandIntake.Outcome.HandlerFailed.class);
        assertThat(outcome.ack()).hasValueSatisfying(ack -> assertThat(ack.reason()).contains("inverter not responding"));
    }

    @Test
    void answersAMalformedCommandWhoseIdCanBeReadWithARejection() {
        byte[] noSetpoint = "{\"v\":1,\"kind\":\"command\",\"id\":\"c9\",\"device\":\"gen-1\",\"validFrom\":\"2026-11-23T10:00:00Z\",\"validUntil\":\"2026-11-23T10:15:00Z\"}".getBytes(UTF_8);

        CommandIntake.Outcome outcome = intake.receive(topics.command(DEVICE), noSetpoint);

        assertThat(applied).isEmpty();
        assertThat(outcome).isInstanceOfSatisfying(CommandIntake.Outcome.Refused.class,
                r -> assertThat(r.rejection().reason()).isEqualTo(Rejection.Reason.MISSING_FIELD));
        assertThat(outcome.ack()).hasValueSatisfying(ack -> {
            assertThat(ack.command()).isEqualTo(new CommandId("c9"));
            assertThat(ack.status()).isEqualTo(Ack.Status.REJECTED);
            assertThat(ack.reason()).isEqualTo("MISSING_FIELD: \"setpointKw\" is missing");
        });
    }

    @Test
    void refusesACommandForAnotherDeviceAndUnreadableOnesWithoutAnAck() {
        DeviceCommand forOther = DeviceCommand.of(new Command(new CommandId("x1"), AssetId.of("gen-2"), 1, T0, T0.plusSeconds(60)));

        CommandIntake.Outcome spoofed = intake.receive(topics.command(DEVICE), codec.encode(forOther));
        CommandIntake.Outcome wrongTopic = intake.receive(topics.command(AssetId.of("gen-2")), codec.encode(forOther));
        CommandIntake.Outcome garbage = intake.receive(topics.command(DEVICE), "not json".getBytes(UTF_8));

        assertThat(applied).isEmpty();
        assertThat(spoofed).isInstanceOfSatisfying(CommandIntake.Outcome.Refused.class,
                r -> assertThat(r.rejection().reason()).isEqualTo(Rejection.Reason.SPOOFED_ID));
        assertThat(spoofed.ack()).hasValueSatisfying(ack -> assertThat(ack.device()).isEqualTo(DEVICE));
        assertThat(wrongTopic).isInstanceOfSatisfying(CommandIntake.Outcome.Refused.class,
                r -> assertThat(r.rejection().reason()).isEqualTo(Rejection.Reason.BAD_TOPIC));
        assertThat(garbage.ack()).isEmpty();
    }

    @Test
    void carriesTheReactiveSetPointToTheController() {
        DeviceCommand withKvar = new DeviceCommand(command("c1", 250).command(), OptionalDouble.of(-80));

        send(withKvar);

        assertThat(applied).singleElement().satisfies(c -> assertThat(c.setpointKvar()).hasValue(-80));
    }

    @Test
    void anAckTheControllerWroteItselfAnswersLaterResends() {
        handler = c -> CommandDecision.of(new Ack(c.id(), DEVICE, Ack.Status.ACCEPTED, "ramping at 50 kW/min", T0));
        send(command("c1", 250));
        Ack done = new Ack(new CommandId("c1"), DEVICE, Ack.Status.DONE, "", T0.plusSeconds(300));

        assertThat(intake.record(done)).isTrue();
        assertThat(intake.record(new Ack(new CommandId("unknown"), DEVICE, Ack.Status.DONE, "", T0))).isFalse();
        assertThat(send(command("c1", 250)).ack()).hasValue(done);
        assertThatThrownBy(() -> intake.record(new Ack(new CommandId("c1"), AssetId.of("gen-2"), Ack.Status.DONE, "", T0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportingOnAnUnknownCommandIsAProgrammingError() {
        assertThatThrownBy(() -> intake.report(new CommandId("never"), Ack.Status.DONE, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never");
    }
}
