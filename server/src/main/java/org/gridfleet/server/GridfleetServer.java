package org.gridfleet.server;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.gridfleet.control.ControlCenter;
import org.gridfleet.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control center's REST API (docs/api.md): JSON views of the plant, its devices, end-users and alarms, the
 * candidate plans of a run and the selected one, the operator's actions (choose a plan, acknowledge an alarm, override
 * a device), history by time range from the store, and the center's events as server-sent events; every route behind
 * a bearer token with a role, every error as problem details. It wraps a running {@link ControlCenter}, a candidates
 * run directory and a {@link Store}, any of which may be absent.
 *
 * <pre>{@code
 * EventHub events = new EventHub();                  // the center's listener (or one of them)
 * ControlCenter center = new ControlCenter(problem, plan, clock, sink, options, events);
 * try (GridfleetServer server = GridfleetServer.start(config, Optional.of(center), Optional.of(runDir), Optional.of(store), events)) { ... }
 * }</pre>
 */
public final class GridfleetServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GridfleetServer.class);
    /** The OpenAPI document, written by hand and kept in step with the routes by {@code OpenApiTest}. */
    static final String OPENAPI = "/org/gridfleet/server/openapi.json";
    static final String EVENTS = "/api/events";

    private final Javalin javalin;
    private final ServerConfig config;

    private GridfleetServer(Javalin javalin, ServerConfig config) {
        this.javalin = javalin;
        this.config = config;
    }

    /** Starts serving without a store (no history), on the configuration's loopback address and port (0: any free port). */
    public static GridfleetServer start(ServerConfig config, Optional<ControlCenter> center, Optional<Path> candidatesDir, EventHub events) {
        return start(config, center, candidatesDir, Optional.empty(), events);
    }

    /** Starts serving on the configuration's loopback address and port (0: any free port). */
    public static GridfleetServer start(ServerConfig config, Optional<ControlCenter> center, Optional<Path> candidatesDir, Optional<Store> store,
                                        EventHub events) {
        requireNonNull(config, "config");
        requireNonNull(center, "center");
        requireNonNull(candidatesDir, "candidatesDir");
        requireNonNull(store, "store");
        requireNonNull(events, "events");
        ObjectMapper mapper = Json.mapper();
        Access access = new Access(config.tokens());
        Optional<PlantViews> plant = center.map(PlantViews::new);
        Optional<DeviceActions> actions = center.map(c -> new DeviceActions(c, plant.orElseThrow()));
        History history = new History(store);
        PlanViews plans = new PlanViews(center, candidatesDir);
        byte[] openApi = openApi();
        String plantName = center.map(c -> c.problem().name()).orElse("");
        Javalin javalin = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.concurrency.useVirtualThreads = true;
            cfg.jsonMapper(new JavalinJackson(mapper, true));
            Problems.register(cfg.routes, mapper);
            cfg.routes.beforeMatched(ctx -> access.check(ctx, ctx.path().equals(EVENTS)));

            cfg.routes.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
            cfg.routes.get("/api/plant", ctx -> ctx.json(running(plant).plant()), Role.VIEWER);
            cfg.routes.get("/api/devices", ctx -> ctx.json(running(plant).devices()), Role.VIEWER);
            cfg.routes.get("/api/devices/{id}", ctx -> {
                String id = ctx.pathParam("id");
                ctx.json(running(plant).device(id).orElseThrow(() -> ApiProblem.notFound("no device '" + id + "' in this plant's fleet")));
            }, Role.VIEWER);
            cfg.routes.post("/api/devices/{id}/override", ctx -> ctx.json(acting(actions).hold(ctx.pathParam("id"), body(ctx, mapper),
                    Access.caller(ctx))), Role.OPERATOR);
            cfg.routes.delete("/api/devices/{id}/override", ctx -> ctx.json(acting(actions).returnToPlan(ctx.pathParam("id"), Access.caller(ctx))),
                    Role.OPERATOR);
            cfg.routes.post("/api/devices/{id}/out-of-service", ctx -> ctx.json(acting(actions).takeOutOfService(ctx.pathParam("id"),
                    body(ctx, mapper), Access.caller(ctx))), Role.OPERATOR);
            cfg.routes.post("/api/devices/{id}/return", ctx -> ctx.json(acting(actions).returnToPlan(ctx.pathParam("id"), Access.caller(ctx))),
                    Role.OPERATOR);
            cfg.routes.get("/api/history/telemetry", ctx -> ctx.json(history.telemetry(ctx)), Role.VIEWER);
            cfg.routes.get("/api/history/alarms", ctx -> ctx.json(history.alarms(ctx)), Role.VIEWER);
            cfg.routes.get("/api/history/commands", ctx -> ctx.json(history.commands(ctx)), Role.VIEWER);
            cfg.routes.get("/api/endusers", ctx -> ctx.json(running(plant).endUsers()), Role.VIEWER);
            cfg.routes.get("/api/alarms", ctx -> ctx.json(running(plant).alarms()), Role.VIEWER);
            cfg.routes.post("/api/alarms/{id}/ack", ctx -> {
                running(plant);
                long id = alarmId(ctx.pathParam("id"));
                ctx.json(PlantViews.alarm(center.orElseThrow().acknowledgeAlarm(id, Access.caller(ctx).name())
                        .orElseThrow(() -> ApiProblem.notFound("no alarm " + id + " in this run"))));
            }, Role.OPERATOR);
            cfg.routes.get("/api/plans/candidates", ctx -> ctx.json(plans.candidates()), Role.VIEWER);
            cfg.routes.get("/api/plans/selected", ctx -> ctx.json(plans.selected()), Role.VIEWER);
            cfg.routes.post("/api/plans/selection", ctx -> ctx.json(plans.select(PlanViews.SelectionRequest.of(body(ctx, mapper)),
                    Access.caller(ctx))), Role.OPERATOR);
            cfg.routes.sse(EVENTS, client -> events.subscribe(client, plantName), Role.VIEWER);
        });
        javalin.start(config.host(), config.port());
        GridfleetServer server = new GridfleetServer(javalin, config);
        log.info("API on {} ({} tokens)", server.url(), config.tokens().size());
        return server;
    }

    /** The port it listens on (the one chosen when configured 0). */
    public int port() {
        return javalin.port();
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String url() {
        return "http://" + config.host() + ":" + port();
    }

    /** The Javalin instance, for tests that look at the routes. */
    Javalin javalin() {
        return javalin;
    }

    @Override
    public void close() {
        javalin.stop();
    }

    private static PlantViews running(Optional<PlantViews> plant) {
        return plant.orElseThrow(() -> ApiProblem.unavailable("no control center is running in this server"));
    }

    private static DeviceActions acting(Optional<DeviceActions> actions) {
        return actions.orElseThrow(() -> ApiProblem.unavailable("no control center is running in this server"));
    }

    private static long alarmId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("an alarm's id is a whole number, as GET /api/alarms lists them: '" + text + "'");
        }
    }

    private static JsonNode body(Context ctx, ObjectMapper mapper) {
        String text = ctx.body();
        if (text.isBlank()) {
            throw ApiProblem.badRequest("the body is empty: send a JSON object");
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw ApiProblem.badRequest("the body is not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }

    private static byte[] openApi() {
        try (InputStream in = GridfleetServer.class.getResourceAsStream(OPENAPI)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + OPENAPI, e);
        }
    }
}
