package org.gridfleet.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.control.OperatingState;
import org.gridfleet.model.control.Telemetry;
import org.junit.jupiter.api.Test;

/** {@code GET /api/events}: the center's events as server-sent events, behind a viewer token. */
class EventsTest {
    static final ApiToken VIEWER = ApiTest.VIEWER;

    @Test
    void aSubscriberReceivesTheDispatchOfATickAfterADeviceTrips() throws Exception {
        LivePlant plant = new LivePlant();
        plant.step(Duration.ofMinutes(1));
        try (GridfleetServer server = GridfleetServer.start(ServerConfig.loopback(0, List.of(VIEWER)), Optional.of(plant.center), Optional.empty(),
                plant.hub)) {
            Client client = new Client(server.url());
            var request = client.request("/api/events", VIEWER.secret()).header("Accept", "text/event-stream").GET().build();
            HttpResponse<InputStream> response = client.http().sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                assertThat(readUntil(lines, "event: ready")).isNotEmpty();

                plant.center.telemetry(new Telemetry(AssetId.of("GEN-B"), plant.center.now().plusSeconds(1), 0, OptionalDouble.empty(), OperatingState.FAULT));
                plant.step(Duration.ofSeconds(10));

                readUntil(lines, "event: alarm");
                String alarm = readUntil(lines, "data: ").getLast();
                assertThat(alarm).contains("\"change\":\"raised\"").contains("\"kind\":\"device_fault\"").contains("\"subject\":\"GEN-B\"");
                readUntil(lines, "event: dispatch");
                String dispatch = readUntil(lines, "data: ").getLast();
                assertThat(dispatch).contains("DEVICE_DOWN GEN-B").contains("\"demandKw\"");
            }
        }
    }

    @Test
    void anOverrideSetAndEndedIsPushed() throws Exception {
        LivePlant plant = new LivePlant();
        plant.step(Duration.ofMinutes(1));
        try (GridfleetServer server = GridfleetServer.start(ServerConfig.loopback(0, List.of(VIEWER)), Optional.of(plant.center), Optional.empty(),
                plant.hub)) {
            Client client = new Client(server.url());
            var request = client.request("/api/events", VIEWER.secret()).header("Accept", "text/event-stream").GET().build();
            HttpResponse<InputStream> response = client.http().sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                assertThat(readUntil(lines, "event: ready")).isNotEmpty();

                plant.center.takeOutOfService(AssetId.of("GEN-B"), "alice", "oil leak");
                readUntil(lines, "event: override");
                assertThat(readUntil(lines, "data: ").getLast()).contains("\"device\":\"GEN-B\"").contains("\"change\":\"set\"")
                        .contains("\"mode\":\"out_of_service\"").contains("\"note\":\"oil leak\"");
                plant.center.returnToPlan(AssetId.of("GEN-B"), "bob");
                readUntil(lines, "event: override");
                assertThat(readUntil(lines, "data: ").getLast()).contains("\"change\":\"ended\"").contains("\"how\":\"returned by bob\"");
            }
        }
    }

    @Test
    void theStreamNeedsAToken() {
        LivePlant plant = new LivePlant();
        try (GridfleetServer server = GridfleetServer.start(ServerConfig.loopback(0, List.of(VIEWER)), Optional.of(plant.center), Optional.empty(),
                plant.hub)) {
            Client client = new Client(server.url());
            ApiTest.assertProblem(client.get("/api/events", null), 401, "bearer token");
            assertThat(plant.hub.subscribers()).isZero();
        }
    }

    @Test
    void aBrowserMayPassTheTokenInTheQuery() throws Exception {
        LivePlant plant = new LivePlant();
        try (GridfleetServer server = GridfleetServer.start(ServerConfig.loopback(0, List.of(VIEWER)), Optional.of(plant.center), Optional.empty(),
                plant.hub)) {
            Client client = new Client(server.url());
            var request = client.request("/api/events?access_token=" + VIEWER.secret(), null).header("Accept", "text/event-stream").GET().build();
            HttpResponse<InputStream> response = client.http().sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                assertThat(readUntil(lines, "event: ready")).isNotEmpty();
            }
            ApiTest.assertProblem(client.get("/api/plant?access_token=" + VIEWER.secret(), null), 401, "bearer token");
        }
    }

    /** The lines read up to and including the first that starts with {@code prefix}. */
    static List<String> readUntil(BufferedReader lines, String prefix) throws Exception {
        List<String> read = new ArrayList<>();
        String line;
        while ((line = lines.readLine()) != null) {
            read.add(line);
            if (line.startsWith(prefix)) {
                return read;
            }
        }
        throw new AssertionError("the stream ended before '" + prefix + "': " + read);
    }
}
