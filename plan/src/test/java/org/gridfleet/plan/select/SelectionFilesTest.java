package org.gridfleet.plan.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridfleet.plan.select.Candidates.candidate;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.gridfleet.plan.candidates.CandidateSet;
import org.gridfleet.plan.io.CandidatesJson;
import org.junit.jupiter.api.Test;

/** The files of a candidates run ({@link CandidatesJson}): what is written is read back, and broken files say where. */
class SelectionFilesTest {
    private static final CandidateSet SET = new CandidateSet("test", true, List.of(
            candidate("risky", 900, 500, 0, 0.01, 0),
            candidate("cheap", 1000, 450, 0, 0.0008, 0)));
    private static final Selection RULES = new RuleSelector(RuleSet.read(Path.of("../examples/rules/default.yaml"))).select(SET);

    @Test
    void theIndexKeepsTheCandidatesInOrderAndTheRulesVerdicts() {
        CandidatesJson.Index index = CandidatesJson.readIndex(CandidatesJson.writeIndex(SET, RULES));

        assertThat(index.problem()).isEqualTo("test");
        assertThat(index.hasNetwork()).isTrue();
        assertThat(index.candidates()).extracting(CandidatesJson.Entry::name).containsExactly("risky", "cheap");
        assertThat(index.entry("cheap").orElseThrow().file()).isEqualTo("cheap.json");
        assertThat(index.rules().selectedBy()).isEqualTo(new Selection.SelectedBy.Rules("default"));
        assertThat(index.rules().chosen()).contains("cheap");
        assertThat(index.rules().reason()).isEqualTo(RULES.reason());
        assertThat(index.rules().verdicts()).extracting(Selection.Verdict::outcome).containsExactly(Selection.Outcome.REJECTED, Selection.Outcome.CHOSEN);
        assertThat(index.rules().verdict("risky").orElseThrow().explanation()).isEqualTo(RULES.verdict("risky").orElseThrow().explanation());
        assertThat(index.rules().verdict("risky").orElseThrow().rule()).isEqualTo(1);
    }

    @Test
    void theStandingChoiceSaysWhoWhenAndWhetherItOverridesTheRules() {
        Selection byAlice = Selection.byOperator("alice", SET, "risky", "the risk is priced in");
        CandidatesJson.Chosen chosen = new CandidatesJson.Chosen("test", Instant.parse("2026-11-23T08:00:00Z"), "risky.json", true, byAlice);

        CandidatesJson.Chosen back = CandidatesJson.readChosen(CandidatesJson.writeChosen(chosen));
        assertThat(back.at()).isEqualTo(chosen.at());
        assertThat(back.file()).isEqualTo("risky.json");
        assertThat(back.overridesRules()).isTrue();
        assertThat(back.selection().selectedBy()).isEqualTo(new Selection.SelectedBy.Operator("alice"));
        assertThat(back.selection().chosen()).contains("risky");
        assertThat(back.selection().verdict("risky").orElseThrow().explanation()).isEqualTo("chosen by operator alice: the risk is priced in");

        Selection none = new RuleSelector(RuleSet.parse("""
                name: strict
                rules:
                  - reject: lolp > 0
                    because: any risk
                  - prefer: totalCost
                """, "strict")).select(SET);
        assertThat(CandidatesJson.readIndex(CandidatesJson.writeIndex(SET, none)).rules().chosen()).isEmpty();
    }

    @Test
    void brokenFilesNameTheField() {
        assertThatThrownBy(() -> CandidatesJson.readIndex("[1, 2]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> CandidatesJson.readIndex("{\"formatVersion\": 2}")).hasMessageContaining("formatVersion: expected 1");
        assertThatThrownBy(() -> CandidatesJson.readIndex("{oops")).hasMessageContaining("not valid JSON");
        String index = CandidatesJson.writeIndex(SET, RULES);
        assertThatThrownBy(() -> CandidatesJson.readIndex(index.replace("\"pareto\" : true", "\"pareto\" : \"yes\"")))
                .hasMessageContaining("candidates[0].pareto: expected true or false");
        assertThatThrownBy(() -> CandidatesJson.readIndex(index.replace("\"outcome\" : \"chosen\"", "\"outcome\" : \"maybe\"")))
                .hasMessageContaining("rules.verdicts[1].outcome: expected chosen, kept or rejected, not maybe");
        String chosen = CandidatesJson.writeChosen(new CandidatesJson.Chosen("test", Instant.EPOCH, "cheap.json", false, RULES));
        assertThatThrownBy(() -> CandidatesJson.readChosen(chosen.replace("1970-01-01T00:00:00Z", "yesterday")))
                .hasMessageContaining("at: not an instant");
    }
}
