package org.gridfleet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateAndDemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void generatedFleetValidatesCleanly() {
        Cli.Run generate = Cli.run("generate", "--devices", "30", "--end-users", "120", "--intervals", "48", "--seed", "5", "--out", dir.toString());

        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(generate.out()).contains("30 devices").contains("120 end-users");
        for (String file : new String[] {"fleet.yaml", "demand.csv", "forecasts.csv", "prices.csv", "maintenance.csv"}) {
            assertThat(dir.resolve(file)).isRegularFile();
        }
        Cli.Run validate = Cli.run("validate", "--fleet", dir.resolve("fleet.yaml").toString());
        assertThat(validate.exitCode()).as(validate.out()).isZero();
        assertThat(validate.out()).contains("kept         30 devices, 120 end-users").contains("0 errors, 0 warnings");
    }

    @Test
    void generateRejectsImpossibleSizesAsAUsageError() {
        Cli.Run run = Cli.run("generate", "--devices", "0", "--end-users", "5", "--out", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("devices must be within");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void demoRunsTheEmbeddedExampleThroughTheWholePipeline() throws Exception {
        Path out = dir.resolve("demo");

        Cli.Run run = Cli.run("demo", "--out", out.toString(), "--no-live");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Riverside campus").contains("0 errors, 0 warnings")
                .contains("Demand and spinning reserve are met in all 96 intervals").contains("0 hard violations");
        assertThat(out.resolve("plan.json")).isRegularFile();
        assertThat(Files.readString(out.resolve("fleet.yaml"))).isEqualTo(Files.readString(Cli.EXAMPLE));
    }

    /**
     * Two hours of the example's day live, over the embedded broker, with everything kept in the store: the center
     * sent the plan's set points, heard the devices and meters, and the store holds what it saw and did.
     */
    @Test
    void demoRunsTheDayLiveAndKeepsItInTheStore() throws Exception {
        Path out = dir.resolve("live");

        Cli.Run run = Cli.run("demo", "--out", out.toString(), "--duration", "2h", "--speed", "720");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Live: 24 devices and 200 end-users on tcp://127.0.0.1:").containsPattern("online \\d+/24")
                .contains("control center 2026-11-23T07:00:00Z .. 2026-11-23T09:00:00Z").contains("everything above is kept in the store");
        try (var store = org.gridfleet.store.Store.open(org.gridfleet.store.StoreSettings.h2File(out.resolve("store").resolve("gridfleet")))) {
            assertThat(store.plans()).singleElement();
            String planId = store.plans().getFirst().planId();
            assertThat(store.latestSelection()).hasValueSatisfying(sel -> assertThat(sel.planId()).isEqualTo(planId));
            var commands = store.commandsOfPlan(planId);
            // the first interval's set points went to every device
            assertThat(commands.stream().map(c -> c.command().device()).distinct().count()).isEqualTo(24);
            assertThat(store.acks(commands.getFirst().command().id())).isNotEmpty();
            assertThat(store.latestTelemetry(java.time.Instant.parse("2026-11-23T07:00:00Z"))).hasSize(24);
        }
    }

    @Test
    void demoRunsASyntheticFleetLiveToo() {
        Cli.Run run = Cli.run("demo", "--out", dir.resolve("synthetic").toString(), "--devices", "30", "--duration", "1h", "--speed", "720");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("gridfleet demo: a synthetic fleet of 30 devices (seed 1)").contains("Live: 30 devices and 300 end-users")
                .contains("control center 2026-").contains("of 30 devices online at the end");
        assertThat(Cli.run("demo", "--devices", "0", "--no-live").err()).contains("--devices must be within 1..20000");
    }
}
