package org.gridfleet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gridfleet candidates} on the thin-cable example: the rules reject the plans that overload the cable. */
class CandidatesCommandTest {
    private static final Path THIN_CABLE = Path.of("..", "examples", "thin-cable", "fleet.yaml");
    private static final Path RULES = Path.of("..", "examples", "rules", "default.yaml");

    @TempDir
    Path dir;

    @Test
    void rulesRejectThePlansThatOverloadTheCableAndChooseTheOneWithinItsRating() throws Exception {
        Cli.Run run = Cli.run("candidates", "--fleet", THIN_CABLE.toString(), "--rules", RULES.toString(), "--out", dir.toString(),
                "--time-limit", "10s", "--samples", "500");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        // every objective gives the same plan here (one cheap engine, no revenue, no storage), and so does the stochastic
        // planner (nothing fails; the engine's headroom covers demand's errors): merged under one name. The agents
        // load the same engine at the same cost, through the same cable.
        assertThat(run.out()).contains("least-cost/most-revenue/most-reliable/most-efficient/least-emissions/stochastic")
                .containsPattern("agents +yes +408\\.00 .* 3 viol\\. .* rejected")
                .contains("rejected by rule 2 (reject: networkViolations > 0)")
                .contains("Chosen: least-cost-within-network");
        // the three plans, the index and the standing choice
        assertThat(Files.list(dir).filter(p -> p.toString().endsWith(".json"))).hasSize(5);
    }

    @Test
    void aBrokenRulesFileIsAUsageError() throws Exception {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, "name: broken\\nrules:\\n  - reject: nosuchfigure > 1\\n    because: typo\\n  - prefer: totalCost\\n");

        Cli.Run run = Cli.run("candidates", "--fleet", THIN_CABLE.toString(), "--rules", rules.toString(), "--out", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--rules").contains("nosuchfigure");
    }
}
