package org.gridfleet.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.gridfleet.control.ControlCenter;
import org.gridfleet.server.ApiToken;
import org.gridfleet.server.EventHub;
import org.gridfleet.server.GridfleetServer;
import org.gridfleet.server.Role;
import org.gridfleet.server.ServerConfig;
import org.gridfleet.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's REST API beside its live day, its history read from the day's store: one operator token generated at start and printed once, never kept. A port
 * already taken does not stop the demo (it is CI's smoke test): it runs on without the API and says so.
 */
final class DemoApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoApi.class);
    static final String TOKEN_NAME = "demo-operator";

    private final Optional<GridfleetServer> server;

    private DemoApi(Optional<GridfleetServer> server) {
        this.server = server;
    }

    static DemoApi start(OptionalInt port, ControlCenter center, Store store, EventHub events, PrintWriter out) {
        if (port.isEmpty()) {
            return new DemoApi(Optional.empty());
        }
        ApiToken token = ApiToken.generate(TOKEN_NAME, Role.OPERATOR);
        GridfleetServer server;
        try {
            server = GridfleetServer.start(ServerConfig.loopback(port.getAsInt(), List.of(token)), Optional.of(center), Optional.empty(),
                    Optional.of(store), events);
        } catch (RuntimeException e) {
            LOG.warn("the API could not start on port {}: {}", port.getAsInt(), e.toString());
            out.printf("API: could not start on 127.0.0.1:%d (%s); the demo runs on without it (--api-port N, or --no-api)%n", port.getAsInt(),
                    e.getMessage());
            out.flush();
            return new DemoApi(Optional.empty());
        }
        out.printf("API: %s/api/plant  (docs/api.md; OpenAPI at %s/api/openapi.json)%n", server.url(), server.url());
        out.printf("     operator token, valid until the demo ends: %s%n", token.secret());
        out.printf("     e.g. curl -H 'Authorization: Bearer %s' %s/api/plant%n", token.secret(), server.url());
        out.flush();
        return new DemoApi(Optional.of(server));
    }

    @Override
    public void close() {
        server.ifPresent(GridfleetServer::close);
    }
}
