package org.gridfleet.comm.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.gridfleet.comm.protocol.Rejection.Reason;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.Ids;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.Command;
import org.gridfleet.model.control.CommandId;
import org.gridfleet.model.control.OperatingState;
import org.gridfleet.model.control.Telemetry;

/**
 * The JSON payloads of docs/comm-protocol.md, version {@value #VERSION}: one object per message, starting with
 * {@code "v"} (the payload version) and {@code "kind"} (the topic's kind), then the message's fields. Times are
 * ISO-8601 UTC instants, powers are in kW and kvar, enum values are lower case.
 *
 * <p>Decoding is pure and never throws for bad input: every problem becomes a {@link Rejection} naming the
 * field, the value and the rule. The id inside a payload must be the id in its topic, so a device cannot
 * report, or be commanded, under another device's name. Unknown fields are ignored, so a later version may add
 * optional fields without breaking older readers. Thread-safe.
 */
public final class PayloadCodec {
    /** The payload version this build writes and reads. */
    public static final int VERSION = 1;
    /** Larger payloads are refused unread; the largest real message is a few hundred bytes. */
    public static final int MAX_PAYLOAD_BYTES = 16 * 1024;

    private final JsonMapper mapper = JsonMapper.builder()
            // NaN and Infinity are read, so that they are refused as NOT_FINITE with the field's name rather than as a syntax error
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            // a second "device" field must not be able to override the first
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final JsonFactory factory = mapper.getFactory();

    // ---------------------------------------------------------------- encoding

    public byte[] encode(DeviceCommand message) {
        requireNonNull(message, "message");
        Command command = message.command();
        return write(MessageKind.COMMAND, g -> {
            g.writeStringField("id", command.id().value());
            g.writeStringField("device", command.device().value());
            g.writeNumberField("setpointKw", command.setpointKw());
            if (message.setpointKvar().isPresent()) {
                g.writeNumberField("setpointKvar", message.setpointKvar().getAsDouble());
            }
            g.writeStringField("validFrom", command.validFrom().toString());
            g.writeStringField("validUntil", command.validUntil().toString());
        });
    }

    public byte[] encode(Ack ack) {
        requireNonNull(ack, "ack");
        return write(MessageKind.ACK, g -> {
            g.writeStringField("command", ack.command().value());
            g.writeStringField("device", ack.device().value());
            g.writeStringField("status", wire(ack.status()));
            if (!ack.reason().isEmpty()) {
                g.writeStringField("reason", ack.reason());
            }
            g.writeStringField("time", ack.time().toString());
        });
    }

    public byte[] encode(Telemetry telemetry) {
        requireNonNull(telemetry, "telemetry");
        return write(MessageKind.TELEMETRY, g -> {
            g.writeStringField("device", telemetry.device().value());
            g.writeStringField("time", telemetry.time().toString());
            g.writeNumberField("powerKw", telemetry.powerKw());
            if (telemetry.socFraction().isPresent()) {
                g.writeNumberField("socFraction", telemetry.socFraction().getAsDouble());
            }
            g.writeStringField("state", wire(telemetry.state()));
            if (telemetry.kvar().isPresent()) {
                g.writeNumberField("kvar", telemetry.kvar().getAsDouble());
            }
        });
    }

    public byte[] encode(SiteStatus status) {
        requireNonNull(status, "status");
        return write(MessageKind.STATUS, g -> {
            g.writeStringField("device", status.device().value());
            g.writeStringField("state", wire(status.state()));
            g.writeStringField("connectedAt", status.connectedAt().toString());
            g.writeStringField("time", status.time().toString());
        });
    }

    public byte[] encode(DemandReading reading) {
        requireNonNull(reading, "reading");
        return write(MessageKind.DEMAND, g -> {
            g.writeStringField("endUser", reading.endUser().value());
            g.writeStringField("time", reading.time().toString());
            g.writeNumberField("demandKw", reading.demandKw());
        });
    }

    private interface Body {
        void write(JsonGenerator generator) throws IOException;
    }

