package org.gridfleet.comm.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.gridfleet.comm.protocol.Rejection.Reason;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.Command;
import org.gridfleet.model.control.CommandId;
import org.gridfleet.model.control.OperatingState;
import org.gridfleet.model.control.Telemetry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind round-trips through its golden payload (the examples in docs/comm-protocol.md); every bad payload becomes a rejection. */
class PayloadCodecTest {
    private static final Topics TOPICS = Topics.standard();
    private static final AssetId GEN = AssetId.of("gen-1");
    private static final AssetId BAT = AssetId.of("bat-1");
    private static final EndUserId EU = EndUserId.of("EU-17");
    private static final CommandId CMD = new CommandId("c-20261123T1000-gen-1");

    private static final DeviceCommand COMMAND = new DeviceCommand(new Command(CMD, GEN, 250.0,
            Instant.parse("2026-11-23T10:00:00Z"), Instant.parse("2026-11-23T10:15:00Z")), OptionalDouble.of(-40.5));
    private static final Ack ACK = new Ack(CMD, GEN, Ack.Status.REJECTED, "below the minimum stable output of 300 kW", Instant.parse("2026-11-23T10:00:00.250Z"));
    private static final Telemetry TELEMETRY = new Telemetry(BAT, Instant.parse("2026-11-23T10:00:01Z"), -120.5, OptionalDouble.of(0.62), OperatingState.RUNNING,
            OptionalDouble.of(-15.25));
    private static final SiteStatus STATUS = SiteStatus.lost(GEN, Instant.parse("2026-11-23T09:58:12.500Z"));
    private static final DemandReading DEMAND = new DemandReading(EU, Instant.parse("2026-11-23T10:00:00Z"), 3.25);

    private final PayloadCodec codec = new PayloadCodec();

