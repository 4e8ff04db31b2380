package org.gridfleet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.gridfleet.control.Alarm;
import org.gridfleet.control.Replan;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.control.OperatingState;
import org.gridfleet.model.control.Telemetry;
import org.gridfleet.plan.io.CandidatesJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint against a real server on an ephemeral loopback port, a real center on simulated time ({@link LivePlant}). */
class ApiTest {
    static final ApiToken VIEWER = new ApiToken("wall-screen", Role.VIEWER, "viewer-secret-0123456789");
    static final ApiToken OPERATOR = new ApiToken("alice", Role.OPERATOR, "operator-secret-0123456789");
    static final ApiToken ADMIN = new ApiToken("root", Role.ADMIN, "admin-secret-0123456789ab");
    static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir
    Path dir;
    LivePlant plant;
    GridfleetServer server;
    Client client;

    @BeforeEach
    void start() {
        plant = new LivePlant();
        for (int i = 0; i < 3; i++) {
            plant.step(MINUTE);
        }
        server = GridfleetServer.start(ServerConfig.loopback(0, List.of(VIEWER, OPERATOR, ADMIN)), Optional.of(plant.center),
                Optional.of(plant.writeRun(dir)), plant.hub);
        client = new Client(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static void assertProblem(Client.Answer a, int status, String detail) {
        assertThat(a.status()).as(a.text()).isEqualTo(status);
        assertThat(a.contentType()).startsWith(Problems.CONTENT_TYPE);
        assertThat(a.json().path("status").asInt()).isEqualTo(status);
        assertThat(a.json().path("type").asText()).isEqualTo("about:blank");
        assertThat(a.json().path("title").asText()).isNotBlank();
        assertThat(a.json().path("detail").asText()).contains(detail);
    }

    @Test
    void servesOnLoopbackOnTheChosenPort() {
        assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port());
        assertThat(server.port()).isPositive();
    }

    @Test
    void thePlantAsAWhole() {
        JsonNode p = client.get("/api/plant", VIEWER.secret()).json();

        assertThat(p.path("plant").asText()).isEqualTo(plant.problem.name());
        assertThat(p.path("time").asText()).isEqualTo(plant.center.now().toString());
        assertThat(p.path("interval").asInt()).isZero();
        assertThat(p.path("devices").asInt()).isEqualTo(3);
        assertThat(p.path("devicesOnline").asInt()).isEqualTo(3);
        assertThat(p.path("demandKw").asDouble()).isCloseTo(300, within(1e-6));
        assertThat(p.path("outputKw").asDouble()).isCloseTo(plant.field.totalPowerKw(), within(1e-6));
        assertThat(p.path("capacityKw").asDouble()).as("600 + 300 + 200 kW").isCloseTo(1100, within(1e-6));
        assertThat(p.path("headroomKw").asDouble()).isCloseTo(1100 - plant.field.totalPowerKw(), within(1e-6));
        assertThat(p.path("costSoFar").asDouble()).isPositive();
        assertThat(p.path("plannedCostSoFar").asDouble()).isPositive();
        assertThat(p.path("costVsPlan").asDouble()).isCloseTo(p.path("costSoFar").asDouble() - p.path("plannedCostSoFar").asDouble(), within(1e-9));
        assertThat(p.path("planGenerator").asText()).isEqualTo("merit-order");
        assertThat(p.has("reserveRequiredKw")).isTrue();
    }

    @Test
    void devicesAndOneDeviceWithItsCommandAndAck() {
        JsonNode devices = client.get("/api/devices", VIEWER.secret()).json();
        assertThat(devices).hasSize(3);
        JsonNode genA = devices.get(0);
        assertThat(genA.path("id").asText()).isEqualTo("GEN-A");
        assertThat(genA.path("kind").asText()).isEqualTo("generator");
        assertThat(genA.path("state").asText()).isEqualTo("running");
        assertThat(genA.path("powerKw").asDouble()).isCloseTo(plant.field.controller(LivePlant.GEN_A).powerKw(), within(1e-6));
        assertThat(genA.path("plannedKw").asDouble()).isCloseTo(plant.plan.schedule(LivePlant.GEN_A).orElseThrow().powerKw().get(0), within(1e-6));
        assertThat(devices.get(2).path("socFraction").isNumber()).isTrue();

        JsonNode one = client.get("/api/devices/GEN-A", VIEWER.secret()).json();
        assertThat(one.path("device").path("setpointKw").asDouble()).isEqualTo(genA.path("setpointKw").asDouble());
        JsonNode command = one.path("command");
        assertThat(command.path("state").asText()).isEqualTo("done");
        assertThat(command.path("validFrom").asText()).isEqualTo("2026-11-23T00:00:00Z");
        assertThat(command.path("delivery").asText()).isEqualTo("delivered");
        assertThat(command.path("lastAck").path("status").asText()).isEqualTo("done");
    }

    @Test
    void anUnknownDeviceIsNotFound() {
        assertProblem(client.get("/api/devices/GEN-Z", VIEWER.secret()), 404, "no device 'GEN-Z'");
    }

    @Test
    void endUsersWithTheirLatestDemand() {
        JsonNode users = client.get("/api/endusers", VIEWER.secret()).json();
        assertThat(users).hasSize(1);
        assertThat(users.get(0).path("id").asText()).isEqualTo("EU-1");
        assertThat(users.get(0).path("forecastKw").asDouble()).isCloseTo(300, within(1e-6));
        assertThat(users.get(0).has("demandKw")).isTrue();
    }

    @Test
    void alarmsAreListedAndAnOperatorAcknowledgesThem() {
        plant.center.telemetry(new Telemetry(AssetId.of("GEN-B"), plant.center.now().plusSeconds(1), 0, OptionalDouble.empty(), OperatingState.FAULT));
        JsonNode board = client.get("/api/alarms", VIEWER.secret()).json();
        JsonNode fault = board.path("active").get(0);
        assertThat(fault.path("kind").asText()).isEqualTo("device_fault");
        assertThat(fault.path("subject").asText()).isEqualTo("GEN-B");
        assertThat(fault.path("acknowledgedBy").isNull()).isTrue();
        assertThat(board.path("recent")).hasSize(1);

        assertProblem(client.post("/api/alarms/" + fault.path("id").asLong() + "/ack", VIEWER.secret(), ""), 403, "needs role operator");
        JsonNode acked = client.post("/api/alarms/" + fault.path("id").asLong() + "/ack", OPERATOR.secret(), "").json();

        assertThat(acked.path("acknowledgedBy").asText()).isEqualTo("alice");
        assertThat(acked.path("active").asBoolean()).isTrue();
        assertThat(plant.center.activeAlarm(Alarm.Kind.DEVICE_FAULT, "GEN-B").orElseThrow().acknowledged()).isPresent();
        assertProblem(client.post("/api/alarms/77/ack", OPERATOR.secret(), ""), 404, "no alarm 77");
        assertProblem(client.post("/api/alarms/first/ack", OPERATOR.secret(), ""), 400, "whole number");
    }

    @Test
    void theCandidatesTableWithTheRulesVerdicts() {
        JsonNode c = client.get("/api/plans/candidates", VIEWER.secret()).json();
        assertThat(c.path("rules").asText()).isEqualTo("test");
        assertThat(c.path("rulesChose").asText()).isEqualTo("cheap");
        assertThat(c.path("standing").isNull()).isTrue();
        JsonNode cheap = c.path("candidates").get(0);
        JsonNode dear = c.path("candidates").get(1);
        assertThat(cheap.path("name").asText()).isEqualTo("cheap");
        assertThat(cheap.path("outcome").asText()).isEqualTo("chosen");
        assertThat(cheap.path("pareto").asBoolean()).isTrue();
        assertThat(cheap.path("totalCost").asDouble()).isPositive();
        assertThat(dear.path("outcome").asText()).isEqualTo("rejected");
        assertThat(dear.path("explanation").asText()).contains("the test rejects it");
        assertThat(dear.path("dominatedBy").get(0).asText()).isEqualTo("cheap");
    }

    @Test
    void theSelectedPlanIsTheRulesChoiceUntilAnOperatorChooses() {
        JsonNode s = client.get("/api/plans/selected", VIEWER.secret()).json();
        assertThat(s.path("candidate").asText()).isEqualTo("cheap");
        assertThat(s.path("selectedBy").asText()).isEqualTo("rules 'test'");
        assertThat(s.path("inForce").path("generator").asText()).isEqualTo("merit-order");
        assertThat(s.path("inForce").path("intervals").asInt()).isEqualTo(4);
        assertThat(s.path("inForce").path("step").asText()).isEqualTo("PT1H");
    }

    @Test
    void anOperatorChoosesAPlanTheRulesKeptAndTheCenterRunsIt() throws Exception {
        Client.Answer a = client.post("/api/plans/selection", OPERATOR.secret(), "{\"plan\": \"cheap\", \"note\": \"as the rules say\"}");

        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.json().path("candidate").asText()).isEqualTo("cheap");
        assertThat(a.json().path("selectedBy").asText()).isEqualTo("operator alice");
        assertThat(a.json().path("overridesRules").asBoolean()).isFalse();
        assertThat(a.json().path("inForce").path("lastReplan").asText()).startsWith("operator_choice: cheap chosen by operator alice: as the rules say");
        CandidatesJson.Chosen chosen = CandidatesJson.readChosen(Files.readString(dir.resolve(CandidatesJson.SELECTION)));
        assertThat(chosen.selection().selectedBy().describe()).isEqualTo("operator alice");
        assertThat(plant.center.report().replans()).extracting(Replan::reason).containsExactly(Replan.Reason.OPERATOR_CHOICE);
        assertThat(client.get("/api/plans/candidates", VIEWER.secret()).json().path("standing").asText()).isEqualTo("cheap");
    }

