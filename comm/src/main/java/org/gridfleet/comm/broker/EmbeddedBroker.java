package org.gridfleet.comm.broker;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MQTT 5 broker inside this JVM: HiveMQ Community Edition, listening on 127.0.0.1 only, with in-memory
 * persistence (retained messages and sessions last as long as the broker), usage statistics off, and its
 * working folders in a temporary directory that {@link #close()} deletes.
 *
 * <p>Starting takes 1–2 s and stopping a few seconds, so tests share one broker per class.
 */
public final class EmbeddedBroker implements Broker {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final long START_TIMEOUT_S = 60;
    private static final long STOP_TIMEOUT_S = 30;
    private static final int START_ATTEMPTS_ON_FREE_PORT = 3;

    private final EmbeddedHiveMQ hivemq;
    private final Path home;
    private final BrokerAddress address;
    private boolean closed;

    private EmbeddedBroker(EmbeddedHiveMQ hivemq, Path home, BrokerAddress address) {
        this.hivemq = hivemq;
        this.home = home;
        this.address = address;
    }

    /** Starts a broker on a free port of 127.0.0.1. */
    public static EmbeddedBroker start() {
        return start(0);
    }

    /**
     * Starts a broker on 127.0.0.1:{@code port}, or on a free port when {@code port} is 0.
     *
     * @throws IllegalStateException when it does not start, such as when the port is taken
     */
    public static EmbeddedBroker start(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be within 0..65535: " + port);
        }
        if (port != 0) {
            return startOn(port);
        }
        IllegalStateException last = null;
        for (int attempt = 0; attempt < START_ATTEMPTS_ON_FREE_PORT; attempt++) {
            try {
                return startOn(freePort()); // another process may take the port between the probe and the bind
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    private static EmbeddedBroker startOn(int port) {
        Path home = null;
        EmbeddedHiveMQ hivemq = null;
        long started = System.nanoTime();
        try {
            home = Files.createTempDirectory("gridfleet-broker-");
            Path conf = Files.createDirectory(home.resolve("conf"));
            Files.writeString(conf.resolve("config.xml"), config(port), StandardCharsets.UTF_8);
            hivemq = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(conf)
                    .withDataFolder(Files.createDirectory(home.resolve("data")))
                    .withExtensionsFolder(Files.createDirectory(home.resolve("extensions")))
                    .withoutLoggingBootstrap() // keep the application's logging configuration
                    .build();
            hivemq.start().get(START_TIMEOUT_S, TimeUnit.SECONDS);
            BrokerAddress address = new BrokerAddress("127.0.0.1", port);
            log.info("embedded MQTT broker listening on {} (started in {} ms)", address, (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedBroker(hivemq, home, address);
        } catch (IOException | ExecutionException | TimeoutException | RuntimeException e) {
            stopQuietly(hivemq);
            deleteQuietly(home);
            throw new IllegalStateException("the embedded MQTT broker did not start on 127.0.0.1:" + port + ": " + rootCause(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopQuietly(hivemq);
            deleteQuietly(home);
            throw new IllegalStateException("interrupted while starting the embedded MQTT broker", e);
        }
    }

    /**
     * HiveMQ CE's conf/config.xml. Per-client queues hold up to 100 000 messages (the default 1 000 drops
     * commands queued for a site that is briefly away, and bursts to a slow subscriber); the oldest go first.
     */
    static String config(int port) {
        return """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>127.0.0.1</bind-address>
                        </tcp-listener>
                    </listeners>
                    <mqtt>
                        <queued-messages>
                            <max-queue-size>100000</max-queue-size>
                            <strategy>discard-oldest</strategy>
                        </queued-messages>
                    </mqtt>
                    <persistence>
                        <mode>in-memory</mode>
                    </persistence>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port);
    }

    @Override
    public BrokerAddress address() {
        return address;
    }

    /** The temporary folder with the broker's configuration and data; deleted on {@link #close()}. */
    public Path folder() {
        return home;
    }

    /** Stops the broker, which ends every connection without a last will being lost, and deletes its folders. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long started = System.nanoTime();
        try {
            hivemq.stop().get(STOP_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("embedded MQTT broker on {} did not stop cleanly: {}", address, rootCause(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopQuietly(hivemq);
            deleteQuietly(home);
        }
        log.info("embedded MQTT broker on {} stopped in {} ms", address, (System.nanoTime() - started) / 1_000_000);
    }

    private static void stopQuietly(EmbeddedHiveMQ hivemq) {
        if (hivemq == null) {
            return;
        }
        try {
            hivemq.close();
        } catch (ExecutionException | RuntimeException e) {
            log.warn("embedded MQTT broker did not close cleanly: {}", rootCause(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            log.warn("could not delete the embedded MQTT broker's folder {}: {}", dir, e.getMessage());
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.toString();
    }

    @Override
    public String toString() {
        return "EmbeddedBroker[" + address + "]";
    }
}
