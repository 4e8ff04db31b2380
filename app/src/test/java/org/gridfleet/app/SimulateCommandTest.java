package org.gridfleet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code gridfleet simulate} on the example fleet, against comm's embedded broker. */
class SimulateCommandTest {
    private static final Pattern STATUS = Pattern.compile("^2026-11-23T07:\\d\\d:\\d\\dZ  online \\d+/24  output -?\\d+\\.\\d kW  demand \\d+\\.\\d kW.*$");

    @Test
    void simulatesTheExampleFleetForAMinuteAgainstAnEmbeddedBrokerAndPrintsItsStatus() {
        Cli.Run run = Cli.run("simulate", "--fleet", Cli.EXAMPLE.toString(), "--broker", "embedded", "--duration", "1m", "--speed", "600");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("kept         24 devices, 200 end-users")
                .containsPattern("Embedded MQTT broker listening on tcp://127\\.0\\.0\\.1:\\d+")
                .contains("Simulating Riverside campus: 24 devices, 200 end-users, from 2026-11-23T07:00:00Z at 600 times real time")
                .contains("Done: the sites say goodbye.");
        List<String> statuses = run.out().lines().filter(line -> STATUS.matcher(line).matches()).toList();
        assertThat(statuses).as(run.out()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(statuses.getFirst()).startsWith("2026-11-23T07:00:00Z  online 24/24");
        assertThat(statuses.getLast()).startsWith("2026-11-23T07:01:00Z  online 24/24");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void aBrokerThatCannotBeReachedIsAFailureNotAStackTrace() {
        Cli.Run run = Cli.run("simulate", "--fleet", Cli.EXAMPLE.toString(), "--broker", "tcp://127.0.0.1:1", "--duration", "1m");

        assertThat(run.exitCode()).isEqualTo(GridfleetCli.EXIT_FAILED);
        assertThat(run.err()).contains("no MQTT broker answers at tcp://127.0.0.1:1").doesNotContain("\tat ");
    }

    @Test
    void aBadBrokerOrNetworkIsAUsageError() {
        Cli.Run badBroker = Cli.run("simulate", "--fleet", Cli.EXAMPLE.toString(), "--broker", "localhost:1883");
        Cli.Run badNetwork = Cli.run("simulate", "--fleet", Cli.EXAMPLE.toString(), "--broker", "embedded", "--network", "wifi");
        Cli.Run badSpeed = Cli.run("simulate", "--fleet", Cli.EXAMPLE.toString(), "--broker", "embedded", "--speed", "0");

        assertThat(badBroker.exitCode()).isEqualTo(2);
        assertThat(badBroker.err()).contains("broker must be 'embedded', 'embedded:PORT' or 'tcp://host:port'");
        assertThat(badNetwork.exitCode()).isEqualTo(2);
        assertThat(badNetwork.err()).contains("--network must be relayed or direct, not 'wifi'");
        assertThat(badSpeed.exitCode()).isEqualTo(2);
        assertThat(badSpeed.err()).contains("speed must be a positive number");
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void ctrlCStopsTheFieldAndTheSitesSayGoodbye() throws Exception {
        List<String> command = new ArrayList<>();
        if (sigintIgnored()) { // a background job of a non-interactive shell starts with SIGINT ignored
            command.addAll(List.of("env", "--default-signal=INT"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                GridfleetCli.class.getName(), "simulate", "--fleet", Cli.EXAMPLE.toString(), "--broker", "embedded", "--speed", "60",
                "--status-every", "200ms"));
        Process process = new ProcessBuilder(command).start();
        StringBuffer out = collect(process.getInputStream());
        StringBuffer err = collect(process.getErrorStream());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!out.toString().contains("Ctrl-C stops.") || out.toString().lines().filter(l -> STATUS.matcher(l).matches()).count() < 3) {
            assertThat(process.isAlive()).as("ended early:%n%s%s", out, err).isTrue();
            assertThat(System.nanoTime()).as("no status lines:%n%s%s", out, err).isLessThan(deadline);
            Thread.sleep(50); // polling the child's output
        }

        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -INT").isZero();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited after Ctrl-C:%n%s%s", out, err).isTrue();
        Thread.sleep(100); // let the collectors read the last of the output

        assertThat(process.exitValue()).as(out + "" + err).isEqualTo(130); // 128 + SIGINT, as for any program stopped by Ctrl-C
        assertThat(out.toString()).contains("Stopped by Ctrl-C: the sites say goodbye.");
        assertThat(err.toString()).doesNotContain("\tat ");
    }

    private static StringBuffer collect(InputStream stream) {
        StringBuffer into = new StringBuffer();
        Thread.ofVirtual().start(() -> {
            char[] buffer = new char[8192];
            try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
                for (int n; (n = reader.read(buffer)) >= 0; ) {
                    into.append(buffer, 0, n);
                }
            } catch (IOException closed) {
                // the process ended
            }
        });
        return into;
    }

    /** Whether this process ignores SIGINT (Linux: bit 2 of SigIgn in /proc/self/status), as PlanCtrlCTest checks. */
    private static boolean sigintIgnored() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & (1L << 1)) != 0;
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // elsewhere, assume a shell that leaves SIGINT alone
        }
        return false;
    }
}