    @Test
    void aPlanTheRulesRejectedNeedsAnOverrideAndANote() {
        assertProblem(client.post("/api/plans/selection", OPERATOR.secret(), "{\"plan\": \"dear\"}"), 422, "the rules rejected dear: ");
        assertProblem(client.post("/api/plans/selection", OPERATOR.secret(), "{\"plan\": \"dear\", \"override\": true}"), 400, "needs a note");
        assertThat(Files.exists(dir.resolve(CandidatesJson.SELECTION))).isFalse();
        assertThat(plant.center.plan()).isSameAs(plant.plan);

        Client.Answer a = client.post("/api/plans/selection", OPERATOR.secret(),
                "{\"plan\": \"dear\", \"override\": true, \"note\": \"GEN-A is due for inspection\"}");

        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.json().path("overridesRules").asBoolean()).isTrue();
        assertThat(plant.center.plan().schedule(LivePlant.GEN_A).orElseThrow().powerKw().get(0)).isZero();
        plant.step(MINUTE);
        assertThat(plant.center.currentCommand(LivePlant.GEN_A).orElseThrow().command().setpointKw()).as("the center runs the chosen plan").isZero();
    }

    @Test
    void anUnknownPlanIsNotFoundWithTheCandidatesNames() {
        Client.Answer a = client.post("/api/plans/selection", OPERATOR.secret(), "{\"plan\": \"cheapest\"}");
        assertProblem(a, 404, "no candidate 'cheapest'; the candidates are cheap, dear");
        assertThat(a.json().path("candidates")).extracting(JsonNode::asText).containsExactly("cheap", "dear");
    }

    @Test
    void badSelectionBodiesSayWhatIsWrong() {
        String token = OPERATOR.secret();
        assertProblem(client.post("/api/plans/selection", token, "{\"plan\": \"cheap\""), 400, "not valid JSON");
        assertProblem(client.post("/api/plans/selection", token, ""), 400, "the body is empty");
        assertProblem(client.post("/api/plans/selection", token, "[1]"), 400, "must be a JSON object");
        assertProblem(client.post("/api/plans/selection", token, "{}"), 400, "plan: required");
        assertProblem(client.post("/api/plans/selection", token, "{\"plan\": 7}"), 400, "plan: required");
        assertProblem(client.post("/api/plans/selection", token, "{\"plan\": \"cheap\", \"override\": \"yes\"}"), 400, "override: expected true or false");
        assertProblem(client.post("/api/plans/selection", token, "{\"plan\": \"cheap\", \"note\": 5}"), 400, "note: expected a string");
        assertProblem(client.post("/api/plans/selection", token, "{\"plan\": \"cheap\", \"why\": \"x\"}"), 400, "unknown field(s) [why]");
        assertThat(plant.center.report().replans()).isEmpty();
    }

    @Test
    void withoutATokenOrWithABadOneTheAnswerIs401() {
        Client.Answer none = client.get("/api/plant", null);
        assertProblem(none, 401, "needs a bearer token with role viewer");
        Client.Answer bad = client.get("/api/plant", "not-a-token-anyone-knows");
        assertProblem(bad, 401, "not one this server knows");
        assertThat(bad.text()).doesNotContain("not-a-token-anyone-knows");
        assertProblem(client.post("/api/plans/selection", null, "{\"plan\": \"cheap\"}"), 401, "role operator");
    }

    @Test
    void aMalformedAuthorizationHeaderIs401() throws Exception {
        var request = client.request("/api/plant", null).header("Authorization", "Basic dXNlcjpwYXNz").GET().build();
        var answer = client.http().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(answer.body()).contains("'Bearer TOKEN'");
    }

    @Test
    void aViewerMayReadButNotActAndHigherRolesMayDoBoth() {
        for (String path : List.of("/api/plant", "/api/devices", "/api/devices/GEN-A", "/api/endusers", "/api/alarms", "/api/plans/candidates",
                "/api/plans/selected")) {
            for (ApiToken t : List.of(VIEWER, OPERATOR, ADMIN)) {
                assertThat(client.get(path, t.secret()).status()).as(path + " as " + t).isEqualTo(200);
            }
        }
        assertProblem(client.post("/api/plans/selection", VIEWER.secret(), "{\"plan\": \"cheap\"}"), 403,
                "needs role operator or higher; token 'wall-screen' has role viewer");
        assertThat(client.post("/api/plans/selection", ADMIN.secret(), "{\"plan\": \"cheap\"}").status()).isEqualTo(200);
    }

    @Test
    void unknownEndpointsAndMethodsAreProblemsToo() {
        assertProblem(client.get("/api/nothing-here", VIEWER.secret()), 404, "no such endpoint");
    }

    @Test
    void theOpenApiDocumentIsServedToAnyone() {
        Client.Answer a = client.get("/api/openapi.json", null);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("openapi").asText()).isEqualTo("3.1.0");
    }
}
