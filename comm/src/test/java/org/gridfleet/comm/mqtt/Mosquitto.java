package org.gridfleet.comm.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.gridfleet.comm.broker.BrokerAddress;

/**
 * A real Mosquitto for the integration tests: the one on 127.0.0.1:1883 when one answers there, else one this
 * test starts from /usr/sbin/mosquitto on a free loopback port, else none. Shared with other modules' tests through
 * comm's test jar.
 */
public final class Mosquitto implements AutoCloseable {
    private static final BrokerAddress STANDARD = new BrokerAddress("127.0.0.1", 1883);
    private static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final BrokerAddress address;
    private final Process process;
    private final Path dir;

    private Mosquitto(BrokerAddress address, Process process, Path dir) {
        this.address = address;
        this.process = process;
        this.dir = dir;
    }

    /** A reachable Mosquitto, or empty with nothing started. */
    public static Optional<Mosquitto> find() {
        if (answers(STANDARD)) {
            return Optional.of(new Mosquitto(STANDARD, null, null));
        }
        if (!Files.isExecutable(BINARY)) {
            return Optional.empty();
        }
        return Optional.of(start());
    }

    private static Mosquitto start() {
        Path dir = null;
        Process process = null;
        try {
            dir = Files.createTempDirectory("gridfleet-mosquitto-");
            int port = freePort();
            Path conf = dir.resolve("mosquitto.conf");
            Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
            process = new ProcessBuilder(BINARY.toString(), "-c", conf.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
            BrokerAddress address = new BrokerAddress("127.0.0.1", port);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!answers(address)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("mosquitto did not start: " + Files.readString(dir.resolve("mosquitto.log")));
                }
                Thread.sleep(50);
            }
            return new Mosquitto(address, process, dir);
        } catch (IOException e) {
            stop(process);
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(process);
            throw new IllegalStateException(e);
        }
    }

    public BrokerAddress address() {
        return address;
    }

    /** Where this Mosquitto came from, for the test report. */
    public String origin() {
        return process == null ? "the Mosquitto already running on " + address : "a Mosquitto started for this test on " + address;
    }

    private static boolean answers(BrokerAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.host(), address.port()), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void stop(Process process) {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(process);
        if (dir != null) {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // a temp dir left behind is harmless
            }
        }
    }
}
