package org.gridfleet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gridfleet powerflow} in-process, on the MATPOWER examples and on the example fleet with its merit-order plan. */
class PowerflowCommandTest {
    private static final Path CASE33 = Path.of("..", "examples", "networks", "case33bw.m");
    private static final Path CASE14 = Path.of("..", "examples", "networks", "case14.m");

    @TempDir
    static Path dir;

    static Path plan;

    @BeforeAll
    static void planTheExample() {
        plan = dir.resolve("riverside.json");
        Cli.Run run = Cli.run("plan", "--fleet", Cli.EXAMPLE.toString(), "--out", plan.toString(), "--solver", "merit-order");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    @Test
    void baranWuFeederPrintsItsPublishedFiguresAndItsUndervoltages() {
        Cli.Run run = Cli.run("powerflow", "--network", CASE33.toString());

        // below 0.95 pu at the far ends of the feeder: a limit violation, so exit code 1
        assertThat(run.exitCode()).as(run.err()).isEqualTo(GridfleetCli.EXIT_REJECTED);
        assertThat(run.out()).contains("case33bw (33 buses, 37 branches)").contains("Losses 202.677 kW")
                .contains("lowest 0.91309 pu at bus 18").contains("interval 0: bus 18 at 0.9131 pu, below 0.950 pu");
        assertThat(run.out().lines().filter(l -> l.endsWith("  LOW"))).hasSize(21);
    }

    @Test
    void looserLimitsAcceptTheSameFeeder() {
        Cli.Run run = Cli.run("powerflow", "--network", CASE33.toString(), "--vmin", "0.9");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Within limits (0.900..1.050 pu, 100 % loading)");
    }

    @Test
    void ieee14AsJson() throws Exception {
        Cli.Run run = Cli.run("powerflow", "--network", CASE14.toString(), "--json");

        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.get("converged").booleanValue()).isTrue();
        assertThat(root.get("lossesKw").doubleValue()).isCloseTo(13_393, within(13_393 * 0.005));
        assertThat(root.get("buses")).hasSize(14);
        assertThat(root.get("branches")).hasSize(20);
    }

    @Test
    void everyIntervalOfAPlanIsSummarised() {
        Cli.Run run = Cli.run("powerflow", "--network", Cli.EXAMPLE.toString(), "--plan", plan.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out().lines().filter(l -> l.matches("^\\d+ +2026-.*"))).hasSize(96);
        assertThat(run.out()).contains("Over the plan: lowest").contains("0 of 96 intervals did not converge").contains("Within limits");
    }

    @Test
    void oneIntervalOfAPlanInFull() {
        Cli.Run run = Cli.run("powerflow", "--network", Cli.EXAMPLE.toString(), "--plan", plan.toString(), "--interval", "40");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("interval 40 (2026-11-23T17:00:00Z)").contains("Buses").contains("Branches").contains("tx-sub-1");
    }

    @Test
    void fleetWithoutAPlanCarriesItsPeakDemandFromTheGrid() {
        Cli.Run run = Cli.run("powerflow", "--network", Cli.EXAMPLE.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern("interval \\d+ \\(.*\\): end-users' demand [0-9.]+ kW, every device at 0 kW");
    }

    @Test
    void usageMistakesAreNamed() throws Exception {
        assertThat(Cli.run("powerflow", "--network", CASE33.toString(), "--plan", plan.toString()).err()).contains("--plan needs a fleet document");
        Cli.Run outside = Cli.run("powerflow", "--network", Cli.EXAMPLE.toString(), "--plan", plan.toString(), "--interval", "96");
        assertThat(outside.exitCode()).isEqualTo(2);
        assertThat(outside.err()).contains("--interval 96 is outside the horizon's 0..95");
        assertThat(Cli.run("powerflow", "--network", "nowhere.m").err()).contains("no such file");
        assertThat(Cli.run("powerflow", "--network", CASE33.toString(), "--vmin", "1.1").err()).contains("voltage limits");

        Path broken = dir.resolve("broken.m");
        Files.writeString(broken, "function mpc = broken\nmpc.baseMVA = 100;\nmpc.bus = [1 3 0 0 0 0 1 1 0 12.66 1 1.1 0.9;\n");
        Cli.Run run = Cli.run("powerflow", "--network", broken.toString());
        assertThat(run.exitCode()).isEqualTo(GridfleetCli.EXIT_REJECTED);
        assertThat(run.err()).contains("broken.m");

        Path notAPlan = dir.resolve("not-a-plan.json");
        Files.writeString(notAPlan, "{\"formatVersion\": 1}");
        assertThat(Cli.run("powerflow", "--network", Cli.EXAMPLE.toString(), "--plan", notAPlan.toString()).err()).contains("missing field");
    }
}
