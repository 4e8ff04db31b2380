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
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.plan.io.PlanJson;
import org.gridfleet.synth.FleetGenerator;
import org.gridfleet.synth.FleetSpec;
import org.gridfleet.synth.FleetWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during a MILP solve, for real: {@code gridfleet plan} runs in a child JVM on a fleet that takes far longer
 * than the test to solve to a zero gap (20 devices × 48 intervals), and gets SIGINT from {@code kill -INT} once SCIP
 * shows its progress table. Needs a POSIX {@code kill}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PlanCtrlCTest {
    /** Far beyond what the test waits: the solve can only end early through Ctrl-C. */
    private static final String TIME_LIMIT = "3m";

    @TempDir
    Path dir;
    private Path fleet;

    @BeforeEach
    void writeFleet() throws IOException {
        FleetWriter.write(FleetGenerator.generate(FleetSpec.of(20, 80, 48, 3)), dir);
        fleet = dir.resolve(FleetWriter.FLEET_FILE);
    }

    @Test
    void ctrlCStopsTheSolveAndTheBestPlanFoundIsWrittenAndSummarised() throws Exception {
        Path out = dir.resolve("plan.json");
        Child child = Child.start("plan", "--fleet", fleet.toString(), "--out", out.toString(), "--gap", "0", "--time-limit", TIME_LIMIT,
                "--progress", "always");

        child.awaitOutput("dualbound", 30); // SCIP's table has begun: the solve is under way
        Thread.sleep(1500);
        child.interrupt();
        int exitCode = child.awaitExit(30);

        String stdout = child.stdout();
        assertThat(stdout).as(stdout + child.stderr())
                .contains("Solving the MILP: 20 devices").contains("Ctrl-C stops and keeps the best plan found")
                .contains("user interrupt") // SCIP's own word for why it stopped
                .contains("stopped by the user (Ctrl-C) after").contains("Wrote");
        assertThat(stdout.indexOf("Ctrl-C stops")).as("the line before the solve, then SCIP's table, then the summary")
                .isLessThan(stdout.indexOf("dualbound"));
        assertThat(stdout.indexOf("dualbound")).isLessThan(stdout.indexOf("\nPlan "));
        assertThat(child.stderr()).contains("Ctrl-C: stopping the solver and keeping the best plan found so far");
        String json = Files.readString(out);
        DispatchPlan plan = PlanJson.read(json);
        PlanJson.Solve solve = PlanJson.readSolve(json).orElseThrow();
        assertThat(solve.stop()).isEqualTo(PlanJson.Stop.USER);
        assertThat(solve.seconds()).isLessThan(60);
        assertThat(PlanJson.readBaseline(json)).isPresent();
        assertThat(dir.resolve("plan.csv")).isRegularFile();
        // the plan found by then may or may not meet demand and reserve everywhere: the exit code says which
        assertThat(exitCode).as(stdout).isEqualTo(plan.status().meetsRequirements() ? 0 : GridfleetCli.EXIT_REJECTED);
    }

    @Test
    void secondCtrlCQuitsAtOnce() throws Exception {
        Path out = dir.resolve("plan.json");
        Child child = Child.start("plan", "--fleet", fleet.toString(), "--out", out.toString(), "--gap", "0", "--time-limit", TIME_LIMIT,
                "--progress", "always");

        child.awaitOutput("dualbound", 30);
        child.interrupt();
        Thread.sleep(50);
        child.interrupt();
        int exitCode = child.awaitExit(30);

        assertThat(exitCode).as(child.stdout() + child.stderr()).isEqualTo(CtrlC.EXIT_AT_ONCE);
        assertThat(child.stdout()).doesNotContain("Wrote");
    }

    /** {@code gridfleet} in a JVM of its own, with this test's class path, its output collected as it comes. */
    private record Child(Process process, StringBuffer out, StringBuffer err) {
        static Child start(String... args) throws IOException {
            List<String> command = new ArrayList<>();
            if (sigintIgnored()) {
                // a background job of a non-interactive shell starts with SIGINT ignored, and its children inherit that
                command.addAll(List.of("env", "--default-signal=INT"));
            }
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
                    "-cp", System.getProperty("java.class.path"), GridfleetCli.class.getName()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).start();
            Child child = new Child(process, new StringBuffer(), new StringBuffer());
            collect(process.getInputStream(), child.out());
            collect(process.getErrorStream(), child.err());
            return child;
        }

        void awaitOutput(String text, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (out.indexOf(text) < 0) {
                assertThat(process.isAlive()).as("ended before printing '%s':%n%s%s", text, out, err).isTrue();
                assertThat(System.nanoTime()).as("'%s' not printed within %d s:%n%s%s", text, seconds, out, err).isLessThan(deadline);
                Thread.sleep(50);
            }
        }

        void interrupt() throws IOException, InterruptedException {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
            assertThat(kill.waitFor()).as("kill -INT").isZero();
        }

        int awaitExit(int seconds) throws InterruptedException {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("still running " + seconds + " s after Ctrl-C:\n" + out + err);
            }
            Thread.sleep(100); // let the collectors read the last of the output
            return process.exitValue();
        }

        String stdout() {
            return out.toString();
        }

        String stderr() {
            return err.toString();
        }

        private static void collect(InputStream stream, StringBuffer into) {
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
        }

        /** Whether this process ignores SIGINT (Linux: bit 2 of SigIgn in /proc/self/status). */
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
}