    private byte[] write(MessageKind kind, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("v", VERSION);
            g.writeStringField("kind", kind.wireName());
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- decoding

    /** Reads a command that arrived on {@code topic}, the command topic of {@code topicDevice}. */
    public Decoded<DeviceCommand> decodeCommand(String topic, AssetId topicDevice, byte[] payload) {
        return read(topic, MessageKind.COMMAND, payload, r -> {
            CommandId id = r.commandId("id");
            r.commandId = Optional.of(id);
            AssetId device = r.ownDevice("device", topicDevice);
            double setpointKw = r.number("setpointKw");
            OptionalDouble setpointKvar = r.optionalNumber("setpointKvar");
            Instant validFrom = r.instant("validFrom");
            Instant validUntil = r.instant("validUntil");
            return DeviceCommand.of(new Command(id, device, setpointKw, validFrom, validUntil, setpointKvar));
        });
    }

    /** Reads an acknowledgement that arrived on the ack topic of {@code topicDevice}. */
    public Decoded<Ack> decodeAck(String topic, AssetId topicDevice, byte[] payload) {
        return read(topic, MessageKind.ACK, payload, r -> {
            CommandId command = r.commandId("command");
            r.commandId = Optional.of(command);
            AssetId device = r.ownDevice("device", topicDevice);
            Ack.Status status = r.enumValue("status", Ack.Status.class);
            String reason = r.optionalText("reason").orElse("");
            Instant time = r.instant("time");
            return new Ack(command, device, status, reason, time);
        });
    }

    /** Reads telemetry that arrived on the telemetry topic of {@code topicDevice}. */
    public Decoded<Telemetry> decodeTelemetry(String topic, AssetId topicDevice, byte[] payload) {
        return read(topic, MessageKind.TELEMETRY, payload, r -> {
            AssetId device = r.ownDevice("device", topicDevice);
            Instant time = r.instant("time");
            double powerKw = r.number("powerKw");
            OptionalDouble soc = r.optionalNumber("socFraction");
            OperatingState state = r.enumValue("state", OperatingState.class);
            OptionalDouble kvar = r.optionalNumber("kvar");
            return new Telemetry(device, time, powerKw, soc, state, kvar);
        });
    }

    /** Reads a site status (or a last will) that arrived on the status topic of {@code topicDevice}. */
    public Decoded<SiteStatus> decodeStatus(String topic, AssetId topicDevice, byte[] payload) {
        return read(topic, MessageKind.STATUS, payload, r -> {
            AssetId device = r.ownDevice("device", topicDevice);
            SiteStatus.State state = r.enumValue("state", SiteStatus.State.class);
            Instant connectedAt = r.instant("connectedAt");
            Instant time = r.instant("time");
            return new SiteStatus(device, state, connectedAt, time);
        });
    }

    /** Reads a demand reading that arrived on the demand topic of {@code topicEndUser}. */
    public Decoded<DemandReading> decodeDemand(String topic, EndUserId topicEndUser, byte[] payload) {
        return read(topic, MessageKind.DEMAND, payload, r -> {
            String id = r.text("endUser");
            if (!id.equals(topicEndUser.value())) {
                throw r.refuse(Reason.SPOOFED_ID, "payload endUser '" + id + "' is not the end-user '" + topicEndUser.value()
                        + "' of the topic; a meter may only report for the end-user whose topic it publishes on");
            }
            Instant time = r.instant("time");
            double demandKw = r.number("demandKw");
            return new DemandReading(topicEndUser, time, demandKw);
        });
    }

    private interface Mapping<T> {
        T map(Reader reader);
    }

    private <T> Decoded<T> read(String topic, MessageKind kind, byte[] payload, Mapping<T> mapping) {
        requireNonNull(topic, "topic");
        Reader reader = new Reader(topic);
        try {
            if (payload == null || payload.length == 0) {
                throw reader.refuse(Reason.MALFORMED_JSON, "the payload is empty; expected a JSON object with \"v\":" + VERSION);
            }
            if (payload.length > MAX_PAYLOAD_BYTES) {
                throw reader.refuse(Reason.TOO_LARGE, "the payload has " + payload.length + " bytes, more than the " + MAX_PAYLOAD_BYTES + " allowed");
            }
            reader.node = parse(reader, payload);
            reader.checkEnvelope(kind);
            return Decoded.ok(mapping.map(reader));
        } catch (Refused refused) {
            return Decoded.rejected(refused.rejection);
        } catch (IllegalArgumentException e) {
            // a record's own rule, such as a validity window that ends before it starts
            return Decoded.rejected(new Rejection(topic, Reason.BAD_VALUE, e.getMessage(), reader.commandId));
        } catch (RuntimeException e) {
            return Decoded.rejected(new Rejection(topic, Reason.BAD_VALUE, "unreadable payload: " + e, reader.commandId));
        }
    }

    private JsonNode parse(Reader reader, byte[] payload) {
        try (JsonParser parser = mapper.createParser(payload)) {
            JsonNode node = mapper.readTree(parser);
            if (node == null || node.isMissingNode()) {
                throw reader.refuse(Reason.MALFORMED_JSON, "the payload holds no JSON value");
            }
            if (parser.nextToken() != null) {
                throw reader.refuse(Reason.MALFORMED_JSON, "text follows the JSON object at " + location(parser));
            }
            if (!node.isObject()) {
                throw reader.refuse(Reason.MALFORMED_JSON, "the payload is a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw reader.refuse(Reason.MALFORMED_JSON, "not valid JSON: " + e.getOriginalMessage() + " at " + location(e));
        } catch (IOException e) {
            throw reader.refuse(Reason.MALFORMED_JSON, "not valid JSON: " + e.getMessage());
        }
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "an unknown position" : "byte " + e.getLocation().getByteOffset();
    }

    private static String location(JsonParser parser) {
        return "byte " + parser.currentTokenLocation().getByteOffset();
    }

    /** The lower-case wire name of an enum constant. */
    static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** Control flow inside the codec only: never leaves {@link #read}. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Rejection rejection;

        Refused(Rejection rejection) {
            super(rejection.detail(), null, false, false);
            this.rejection = rejection;
        }
    }

    /** Typed access to the fields of one payload; each failure becomes a {@link Refused}. */
    private static final class Reader {
        final String topic;
        JsonNode node;
        Optional<CommandId> commandId = Optional.empty();

        Reader(String topic) {
            this.topic = topic;
        }

        Refused refuse(Reason reason, String detail) {
            return new Refused(new Rejection(topic, reason, detail, commandId));
        }

        void checkEnvelope(MessageKind expected) {
            JsonNode v = node.get("v");
            if (v == null || v.isNull()) {
                throw refuse(Reason.MISSING_FIELD, "\"v\", the payload version, is missing; this build reads version " + VERSION);
            }
            if (!v.isIntegralNumber()) {
                throw refuse(Reason.BAD_VALUE, "\"v\" must be an integer, found " + v);
            }
            if (!v.canConvertToInt() || v.intValue() != VERSION) {
                throw refuse(Reason.UNKNOWN_VERSION, "payload version " + v + " is not supported; this build reads version " + VERSION
                        + " (see docs/comm-protocol.md, versioning)");
            }
            String kind = text("kind");
            if (!kind.equals(expected.wireName())) {
                throw refuse(Reason.WRONG_KIND, "payload kind '" + kind + "' arrived on a " + expected.wireName() + " topic");
            }
        }

        private JsonNode required(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                throw refuse(Reason.MISSING_FIELD, "\"" + name + "\" is missing");
            }
            return value;
        }

        String text(String name) {
            JsonNode value = required(name);
            if (!value.isTextual()) {
                throw refuse(Reason.BAD_VALUE, "\"" + name + "\" must be a string, found " + value);
            }
            return value.textValue();
        }

        Optional<String> optionalText(String name) {
            JsonNode value = node.get(name);
            return value == null || value.isNull() ? Optional.empty() : Optional.of(text(name));
        }

        double number(String name) {
            JsonNode value = required(name);
            if (!value.isNumber()) {
                throw refuse(Reason.BAD_VALUE, "\"" + name + "\" must be a number, found " + value);
            }
            double number = value.doubleValue();
            if (!Double.isFinite(number)) {
                throw refuse(Reason.NOT_FINITE, "\"" + name + "\" is " + value.asText() + "; it must be a finite number");
            }
            return number;
        }

        OptionalDouble optionalNumber(String name) {
            JsonNode value = node.get(name);
            return value == null || value.isNull() ? OptionalDouble.empty() : OptionalDouble.of(number(name));
        }

        Instant instant(String name) {
            String text = text(name);
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw refuse(Reason.BAD_VALUE, "\"" + name + "\" must be an ISO-8601 UTC time such as 2026-11-23T04:15:00Z, found '" + text + "'");
            }
        }

        String id(String name) {
            String text = text(name);
            if (!Ids.isValid(text)) {
                throw refuse(Reason.BAD_VALUE, "\"" + name + "\" must match " + Ids.PATTERN.pattern() + ", found '" + text + "'");
            }
            return text;
        }

        CommandId commandId(String name) {
            return new CommandId(id(name));
        }

        /** The payload's device, which must be the topic's. */
        AssetId ownDevice(String name, AssetId topicDevice) {
            String text = text(name);
            if (!text.equals(topicDevice.value())) {
                throw refuse(Reason.SPOOFED_ID, "payload " + name + " '" + text + "' is not the device '" + topicDevice.value()
                        + "' of the topic; a device may only report for itself, and a command only goes to its own device's topic");
            }
            return topicDevice;
        }

        <E extends Enum<E>> E enumValue(String name, Class<E> type) {
            String text = text(name);
            for (E constant : type.getEnumConstants()) {
                if (wire(constant).equals(text)) {
                    return constant;
                }
            }
            String allowed = Arrays.stream(type.getEnumConstants()).map(PayloadCodec::wire).collect(Collectors.joining(", "));
            throw refuse(Reason.BAD_VALUE, "\"" + name + "\" must be one of " + allowed + ", found '" + text + "'");
        }
    }
}
