package org.gridfleet.server;

import static org.gridfleet.server.ApiTest.OPERATOR;
import static org.gridfleet.server.ApiTest.VIEWER;
import static org.gridfleet.server.ApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.Command;
import org.gridfleet.model.control.CommandId;
import org.gridfleet.model.control.OperatingState;
import org.gridfleet.model.control.Telemetry;
import org.gridfleet.store.Alarm;
import org.gridfleet.store.CommandOrigin;
import org.gridfleet.store.Store;
import org.gridfleet.store.StoreSettings;
import org.gridfleet.store.StoredTelemetry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History by time range from an H2 store written here, through a server without a control center. */
class HistoryApiTest {
    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    static final AssetId GEN_A = AssetId.of("GEN-A");
    static final AssetId BAT = AssetId.of("BAT-1");

    @TempDir
    Path dir;
    Store store;
    GridfleetServer server;
    Client client;

    @BeforeEach
    void start() {
        store = Store.open(StoreSettings.h2File(dir.resolve("gridfleet")));
        server = GridfleetServer.start(ServerConfig.loopback(0, List.of(VIEWER, OPERATOR)), Optional.empty(), Optional.empty(), Optional.of(store),
                new EventHub());
        client = new Client(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    static String range(Instant from, Instant to) {
        return "from=" + from + "&to=" + to;
    }

    @Test
    void aDevicesTelemetryOfATimeRangeOldestFirst() {
        store.recordTelemetry(List.of(
                new StoredTelemetry(new Telemetry(GEN_A, T0.plusSeconds(20), 410, OptionalDouble.empty(), OperatingState.RUNNING, OptionalDouble.of(12.5)),
                        T0.plusSeconds(21)),
                new StoredTelemetry(new Telemetry(GEN_A, T0, 400, OptionalDouble.empty(), OperatingState.RUNNING), T0.plusSeconds(1)),
                new StoredTelemetry(new Telemetry(GEN_A, T0.plusSeconds(60), 0, OptionalDouble.empty(), OperatingState.FAULT), T0.plusSeconds(61)),
                new StoredTelemetry(new Telemetry(BAT, T0.plusSeconds(20), -50, OptionalDouble.of(0.4), OperatingState.RUNNING), T0.plusSeconds(21))));

        Client.Answer a = client.get("/api/history/telemetry?device=GEN-A&" + range(T0, T0.plusSeconds(60)), VIEWER.secret());

        assertThat(a.status()).as(a.text()).isEqualTo(200);
        JsonNode h = a.json();
        assertThat(h.path("device").asText()).isEqualTo("GEN-A");
        assertThat(h.path("from").asText()).isEqualTo(T0.toString());
        assertThat(h.path("count").asInt()).isEqualTo(2);
        JsonNode first = h.path("rows").get(0);
        assertThat(first.path("time").asText()).isEqualTo(T0.toString());
        assertThat(first.path("powerKw").asDouble()).isEqualTo(400);
        assertThat(first.path("kvar").isNull()).isTrue();
        assertThat(first.path("socFraction").isNull()).isTrue();
        assertThat(first.path("state").asText()).isEqualTo("running");
        assertThat(first.path("receivedAt").asText()).isEqualTo(T0.plusSeconds(1).toString());
        assertThat(h.path("rows").get(1).path("kvar").asDouble()).isEqualTo(12.5);

        JsonNode bat = client.get("/api/history/telemetry?device=BAT-1&" + range(T0, T0.plusSeconds(3600)), VIEWER.secret()).json();
        assertThat(bat.path("rows").get(0).path("socFraction").asDouble()).isEqualTo(0.4);
    }

    @Test
    void theAlarmsOpenAtSomeTimeInTheRange() {
        Alarm trip = store.raiseAlarm("DEVICE_FAULT", Alarm.Severity.WARNING, "GEN-A", "reports FAULT", T0);
        store.acknowledgeAlarm(trip.id(), "alice", T0.plusSeconds(30));
        store.clearAlarm(trip.id(), T0.plusSeconds(120));
        store.raiseAlarm("MANUAL_OVERRIDE", Alarm.Severity.INFO, "BAT-1", "held at -50.0 kW by alice", T0.plusSeconds(300));

        JsonNode early = client.get("/api/history/alarms?" + range(T0.plusSeconds(60), T0.plusSeconds(200)), VIEWER.secret()).json();
        assertThat(early.path("count").asInt()).isEqualTo(1);
        JsonNode row = early.path("rows").get(0);
        assertThat(row.path("kind").asText()).isEqualTo("device_fault");
        assertThat(row.path("severity").asText()).isEqualTo("warning");
        assertThat(row.path("acknowledgedBy").asText()).isEqualTo("alice");
        assertThat(row.path("clearedAt").asText()).isEqualTo(T0.plusSeconds(120).toString());

        JsonNode all = client.get("/api/history/alarms?" + range(T0, T0.plus(Duration.ofDays(31))), VIEWER.secret()).json();
        assertThat(all.path("rows")).extracting(r -> r.path("kind").asText()).containsExactly("device_fault", "manual_override");
        assertThat(all.path("rows").get(1).path("clearedAt").isNull()).isTrue();
    }

    @Test
    void commandsWithTheirAcksOfOneDeviceOrAll() {
        Duration q = Duration.ofMinutes(15);
        Command genA = new Command(new CommandId("c-1"), GEN_A, 200, T0, T0.plus(q), OptionalDouble.of(30));
        Command bat = new Command(new CommandId("c-2"), BAT, -50, T0.plusSeconds(60), T0.plus(q));
        store.recordCommand(genA, T0, new CommandOrigin.Redispatch("OVERRIDE GEN-A: held at 200.0 kW by alice"));
        store.recordCommand(bat, T0.plusSeconds(60), new CommandOrigin.Redispatch("DEVICE_DOWN GEN-B: reports FAULT"));
        store.recordAck(new Ack(genA.id(), GEN_A, Ack.Status.ACCEPTED, "", T0.plusSeconds(1)));
        store.recordAck(new Ack(genA.id(), GEN_A, Ack.Status.DONE, "", T0.plusSeconds(40)));

        JsonNode one = client.get("/api/history/commands?device=GEN-A&" + range(T0, T0.plus(q)), VIEWER.secret()).json();
        assertThat(one.path("device").asText()).isEqualTo("GEN-A");
        assertThat(one.path("count").asInt()).isEqualTo(1);
        JsonNode c = one.path("rows").get(0);
        assertThat(c.path("id").asText()).isEqualTo("c-1");
        assertThat(c.path("setpointKw").asDouble()).isEqualTo(200);
        assertThat(c.path("setpointKvar").asDouble()).isEqualTo(30);
        assertThat(c.path("plan").isNull()).isTrue();
        assertThat(c.path("redispatch").asText()).startsWith("OVERRIDE GEN-A");
        assertThat(c.path("sends").asInt()).isEqualTo(1);
        assertThat(c.path("acks")).extracting(x -> x.path("status").asText()).containsExactly("accepted", "done");

        JsonNode all = client.get("/api/history/commands?" + range(T0, T0.plus(q)), VIEWER.secret()).json();
        assertThat(all.path("device").isNull()).isTrue();
        assertThat(all.path("rows")).extracting(x -> x.path("id").asText()).containsExactly("c-1", "c-2");
        assertThat(all.path("rows").get(1).path("acks")).isEmpty();
    }

    @Test
    void badRangesAndMissingParametersAre400WithTheReason() {
        String t = VIEWER.secret();
        assertProblem(client.get("/api/history/telemetry?" + range(T0, T0.plusSeconds(60)), t), 400, "device: required");
        assertProblem(client.get("/api/history/telemetry?device=GEN-A&to=" + T0, t), 400, "from: required");
        assertProblem(client.get("/api/history/telemetry?device=GEN-A&from=" + T0, t), 400, "to: required");
        assertProblem(client.get("/api/history/telemetry?device=GEN-A&from=yesterday&to=" + T0, t), 400, "from: not an ISO-8601 UTC time");
        assertProblem(client.get("/api/history/telemetry?device=GEN-A&" + range(T0, T0), t), 400, "must be after from");
        assertProblem(client.get("/api/history/telemetry?device=GEN%20A&" + range(T0, T0.plusSeconds(1)), t), 400, "device: not an id");
        assertProblem(client.get("/api/history/telemetry?device=GEN-A&" + range(T0, T0.plus(Duration.ofHours(25))), t), 400,
                "is longer than 1 day, the most one query may cover here");
        assertProblem(client.get("/api/history/commands?" + range(T0, T0.plus(Duration.ofDays(8))), t), 400, "longer than 7 days");
        assertProblem(client.get("/api/history/alarms?" + range(T0, T0.plus(Duration.ofDays(32))), t), 400, "longer than 31 days");
    }

    @Test
    void moreRowsThanOneAnswerCarriesIs400() {
        List<StoredTelemetry> reports = new ArrayList<>();
        for (int s = 0; s <= History.MAX_ROWS; s++) {
            reports.add(new StoredTelemetry(new Telemetry(GEN_A, T0.plusSeconds(s), 400, OptionalDouble.empty(), OperatingState.RUNNING), T0.plusSeconds(s)));
        }
        store.recordTelemetry(reports);

        assertProblem(client.get("/api/history/telemetry?device=GEN-A&" + range(T0, T0.plus(Duration.ofHours(12))), VIEWER.secret()), 400,
                "more than 10000 rows in 2026-11-23T08:00:00Z .. 2026-11-23T20:00:00Z: ask for a shorter range");
        JsonNode exactly = client.get("/api/history/telemetry?device=GEN-A&" + range(T0, T0.plusSeconds(History.MAX_ROWS)), VIEWER.secret()).json();
        assertThat(exactly.path("count").asInt()).isEqualTo(History.MAX_ROWS);
    }

    @Test
    void withoutAStoreThereIsNoHistoryAndWithoutATokenNoAnswer() {
        assertProblem(client.get("/api/history/alarms?" + range(T0, T0.plusSeconds(60)), null), 401, "needs a bearer token with role viewer");
        try (GridfleetServer bare = GridfleetServer.start(ServerConfig.loopback(0, List.of(VIEWER)), Optional.empty(), Optional.empty(), new EventHub())) {
            Client c = new Client(bare.url());
            assertProblem(c.get("/api/history/alarms?" + range(T0, T0.plusSeconds(60)), VIEWER.secret()), 503, "this server keeps no store");
            assertProblem(c.get("/api/history/telemetry?device=GEN-A&" + range(T0, T0.plusSeconds(60)), VIEWER.secret()), 503, "keeps no store");
            assertProblem(c.get("/api/history/commands?" + range(T0, T0.plusSeconds(60)), VIEWER.secret()), 503, "keeps no store");
        }
    }
}
