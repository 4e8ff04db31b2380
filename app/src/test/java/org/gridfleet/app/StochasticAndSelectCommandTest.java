package org.gridfleet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.plan.io.CandidatesJson;
import org.gridfleet.plan.io.PlanJson;
import org.gridfleet.plan.select.Selection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gridfleet plan --solver stochastic}, {@code plan --candidates} and {@code gridfleet select} on the standby
 * example: three engines 100 kW, forced outage rate 5 %, islanded, 60 kW for four hours. One engine alone falls
 * short 5 % of the time, two 0.25 % (examples/standby/fleet.yaml).
 */
class StochasticAndSelectCommandTest {
    private static final Path STANDBY = Path.of("..", "examples", "standby", "fleet.yaml");

    @TempDir
    Path dir;

    @Test
    void theStochasticPlanKeepsASecondEngineSpinningAndSaysWhatThatBuysOutOfSample() throws Exception {
        Path out = dir.resolve("plan.json");
        Cli.Run run = Cli.run("plan", "--fleet", STANDBY.toString(), "--solver", "stochastic", "--out", out.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Plan stochastic (objective: cost), status optimal")
                .contains("stochastic: 2 MILP solves")
                .contains("grid only      - (islanded: there is no grid to buy from)")
                .containsPattern("1 +28\\.00 +0\\.0\\d+ +4 +40\\.0  optimal")
                .containsPattern("2 +32\\.00 +0\\.00\\d+ +0 +140\\.0  optimal")
                .contains("every interval meets the loss-of-load target")
                .contains("out of sample: 2,000 scenarios (seed 1000003)");
        // out of sample, closed form: one engine 0.05, two 0.0025 (2 000 scenarios: a few standard errors apart)
        assertThat(lolpOf(run.out(), "stochastic")).isCloseTo(0.0025, within(0.003));
        assertThat(lolpOf(run.out(), "deterministic")).isCloseTo(0.05, within(0.015));

        DispatchPlan plan = PlanJson.read(Files.readString(out));
        assertThat(plan.generator()).isEqualTo("stochastic");
        long spinning = plan.schedules().stream().filter(s -> s.committed().getFirst()).count();
        assertThat(spinning).isEqualTo(2);
        assertThat(plan.schedule(AssetId.of("engine-1")).orElseThrow().powerKw().sum()
                + plan.schedule(AssetId.of("engine-2")).orElseThrow().powerKw().sum()
                + plan.schedule(AssetId.of("engine-3")).orElseThrow().powerKw().sum()).isCloseTo(240, within(1e-6));
    }

    @Test
    void aTargetOfZeroIsAUsageError() {
        Cli.Run run = Cli.run("plan", "--fleet", STANDBY.toString(), "--solver", "stochastic", "--target-lolp", "0", "--out",
                dir.resolve("p.json").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--target-lolp must be above 0");
    }

    @Test
    void rulesChooseTheStochasticPlanAndAnOperatorMayOverrideThemOnlyWithAReason() throws Exception {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, """
                name: one-percent
                rules:
                  - reject: lolp > 0.01
                    because: loss-of-load probability above 1 %
                  - prefer: totalCost
                    because: least cost
                """);
        Path runDir = dir.resolve("run");
        Cli.Run planned = Cli.run("plan", "--fleet", STANDBY.toString(), "--candidates", "least-cost,stochastic", "--rules", rules.toString(),
                "--out", runDir.toString());
        assertThat(planned.exitCode()).as(planned.out() + planned.err()).isZero();
        assertThat(planned.out()).contains("2 candidates (least-cost, stochastic)")
                .contains("least-cost                       rejected by rule 1 (reject: lolp > 0.01)")
                .contains("Chosen: stochastic");
        CandidatesJson.Index index = CandidatesJson.readIndex(Files.readString(runDir.resolve(CandidatesJson.INDEX)));
        assertThat(index.candidates()).extracting(CandidatesJson.Entry::name).containsExactly("least-cost", "stochastic");
        assertThat(index.rules().chosen()).contains("stochastic");
        assertThat(CandidatesJson.readChosen(Files.readString(runDir.resolve(CandidatesJson.SELECTION))).selection().selectedBy())
                .isEqualTo(new Selection.SelectedBy.Rules("one-percent"));

        // the rules rejected least-cost: choosing it needs --override and a note
        Cli.Run refused = Cli.run("select", "least-cost", "--candidates", runDir.toString(), "--operator", "alice");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("Not chosen: the rules rejected least-cost").contains("--override");
        Cli.Run noNote = Cli.run("select", "least-cost", "--candidates", runDir.toString(), "--override");
        assertThat(noNote.exitCode()).isEqualTo(2);
        assertThat(noNote.err()).contains("--override needs a --note");
        assertThat(CandidatesJson.readChosen(Files.readString(runDir.resolve(CandidatesJson.SELECTION))).selection().chosen())
                .as("a refused choice leaves the standing one").contains("stochastic");

        Cli.Run chosen = Cli.run("select", "least-cost", "--candidates", runDir.toString(), "--operator", "alice", "--override",
                "--note", "a spare engine is on its way");
        assertThat(chosen.exitCode()).as(chosen.out() + chosen.err()).isZero();
        assertThat(chosen.out()).contains("Chosen: least-cost — least-cost chosen by operator alice: a spare engine is on its way")
                .contains("The rules (rules 'one-percent') had chosen stochastic; they rejected this plan");
        CandidatesJson.Chosen standing = CandidatesJson.readChosen(Files.readString(runDir.resolve(CandidatesJson.SELECTION)));
        assertThat(standing.selection().selectedBy()).isEqualTo(new Selection.SelectedBy.Operator("alice"));
        assertThat(standing.selection().chosen()).contains("least-cost");
        assertThat(standing.overridesRules()).isTrue();
        assertThat(standing.file()).isEqualTo("least-cost.json");
        assertThat(PlanJson.read(Files.readString(runDir.resolve(standing.file()))).generator()).isEqualTo("milp");

        // a plan the rules kept needs no override
        Cli.Run kept = Cli.run("select", "stochastic", "--candidates", runDir.toString(), "--operator", "bob");
        assertThat(kept.exitCode()).isZero();
        assertThat(CandidatesJson.readChosen(Files.readString(runDir.resolve(CandidatesJson.SELECTION))).overridesRules()).isFalse();
    }

    @Test
    void unknownPlansAndMissingRunsAreUsageErrorsThatSayWhatExists() throws Exception {
        Cli.Run missing = Cli.run("select", "least-cost", "--candidates", dir.resolve("nothing-here").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no candidates.json in").contains("gridfleet plan --fleet FILE --candidates all");

        Path runDir = dir.resolve("run");
        Cli.Run planned = Cli.run("plan", "--fleet", STANDBY.toString(), "--candidates", "least-cost", "--out", runDir.toString());
        assertThat(planned.exitCode()).as(planned.out() + planned.err()).isIn(0, 1);
        Cli.Run unknown = Cli.run("select", "cheapest", "--candidates", runDir.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no candidate 'cheapest'").contains("the candidates are least-cost");

        Files.writeString(runDir.resolve(CandidatesJson.INDEX), "{\"formatVersion\": 1, \"problem\": \"x\"}");
        Cli.Run broken = Cli.run("select", "least-cost", "--candidates", runDir.toString());
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.err()).contains("candidates.json: candidates: expected a list");

        Cli.Run badName = Cli.run("plan", "--fleet", STANDBY.toString(), "--candidates", "least-cost,cheapest", "--out", runDir.toString());
        assertThat(badName.exitCode()).isEqualTo(2);
        assertThat(badName.err()).contains("no candidate 'cheapest'").contains("stochastic");
        Cli.Run mixed = Cli.run("plan", "--fleet", STANDBY.toString(), "--candidates", "all", "--solver", "milp", "--out", runDir.toString());
        assertThat(mixed.exitCode()).isEqualTo(2);
        assertThat(mixed.err()).contains("--solver does not go with --candidates");
    }

    /** The LOLP column of the out-of-sample row of {@code plan}. */
    private static double lolpOf(String out, String plan) {
        String row = out.lines().filter(l -> l.strip().startsWith(plan + " ")).filter(l -> l.split("\\s+").length >= 9).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no out-of-sample row for " + plan + " in\n" + out));
        String[] cells = row.strip().split("\\s+");
        return Double.parseDouble(cells[6]);
    }
}
