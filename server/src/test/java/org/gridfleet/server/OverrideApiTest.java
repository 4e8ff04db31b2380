package org.gridfleet.server;

import static org.gridfleet.server.ApiTest.ADMIN;
import static org.gridfleet.server.ApiTest.OPERATOR;
import static org.gridfleet.server.ApiTest.VIEWER;
import static org.gridfleet.server.ApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator's manual overrides through the API, on {@link LivePlant} (GEN-A 600 kW, min 150; GEN-B 300 kW, min 60;
 * BAT-1 200 kW; 300 kW of demand): a set point held, a device out of service and back, every refusal.
 */
class OverrideApiTest {
    static final Duration MINUTE = Duration.ofMinutes(1);

    LivePlant plant;
    GridfleetServer server;
    Client client;

    @BeforeEach
    void start() {
        plant = new LivePlant();
        for (int i = 0; i < 3; i++) {
            plant.step(MINUTE);
        }
        server = GridfleetServer.start(ServerConfig.loopback(0, List.of(VIEWER, OPERATOR, ADMIN)), Optional.of(plant.center), Optional.empty(),
                plant.hub);
        client = new Client(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Client.Answer delete(String path, String token) {
        try {
            HttpResponse<String> r = client.http().send(client.request(path, token).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            return new Client.Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anOperatorHoldsADeviceAtASetPointAndTheNextTickDispatchesIt() {
        Client.Answer a = client.post("/api/devices/GEN-A/override", OPERATOR.secret(),
                "{\"setpointKw\": 200, \"until\": \"2026-11-23T02:00:00Z\", \"note\": \"vibration check\"}");

        assertThat(a.status()).as(a.text()).isEqualTo(200);
        JsonNode override = a.json().path("device").path("override");
        assertThat(override.path("mode").asText()).isEqualTo("hold");
        assertThat(override.path("setpointKw").asDouble()).isEqualTo(200);
        assertThat(override.path("by").asText()).isEqualTo("alice");
        assertThat(override.path("note").asText()).isEqualTo("vibration check");
        assertThat(override.path("since").asText()).isEqualTo(plant.center.now().toString());
        assertThat(override.path("until").asText()).isEqualTo("2026-11-23T02:00:00Z");

        plant.step(MINUTE);

        JsonNode genA = client.get("/api/devices/GEN-A", VIEWER.secret()).json();
        assertThat(genA.path("device").path("setpointKw").asDouble()).isEqualTo(200);
        assertThat(genA.path("command").path("setpointKw").asDouble()).isEqualTo(200);
        double setpointsKw = 0;
        for (JsonNode d : client.get("/api/devices", VIEWER.secret()).json()) {
            setpointsKw += d.path("setpointKw").asDouble(0);
        }
        assertThat(setpointsKw).as("the others cover the rest of the 300 kW").isCloseTo(300, within(1e-3));
        JsonNode alarms = client.get("/api/alarms", VIEWER.secret()).json().path("active");
        assertThat(alarms).anySatisfy(x -> {
            assertThat(x.path("kind").asText()).isEqualTo("manual_override");
            assertThat(x.path("subject").asText()).isEqualTo("GEN-A");
            assertThat(x.path("message").asText()).startsWith("held at 200.0 kW by alice since ").endsWith(": vibration check");
        });
    }

    @Test
    void aDeviceOutOfServiceIsToldZeroUntilReturnedOnceThroughEitherRoute() {
        Client.Answer out = client.post("/api/devices/GEN-A/out-of-service", OPERATOR.secret(), "{\"note\": \"oil leak\"}");
        assertThat(out.status()).as(out.text()).isEqualTo(200);
        assertThat(out.json().path("device").path("override").path("mode").asText()).isEqualTo("out_of_service");
        assertThat(out.json().path("device").path("override").path("setpointKw").isNull()).isTrue();
        assertThat(out.json().path("device").path("excluded").asText()).startsWith("out of service by alice").endsWith(": oil leak");

        plant.step(MINUTE);
        assertThat(client.get("/api/devices/GEN-A", VIEWER.secret()).json().path("device").path("setpointKw").asDouble()).isZero();

        Client.Answer back = client.post("/api/devices/GEN-A/return", OPERATOR.secret(), "");
        assertThat(back.status()).as(back.text()).isEqualTo(200);
        assertThat(back.json().path("device").path("override").isNull()).isTrue();
        assertThat(back.json().path("device").path("excluded").isNull()).isTrue();
        assertProblem(client.post("/api/devices/GEN-A/return", OPERATOR.secret(), ""), 409, "GEN-A has no manual override to end");

        client.post("/api/devices/BAT-1/override", OPERATOR.secret(), "{\"setpointKw\": -50, \"note\": \"top up\"}");
        Client.Answer deleted = delete("/api/devices/BAT-1/override", OPERATOR.secret());
        assertThat(deleted.status()).as(deleted.text()).isEqualTo(200);
        assertThat(deleted.json().path("device").path("override").isNull()).isTrue();
        assertProblem(delete("/api/devices/BAT-1/override", OPERATOR.secret()), 409, "BAT-1 has no manual override to end");
    }

    @Test
    void aSetPointBeyondWhatTheDeviceCanDoIs422WithTheReason() {
        assertProblem(client.post("/api/devices/GEN-A/override", OPERATOR.secret(), "{\"setpointKw\": 700, \"note\": \"x\"}"), 422,
                "GEN-A cannot be held at 700.0 kW: 700.0 kW is above GEN-A's rating of 600.0 kW");
        assertProblem(client.post("/api/devices/GEN-A/override", OPERATOR.secret(), "{\"setpointKw\": 100, \"note\": \"x\"}"), 422,
                "below GEN-A's minimum stable power of 150.0 kW");
        assertProblem(client.post("/api/devices/BAT-1/override", OPERATOR.secret(), "{\"setpointKw\": -300, \"note\": \"x\"}"), 422,
                "charge limit of 200.0 kW");
        assertProblem(client.post("/api/devices/GEN-A/override", OPERATOR.secret(),
                "{\"setpointKw\": 200, \"until\": \"2020-01-01T00:00:00Z\", \"note\": \"x\"}"), 422, "is not after now");
        assertThat(plant.center.overrides()).isEmpty();
    }

    @Test
    void badOverrideBodiesSayWhatIsWrong() {
        String t = OPERATOR.secret();
        String path = "/api/devices/GEN-A/override";
        assertProblem(client.post(path, t, ""), 400, "the body is empty");
        assertProblem(client.post(path, t, "{\"setpointKw\": "), 400, "not valid JSON");
        assertProblem(client.post(path, t, "[200]"), 400, "must be a JSON object");
        assertProblem(client.post(path, t, "{\"note\": \"x\"}"), 400, "setpointKw: required");
        assertProblem(client.post(path, t, "{\"setpointKw\": \"200\", \"note\": \"x\"}"), 400, "setpointKw: required");
        assertProblem(client.post(path, t, "{\"setpointKw\": 200}"), 400, "note: required");
        assertProblem(client.post(path, t, "{\"setpointKw\": 200, \"note\": \"  \"}"), 400, "note: required");
        assertProblem(client.post(path, t, "{\"setpointKw\": 200, \"note\": \"" + "n".repeat(2_001) + "\"}"), 400, "note: at most 2000");
        assertProblem(client.post(path, t, "{\"setpointKw\": 200, \"note\": \"x\", \"until\": \"tomorrow\"}"), 400, "until: not an ISO-8601");
        assertProblem(client.post(path, t, "{\"setpointKw\": 200, \"note\": \"x\", \"until\": 5}"), 400, "until: expected an ISO-8601");
        assertProblem(client.post(path, t, "{\"setpointKw\": 200, \"note\": \"x\", \"kvar\": 5}"), 400, "unknown field(s) [kvar]");
        assertProblem(client.post("/api/devices/GEN-A/out-of-service", t, "{}"), 400, "note: required");
        assertProblem(client.post("/api/devices/GEN-A/out-of-service", t, "{\"note\": \"x\", \"setpointKw\": 0}"), 400, "unknown field(s) [setpointKw]");
        assertThat(plant.center.overrides()).isEmpty();
    }

    @Test
    void anUnknownDeviceIsNotFoundOnEveryRoute() {
        String t = OPERATOR.secret();
        assertProblem(client.post("/api/devices/GEN-Z/override", t, "{\"setpointKw\": 200, \"note\": \"x\"}"), 404, "no device 'GEN-Z'");
        assertProblem(client.post("/api/devices/GEN-Z/out-of-service", t, "{\"note\": \"x\"}"), 404, "no device 'GEN-Z'");
        assertProblem(client.post("/api/devices/GEN-Z/return", t, ""), 404, "no device 'GEN-Z'");
        assertProblem(delete("/api/devices/GEN-Z/override", t), 404, "no device 'GEN-Z'");
    }

    @Test
    void aViewerMayNotOverrideAndWithoutATokenNobodyMay() {
        assertProblem(client.post("/api/devices/GEN-A/override", VIEWER.secret(), "{\"setpointKw\": 200, \"note\": \"x\"}"), 403,
                "this needs role operator or higher; token 'wall-screen' has role viewer");
        assertProblem(client.post("/api/devices/GEN-A/out-of-service", VIEWER.secret(), "{\"note\": \"x\"}"), 403, "needs role operator");
        assertProblem(client.post("/api/devices/GEN-A/return", VIEWER.secret(), ""), 403, "needs role operator");
        assertProblem(delete("/api/devices/GEN-A/override", VIEWER.secret()), 403, "needs role operator");
        assertProblem(client.post("/api/devices/GEN-A/override", null, "{\"setpointKw\": 200, \"note\": \"x\"}"), 401, "role operator");
        assertThat(client.post("/api/devices/GEN-A/override", ADMIN.secret(), "{\"setpointKw\": 200, \"note\": \"x\"}").status()).isEqualTo(200);
        assertThat(plant.center.overrides()).hasSize(1);
    }

    @Test
    void withoutAControlCenterThereIsNothingToOverride() {
        try (GridfleetServer bare = GridfleetServer.start(ServerConfig.loopback(0, List.of(OPERATOR)), Optional.empty(), Optional.empty(),
                new EventHub())) {
            Client c = new Client(bare.url());
            assertProblem(c.post("/api/devices/GEN-A/override", OPERATOR.secret(), "{\"setpointKw\": 200, \"note\": \"x\"}"), 503,
                    "no control center is running");
            assertProblem(c.post("/api/devices/GEN-A/return", OPERATOR.secret(), ""), 503, "no control center is running");
        }
    }
}
