package org.gridfleet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gridfleet serve}: reads its configuration and serves without a live center; bad input is a usage error. */
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void servesOnTheConfiguredPortWithItsTokensAndStops() throws Exception {
        Path config = Files.writeString(dir.resolve("server.properties"), "port = 0\ntoken.alice = operator:alice-secret-0123456789\n");

        Cli.Run run = Cli.run("serve", "--config", config.toString(), "--for", "PT0.5S");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("API: http://127\\.0\\.0\\.1:\\d+/api/plans/candidates")
                .contains("tokens: alice (operator); candidates: none; store: none; no live control center")
                .doesNotContain("alice-secret");
    }

    @Test
    void aConfigurationOrDirectoryThatCannotBeUsedIsAUsageError() throws Exception {
        Path config = Files.writeString(dir.resolve("server.properties"), "port = 0\ntoken.alice = operator:alice-secret-0123456789\n");
        Path unknownKey = Files.writeString(dir.resolve("bad.properties"), "port = 0\nhost = 0.0.0.0\n");
        Path noTokens = Files.writeString(dir.resolve("empty.properties"), "port = 0\n");

        assertThat(Cli.run("serve", "--config", dir.resolve("missing.properties").toString()).err()).contains("cannot read the configuration");
        Cli.Run bad = Cli.run("serve", "--config", unknownKey.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown key 'host'");
        assertThat(Cli.run("serve", "--config", noTokens.toString()).err()).contains("has no token.NAME = ROLE:SECRET line");
        assertThat(Cli.run("serve", "--config", config.toString(), "--candidates", dir.toString()).err()).contains("no candidates.json in");
        assertThat(Cli.run("serve", "--config", config.toString(), "--store", dir.resolve("none").toString()).err()).contains("no H2 store at");
    }
}
