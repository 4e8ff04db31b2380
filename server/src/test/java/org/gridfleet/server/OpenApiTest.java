package org.gridfleet.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.ParsedEndpoint;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The OpenAPI document is written by hand: every route the server registers is in it, with its role, and nothing else is. */
class OpenApiTest {
    @Test
    void everyRegisteredRouteIsDocumentedAndEveryDocumentedOneRegistered() throws Exception {
        LivePlant plant = new LivePlant();
        try (GridfleetServer server = GridfleetServer.start(ServerConfig.loopback(0, List.of(ApiTest.VIEWER)), Optional.of(plant.center),
                Optional.empty(), plant.hub)) {
            List<ParsedEndpoint> endpoints = server.javalin().unsafe.internalRouter.allHttpHandlers();
            Set<String> registered = endpoints.stream()
                    .map(e -> e.endpoint.method.name().toLowerCase(Locale.ROOT) + " " + e.endpoint.path)
                    .filter(r -> r.matches("(get|post|put|patch|delete) .*")) // not the before-matched access check
                    .collect(Collectors.toCollection(TreeSet::new));
            Map<String, String> roles = endpoints.stream().collect(Collectors.toMap(
                    e -> e.endpoint.method.name().toLowerCase(Locale.ROOT) + " " + e.endpoint.path,
                    e -> rolesOf(e), (a, b) -> a));

            JsonNode doc = new ObjectMapper().readTree(new Client(server.url()).get("/api/openapi.json", null).text());
            Set<String> documented = new TreeSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    String route = op.getKey() + " " + path.getKey();
                    documented.add(route);
                    assertThat(op.getValue().path("x-role").asText("")).as("the role of " + route).isEqualTo(roles.getOrDefault(route, "?"));
                }
            }
            assertThat(documented).isEqualTo(registered);
            assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        }
    }

    private static String rolesOf(ParsedEndpoint e) {
        return e.endpoint.metadata(io.javalin.security.Roles.class) == null ? ""
                : e.endpoint.metadata(io.javalin.security.Roles.class).getRoles().stream().map(r -> ((Role) r).label()).sorted()
                        .collect(Collectors.joining(","));
    }
}
