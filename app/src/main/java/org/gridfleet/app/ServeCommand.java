package org.gridfleet.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.gridfleet.plan.io.CandidatesJson;
import org.gridfleet.server.EventHub;
import org.gridfleet.server.GridfleetServer;
import org.gridfleet.server.ServerConfig;
import org.gridfleet.store.Store;
import org.gridfleet.store.StoreSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gridfleet serve}: the REST API without a live control center, on a configuration file (docs/api.md): a
 * candidates run's plans and the operator's choice among them, and the history a store holds.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serves the REST API (docs/api.md) on 127.0.0.1 without a live control center: the candidate plans of a run and the "
                + "operator's choice among them (recorded in DIR/selection.json, as gridfleet select does), and the history a store holds.",
                "Routes that need a running center (/api/plant, /api/devices, overrides, alarms, events) answer 503.",
                "Runs until Ctrl-C. Exit code 2 for a usage error or a configuration that cannot be read."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "The server's configuration: port and token.NAME = ROLE:SECRET lines (docs/api.md).")
    Path config;

    @Option(names = "--candidates", paramLabel = "DIR", description = "A run of gridfleet candidates (or plan --candidates), with candidates.json.")
    Path candidates;

    @Option(names = "--store", paramLabel = "PATH",
            description = "An H2 store file without its .mv.db, e.g. DIR/store/gridfleet of gridfleet demo --out DIR: its history is served.")
    Path store;

    @Option(names = "--for", paramLabel = "DURATION", hidden = true, description = "Stop after this long (ISO-8601, e.g. PT2S), for tests.")
    Duration serveFor;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        CommandLine cli = spec.commandLine();
        PrintWriter out = cli.getOut();
        ServerConfig settings;
        try {
            settings = ServerConfig.read(config);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(cli, "cannot read the configuration " + config + ": " + e);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        }
        if (settings.tokens().isEmpty()) {
            throw new CommandLine.ParameterException(cli, config + " has no token.NAME = ROLE:SECRET line: nobody could use the API");
        }
        if (candidates != null && !Files.isRegularFile(candidates.resolve(CandidatesJson.INDEX))) {
            throw new CommandLine.ParameterException(cli, "no " + CandidatesJson.INDEX + " in " + candidates
                    + ": make the candidates first, e.g. gridfleet candidates --fleet FILE --out " + candidates);
        }
        if (store != null && !Files.isRegularFile(Path.of(store + ".mv.db"))) {
            throw new CommandLine.ParameterException(cli, "no H2 store at " + store + " (" + store + ".mv.db does not exist)");
        }
        Optional<Store> opened = Optional.ofNullable(store).map(p -> Store.open(StoreSettings.h2File(p)));
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        try (GridfleetServer server = GridfleetServer.start(settings, Optional.empty(), Optional.ofNullable(candidates), opened, new EventHub())) {
            Thread hook = new Thread(() -> { // Ctrl-C: let the server and the store close before the JVM halts
                stopped.countDown();
                try {
                    closed.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "gridfleet-serve-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            out.printf("API: %s/api/plans/candidates  (docs/api.md; OpenAPI at %s/api/openapi.json)%n", server.url(), server.url());
            out.printf("     tokens: %s; candidates: %s; store: %s; no live control center%n",
                    String.join(", ", settings.tokens().stream().map(t -> t.name() + " (" + t.role().label() + ")").toList()),
                    candidates == null ? "none" : candidates, store == null ? "none" : store);
            out.flush();
            if (serveFor != null) {
                stopped.await(serveFor.toMillis(), TimeUnit.MILLISECONDS);
                Runtime.getRuntime().removeShutdownHook(hook);
            } else {
                stopped.await();
            }
        } finally {
            opened.ifPresent(Store::close);
            closed.countDown();
        }
        return 0;
    }
}
