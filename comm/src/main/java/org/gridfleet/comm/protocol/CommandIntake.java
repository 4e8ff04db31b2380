package org.gridfleet.comm.protocol;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.gridfleet.comm.protocol.Rejection.Reason;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.CommandId;

/**
 * The site's side of one device's command topic, without the transport: reads what arrived, answers a resent
 * command with its latest answer instead of applying it again, refuses expired and malformed commands, and
 * passes each new command to the device controller once. Every outcome says which {@link Ack} to send.
 */
public final class CommandIntake {
    /** What became of one message from the command topic. */
    public sealed interface Outcome {
        /** The ack to publish, if any. */
        Optional<Ack> ack();

        /** A new command: the controller decided, or it had expired and was refused without asking. */
        record Decided(DeviceCommand command, Ack answer) implements Outcome {
            @Override
            public Optional<Ack> ack() {
                return Optional.of(answer);
            }
        }

        /**
         * A command id seen before: answered again with the latest answer, not applied again. {@code conflicting}
         * when the resend differs from the original (the original stands).
         */
        record Duplicate(DeviceCommand command, Ack answer, boolean conflicting) implements Outcome {
            @Override
            public Optional<Ack> ack() {
                return Optional.of(answer);
            }
        }

        /** The controller threw: the command is refused and the failure kept for the log. */
        record HandlerFailed(DeviceCommand command, Ack answer, RuntimeException failure) implements Outcome {
            @Override
            public Optional<Ack> ack() {
                return Optional.of(answer);
            }
        }

        /** Unreadable or not for this device: answered with a rejection when the command's id could be read. */
        record Refused(Rejection rejection, Optional<Ack> ack) implements Outcome {}
    }

    private final AssetId device;
    private final Topics topics;
    private final PayloadCodec codec;
    private final CommandHandler handler;
    private final RecentCommands recent;
    private final InstantSource clock;

    public CommandIntake(AssetId device, Topics topics, PayloadCodec codec, CommandHandler handler, RecentCommands recent, InstantSource clock) {
        this.device = requireNonNull(device, "device");
        this.topics = requireNonNull(topics, "topics");
        this.codec = requireNonNull(codec, "codec");
        this.handler = requireNonNull(handler, "handler");
        this.recent = requireNonNull(recent, "recent");
        this.clock = requireNonNull(clock, "clock");
    }

    public AssetId device() {
        return device;
    }

    /** Handles one message received on {@code topic}. Never throws. */
    public Outcome receive(String topic, byte[] payload) {
        Decoded<DeviceCommand> decoded = topics.parse(topic).then(address -> {
            if (address instanceof TopicAddress.OfDevice(AssetId topicDevice, MessageKind kind)
                    && topicDevice.equals(device) && kind == MessageKind.COMMAND) {
                return codec.decodeCommand(topic, device, payload);
            }
            return Decoded.rejected(new Rejection(topic, Reason.BAD_TOPIC, "this site takes commands for " + device + " only, on " + topics.command(device)));
        });
        return switch (decoded) {
            case Decoded.Rejected<DeviceCommand> r -> refused(r.rejection());
            case Decoded.Ok<DeviceCommand> ok -> receive(ok.value());
        };
    }

    private Outcome receive(DeviceCommand command) {
        Instant now = clock.instant();
        Optional<RecentCommands.Entry> seen = recent.find(command.id());
        if (seen.isPresent()) {
            RecentCommands.Entry entry = seen.get();
            return new Outcome.Duplicate(entry.command(), entry.lastAck(), !entry.command().equals(command));
        }
        if (!now.isBefore(command.validUntil())) {
            Ack ack = new Ack(command.id(), device, Ack.Status.REJECTED, "expired at " + command.validUntil() + ", received at " + now, now);
            recent.record(command, ack);
            return new Outcome.Decided(command, ack);
        }
        CommandDecision decision;
        try {
            decision = requireNonNull(handler.decide(command), "the command handler returned no decision");
        } catch (RuntimeException e) {
            Ack ack = new Ack(command.id(), device, Ack.Status.REJECTED, "the device controller failed: " + e, now);
            recent.record(command, ack);
            return new Outcome.HandlerFailed(command, ack, e);
        }
        Ack ack = new Ack(command.id(), device, decision.status(), decision.reason(), now);
        recent.record(command, ack);
        return new Outcome.Decided(command, ack);
    }

    private Outcome refused(Rejection rejection) {
        Optional<Ack> ack = rejection.commandId().map(id ->
                new Ack(id, device, Ack.Status.REJECTED, rejection.reason() + ": " + rejection.detail(), clock.instant()));
        return new Outcome.Refused(rejection, ack);
    }

    /**
     * A later answer to a command this intake passed on, such as {@link Ack.Status#DONE} when the set point is
     * reached; remembered, so a resend from now on is answered with it.
     *
     * @throws IllegalArgumentException when the command is unknown here (never received, or forgotten)
     */
    public Ack report(CommandId command, Ack.Status status, String reason) {
        RecentCommands.Entry entry = recent.find(command)
                .orElseThrow(() -> new IllegalArgumentException(device + ": no recent command " + command + " to report on"));
        Ack ack = new Ack(command, device, status, reason, clock.instant());
        recent.record(entry.command(), ack);
        return ack;
    }

    /**
     * An answer the device controller wrote itself (with its own time), such as {@link Ack.Status#DONE}: remembered
     * as the latest answer when the command is known here, so a resend is answered with it.
     *
     * @return whether the command was known
     * @throws IllegalArgumentException for another device's ack
     */
    public boolean record(Ack ack) {
        requireNonNull(ack, "ack");
        if (!ack.device().equals(device)) {
            throw new IllegalArgumentException("the intake of " + device + " cannot record an ack of " + ack.device());
        }
        Optional<RecentCommands.Entry> entry = recent.find(ack.command());
        entry.ifPresent(e -> recent.record(e.command(), ack));
        return entry.isPresent();
    }
}