    static String golden(String kind) {
        try (InputStream in = PayloadCodecTest.class.getResourceAsStream("/golden/" + kind + ".json")) {
            return new String(in.readAllBytes(), UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decodes {@code payload} as the kind its topic carries. */
    Decoded<?> decode(String topic, String payload) {
        return decode(topic, payload.getBytes(UTF_8));
    }

    Decoded<?> decode(String topic, byte[] payload) {
        return switch (TOPICS.parse(topic)) {
            case Decoded.Rejected<TopicAddress> r -> r;
            case Decoded.Ok<TopicAddress> ok -> switch (ok.value()) {
                case TopicAddress.OfDevice d when d.kind() == MessageKind.COMMAND -> codec.decodeCommand(topic, d.device(), payload);
                case TopicAddress.OfDevice d when d.kind() == MessageKind.ACK -> codec.decodeAck(topic, d.device(), payload);
                case TopicAddress.OfDevice d when d.kind() == MessageKind.TELEMETRY -> codec.decodeTelemetry(topic, d.device(), payload);
                case TopicAddress.OfDevice d -> codec.decodeStatus(topic, d.device(), payload);
                case TopicAddress.OfEndUser e -> codec.decodeDemand(topic, e.endUser(), payload);
            };
        };
    }

    @Test
    void commandMatchesItsGoldenPayloadBothWays() {
        assertThat(new String(codec.encode(COMMAND), UTF_8)).isEqualTo(golden("command"));
        assertThat(decode(TOPICS.command(GEN), golden("command"))).isEqualTo(Decoded.ok(COMMAND));
    }

    @Test
    void theReactiveSetPointTravelsInsideTheModelCommand() {
        Command plain = new Command(CMD, GEN, 250.0, Instant.parse("2026-11-23T10:00:00Z"), Instant.parse("2026-11-23T10:15:00Z"));

        assertThat(COMMAND.command().setpointKvar()).hasValue(-40.5);
        assertThat(DeviceCommand.of(plain.withSetpointKvar(OptionalDouble.of(-40.5)))).isEqualTo(COMMAND);
        assertThat(DeviceCommand.of(plain).setpointKvar()).isEmpty();
        assertThatThrownBy(() -> new DeviceCommand(plain.withSetpointKvar(OptionalDouble.of(10)), OptionalDouble.of(-40.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differs");
    }

    @Test
    void ackMatchesItsGoldenPayloadBothWays() {
        assertThat(new String(codec.encode(ACK), UTF_8)).isEqualTo(golden("ack"));
        assertThat(decode(TOPICS.ack(GEN), golden("ack"))).isEqualTo(Decoded.ok(ACK));
    }

    @Test
    void telemetryMatchesItsGoldenPayloadBothWays() {
        assertThat(new String(codec.encode(TELEMETRY), UTF_8)).isEqualTo(golden("telemetry"));
        assertThat(decode(TOPICS.telemetry(BAT), golden("telemetry"))).isEqualTo(Decoded.ok(TELEMETRY));
    }

    @Test
    void statusMatchesItsGoldenPayloadBothWays() {
        assertThat(new String(codec.encode(STATUS), UTF_8)).isEqualTo(golden("status"));
        assertThat(decode(TOPICS.status(GEN), golden("status"))).isEqualTo(Decoded.ok(STATUS));
    }

    @Test
    void demandMatchesItsGoldenPayloadBothWays() {
        assertThat(new String(codec.encode(DEMAND), UTF_8)).isEqualTo(golden("demand"));
        assertThat(decode(TOPICS.demand(EU), golden("demand"))).isEqualTo(Decoded.ok(DEMAND));
    }

    static Stream<Object> messages() {
        Instant t = Instant.parse("2026-11-23T10:00:00.123456789Z");
        return Stream.of(
                DeviceCommand.of(new Command(CommandId.random(), GEN, -0.0, t, t.plusNanos(1))),
                new DeviceCommand(new Command(CMD, GEN, 1e-300, t, t.plusSeconds(86_400 * 365L)), OptionalDouble.of(Double.MAX_VALUE)),
                new Ack(CMD, GEN, Ack.Status.ACCEPTED, "", t),
                new Ack(CMD, GEN, Ack.Status.DONE, "reached 250 kW after 41 s, \"ramp\" limited \u00b5", t),
                new Telemetry(GEN, t, 9_999.999, OptionalDouble.empty(), OperatingState.STARTING),
                new Telemetry(BAT, t, -5, OptionalDouble.of(0), OperatingState.FAULT),
                new Telemetry(BAT, t, 0, OptionalDouble.of(1), OperatingState.MAINTENANCE),
                new Telemetry(GEN, t, 400, OptionalDouble.empty(), OperatingState.RUNNING, OptionalDouble.of(-0.0)),
                SiteStatus.online(GEN, t),
                SiteStatus.offline(GEN, t, t.plusSeconds(3600)),
                new DemandReading(EU, t, -2.5));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void everyMessageSurvivesARoundTrip(Object message) {
        Decoded<?> back = switch (message) {
            case DeviceCommand c -> codec.decodeCommand(TOPICS.command(c.device()), c.device(), codec.encode(c));
            case Ack a -> codec.decodeAck(TOPICS.ack(a.device()), a.device(), codec.encode(a));
            case Telemetry t -> codec.decodeTelemetry(TOPICS.telemetry(t.device()), t.device(), codec.encode(t));
            case SiteStatus s -> codec.decodeStatus(TOPICS.status(s.device()), s.device(), codec.encode(s));
            case DemandReading d -> codec.decodeDemand(TOPICS.demand(d.endUser()), d.endUser(), codec.encode(d));
            default -> throw new IllegalArgumentException(message.toString());
        };
        assertThat(back).isEqualTo(Decoded.ok(message));
    }

    @Test
    void ignoresFieldsItDoesNotKnowSoALaterVersionMayAddOptionalOnes() {
        String withExtra = golden("telemetry").replace("\"state\":\"running\"", "\"state\":\"running\",\"reactivePowerKvar\":12.5,\"note\":{\"a\":[1]}");

        assertThat(decode(TOPICS.telemetry(BAT), withExtra)).isEqualTo(Decoded.ok(TELEMETRY));
    }

    @Test
    void readsTelemetryWithoutReactivePowerAsAnOlderSenderWritesIt() {
        String old = golden("telemetry").replace(",\"kvar\":-15.25", "");

        assertThat(old).doesNotContain("kvar");
        assertThat(decode(TOPICS.telemetry(BAT), old)).isEqualTo(Decoded.ok(new Telemetry(TELEMETRY.device(), TELEMETRY.time(),
                TELEMETRY.powerKw(), TELEMETRY.socFraction(), TELEMETRY.state())));
    }

    @Test
    void treatsAnExplicitNullOptionalFieldAsAbsent() {
        String nullSoc = golden("telemetry").replace("0.62", "null");

        assertThat(decode(TOPICS.telemetry(BAT), nullSoc)).isInstanceOfSatisfying(Decoded.Ok.class,
                ok -> assertThat(((Telemetry) ok.value()).socFraction()).isEmpty());
    }

    static Stream<Arguments> badPayloads() {
        String telemetry = golden("telemetry");
        String command = golden("command");
        String ack = golden("ack");
        String status = golden("status");
        String demand = golden("demand");
        String tTopic = TOPICS.telemetry(BAT);
        String cTopic = TOPICS.command(GEN);
        String aTopic = TOPICS.ack(GEN);
        String sTopic = TOPICS.status(GEN);
        String dTopic = TOPICS.demand(EU);
        return Stream.of(
                // not one JSON object
                bad("syntax error", tTopic, "{\"v\":1,\"kind\":", Reason.MALFORMED_JSON, "not valid JSON"),
                bad("empty payload", tTopic, "", Reason.MALFORMED_JSON, "empty"),
                bad("blank payload", tTopic, "   ", Reason.MALFORMED_JSON, "no JSON value"),
                bad("array", tTopic, "[" + telemetry + "]", Reason.MALFORMED_JSON, "not an object"),
                bad("bare number", tTopic, "42", Reason.MALFORMED_JSON, "not an object"),
                bad("two objects", tTopic, telemetry + telemetry, Reason.MALFORMED_JSON, "text follows"),
                bad("duplicate field", tTopic, telemetry.replace("\"device\":\"bat-1\"", "\"device\":\"bat-1\",\"device\":\"gen-1\""), Reason.MALFORMED_JSON, "Duplicate field 'device'"),
                bad("single quotes", tTopic, telemetry.replace('"', '\''), Reason.MALFORMED_JSON, "not valid JSON"),
                // envelope
                bad("version 2", tTopic, telemetry.replace("\"v\":1", "\"v\":2"), Reason.UNKNOWN_VERSION, "version 2 is not supported; this build reads version 1"),
                bad("version 0", tTopic, telemetry.replace("\"v\":1", "\"v\":0"), Reason.UNKNOWN_VERSION, "version 0"),
                bad("huge version", tTopic, telemetry.replace("\"v\":1", "\"v\":99999999999"), Reason.UNKNOWN_VERSION, "99999999999"),
                bad("version as text", tTopic, telemetry.replace("\"v\":1", "\"v\":\"1\""), Reason.BAD_VALUE, "\"v\" must be an integer"),
                bad("version as float", tTopic, telemetry.replace("\"v\":1", "\"v\":1.0"), Reason.BAD_VALUE, "\"v\" must be an integer"),
                bad("no version", tTopic, telemetry.replace("\"v\":1,", ""), Reason.MISSING_FIELD, "\"v\", the payload version, is missing"),
                bad("no kind", tTopic, telemetry.replace("\"kind\":\"telemetry\",", ""), Reason.MISSING_FIELD, "\"kind\" is missing"),
                bad("ack on a telemetry topic", TOPICS.telemetry(GEN), ack, Reason.WRONG_KIND, "payload kind 'ack' arrived on a telemetry topic"),
                bad("telemetry on a status topic", TOPICS.status(BAT), telemetry, Reason.WRONG_KIND, "on a status topic"),
                // missing fields
                bad("no power", tTopic, telemetry.replace("\"powerKw\":-120.5,", ""), Reason.MISSING_FIELD, "\"powerKw\" is missing"),
                bad("null device", tTopic, telemetry.replace("\"bat-1\"", "null"), Reason.MISSING_FIELD, "\"device\" is missing"),
                bad("no validity end", cTopic, command.replace(",\"validUntil\":\"2026-11-23T10:15:00Z\"", ""), Reason.MISSING_FIELD, "\"validUntil\" is missing"),
                bad("no ack status", aTopic, ack.replace("\"status\":\"rejected\",", ""), Reason.MISSING_FIELD, "\"status\" is missing"),
                bad("no connection time", sTopic, status.replace("\"connectedAt\":\"2026-11-23T09:58:12.500Z\",", ""), Reason.MISSING_FIELD, "\"connectedAt\" is missing"),
                bad("no demand", dTopic, demand.replace(",\"demandKw\":3.25", ""), Reason.MISSING_FIELD, "\"demandKw\" is missing"),
                // numbers that are not finite
                bad("NaN power", tTopic, telemetry.replace("-120.5", "NaN"), Reason.NOT_FINITE, "\"powerKw\" is NaN; it must be a finite number"),
                bad("infinite power", tTopic, telemetry.replace("-120.5", "-Infinity"), Reason.NOT_FINITE, "\"powerKw\" is -Infinity"),
                bad("power beyond double", tTopic, telemetry.replace("-120.5", "1e400"), Reason.NOT_FINITE, "\"powerKw\""),
                bad("NaN set point", cTopic, command.replace("250.0", "NaN"), Reason.NOT_FINITE, "\"setpointKw\" is NaN"),
                bad("NaN reactive set point", cTopic, command.replace("-40.5", "NaN"), Reason.NOT_FINITE, "\"setpointKvar\" is NaN"),
                bad("NaN reactive power", tTopic, telemetry.replace("-15.25", "NaN"), Reason.NOT_FINITE, "\"kvar\" is NaN"),
                bad("NaN state of charge", tTopic, telemetry.replace("0.62", "NaN"), Reason.NOT_FINITE, "\"socFraction\" is NaN"),
                bad("infinite demand", dTopic, demand.replace("3.25", "Infinity"), Reason.NOT_FINITE, "\"demandKw\" is Infinity"),
                // bad values
                bad("power as text", tTopic, telemetry.replace("-120.5", "\"-120.5\""), Reason.BAD_VALUE, "\"powerKw\" must be a number, found \"-120.5\""),
                bad("unknown state", tTopic, telemetry.replace("\"running\"", "\"flying\""), Reason.BAD_VALUE, "must be one of running, starting, stopped, fault, maintenance, found 'flying'"),
                bad("upper-case state", tTopic, telemetry.replace("\"running\"", "\"RUNNING\""), Reason.BAD_VALUE, "found 'RUNNING'"),
                bad("time in words", tTopic, telemetry.replace("2026-11-23T10:00:01Z", "yesterday"), Reason.BAD_VALUE, "ISO-8601"),
                bad("local time", tTopic, telemetry.replace("2026-11-23T10:00:01Z", "2026-11-23T10:00:01"), Reason.BAD_VALUE, "ISO-8601"),
                bad("state of charge over 1", tTopic, telemetry.replace("0.62", "1.5"), Reason.BAD_VALUE, "socFraction must be within [0, 1]"),
                bad("device as number", tTopic, telemetry.replace("\"bat-1\"", "7"), Reason.BAD_VALUE, "\"device\" must be a string"),
                bad("command id with a space", cTopic, command.replace("c-20261123T1000-gen-1", "c 1"), Reason.BAD_VALUE, "\"id\" must match"),
                bad("validity ends before it starts", cTopic, command.replace("10:15:00Z", "09:15:00Z"), Reason.BAD_VALUE, "command validity must end after it starts"),
                bad("rejection without a reason", aTopic, ack.replace(",\"reason\":\"below the minimum stable output of 300 kW\"", ""), Reason.BAD_VALUE, "a rejection must say why"),
                bad("unknown site state", sTopic, status.replace("\"lost\"", "\"gone\""), Reason.BAD_VALUE, "must be one of online, offline, lost"),
                bad("status written before its connection", sTopic, status.replace("\"time\":\"2026-11-23T09:58:12.500Z\"", "\"time\":\"2026-11-23T09:00:00Z\""), Reason.BAD_VALUE, "before its connection opened"),
                // ids that are not the topic's
                bad("telemetry for another device", TOPICS.telemetry(GEN), telemetry, Reason.SPOOFED_ID, "payload device 'bat-1' is not the device 'gen-1' of the topic"),
                bad("ack for another device", TOPICS.ack(BAT), ack, Reason.SPOOFED_ID, "payload device 'gen-1' is not the device 'bat-1'"),
                bad("status of another device", TOPICS.status(BAT), status, Reason.SPOOFED_ID, "payload device 'gen-1'"),
                bad("command for another device", TOPICS.command(BAT), command, Reason.SPOOFED_ID, "a command only goes to its own device's topic"),
                bad("demand of another end-user", TOPICS.demand(EndUserId.of("EU-18")), demand, Reason.SPOOFED_ID, "payload endUser 'EU-17' is not the end-user 'EU-18'"));
    }

    private static Arguments bad(String name, String topic, String payload, Reason reason, String detail) {
        return Arguments.of(name, topic, payload, reason, detail);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPayloads")
    void refusesWithAReasonAPersonCanActOn(String name, String topic, String payload, Reason reason, String detail) {
        Decoded<?> decoded = decode(topic, payload);

        assertThat(decoded).isInstanceOfSatisfying(Decoded.Rejected.class, r -> {
            Rejection rejection = r.rejection();
            assertThat(rejection.reason()).isEqualTo(reason);
            assertThat(rejection.detail()).contains(detail);
            assertThat(rejection.topic()).isEqualTo(topic);
            assertThat(rejection.message()).startsWith(topic + ": " + reason + ": ");
        });
    }

    @Test
    void refusesAnOversizedPayloadUnread() {
        byte[] payload = new byte[PayloadCodec.MAX_PAYLOAD_BYTES + 1];
        Arrays.fill(payload, (byte) ' ');

        assertThat(decode(TOPICS.telemetry(BAT), payload)).isInstanceOfSatisfying(Decoded.Rejected.class,
                r -> assertThat(r.rejection().reason()).isEqualTo(Reason.TOO_LARGE));
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] payload = golden("telemetry").replace("bat-1", "bat-\u00e9").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        assertThat(decode(TOPICS.telemetry(BAT), payload)).isInstanceOfSatisfying(Decoded.Rejected.class,
                r -> assertThat(r.rejection().reason()).isEqualTo(Reason.MALFORMED_JSON));
    }

    @Test
    void aRefusedCommandStillNamesItsIdSoTheSiteCanAnswerIt() {
        String expired = golden("command").replace("10:15:00Z", "09:15:00Z");
        String spoofed = golden("command");

        assertThat(decode(TOPICS.command(GEN), expired)).isInstanceOfSatisfying(Decoded.Rejected.class,
                r -> assertThat(r.rejection().commandId()).contains(CMD));
        assertThat(decode(TOPICS.command(BAT), spoofed)).isInstanceOfSatisfying(Decoded.Rejected.class,
                r -> assertThat(r.rejection().commandId()).contains(CMD));
        assertThat(decode(TOPICS.command(GEN), "{\"v\":1,\"kind\":\"command\",\"id\":\"bad id\"}")).isInstanceOfSatisfying(Decoded.Rejected.class,
                r -> assertThat(r.rejection().commandId()).isEqualTo(Optional.empty()));
    }

    @Test
    void neverThrowsOnRandomBytes() {
        java.util.Random random = new java.util.Random(7);
        String base = golden("command");
        for (int i = 0; i < 2000; i++) {
            byte[] payload = base.getBytes(UTF_8);
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                payload[random.nextInt(payload.length)] = (byte) random.nextInt(256);
            }
            assertThat(decode(TOPICS.command(GEN), payload)).isNotNull();
        }
    }
}
