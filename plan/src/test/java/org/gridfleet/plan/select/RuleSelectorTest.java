package org.gridfleet.plan.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.gridfleet.plan.select.Candidates.candidate;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.gridfleet.plan.candidates.CandidateSet;
import org.gridfleet.plan.select.Selection.Outcome;
import org.gridfleet.plan.select.Selection.SelectedBy;
import org.gridfleet.plan.select.Selection.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The default rules on candidates with made-up figures, one for each way of being rejected:
 *
 * <pre>
 *   candidate   totalCost  co2Kg  unservedKwh   lolp    networkViolations   verdict
 *   risky          900      500       0        0.01          0              rule 1: lolp above 0.1 %
 *   congested      950      500       0        0.0005        3              rule 2: network limits
 *   short          980      500      12        0.0005        0              rule 3: unserved energy
 *   dear          1200      300       0        0.0001        0              kept, 2nd by totalCost
 *   cheap         1000      450       0        0.0008        0              chosen: least totalCost
 * </pre>
 */
class RuleSelectorTest {
    private final RuleSelector selector = new RuleSelector(RuleSet.read(Path.of("../examples/rules/default.yaml")));

    private CandidateSet five() {
        return new CandidateSet("test", true, List.of(
                candidate("risky", 900, 500, 0, 0.01, 0),
                candidate("congested", 950, 500, 0, 0.0005, 3),
                candidate("short", 980, 500, 12, 0.0005, 0),
                candidate("dear", 1200, 300, 0, 0.0001, 0),
                candidate("cheap", 1000, 450, 0, 0.0008, 0)));
    }

    @Test
    void eachRuleRejectsWithItsReasonAndTheFiguresThatMadeItSo() {
        Selection s = selector.select(five());

        assertThat(s.selectedBy()).isEqualTo(new SelectedBy.Rules("default"));
        assertThat(s.chosen()).contains("cheap");
        assertThat(s.verdicts()).extracting(Verdict::candidate).containsExactly("risky", "congested", "short", "dear", "cheap");
        assertThat(s.verdicts()).extracting(Verdict::outcome)
                .containsExactly(Outcome.REJECTED, Outcome.REJECTED, Outcome.REJECTED, Outcome.KEPT, Outcome.CHOSEN);
        assertThat(s.verdicts()).extracting(Verdict::rule).containsExactly(1, 2, 3, 4, 4);

        Verdict risky = s.verdict("risky").orElseThrow();
        assertThat(risky.explanation())
                .isEqualTo("rejected by rule 1 (reject: lolp > 0.001): loss-of-load probability above 0.1 % — lolp = 0.01");
        assertThat(risky.values()).containsExactly(entry("lolp", 0.01));
        assertThat(s.verdict("congested").orElseThrow().explanation())
                .isEqualTo("rejected by rule 2 (reject: networkViolations > 0): the plan breaks a network limit — networkViolations = 3");
        assertThat(s.verdict("short").orElseThrow().explanation())
                .isEqualTo("rejected by rule 3 (reject: unservedKwh > 0): the plan leaves demand unserved — unservedKwh = 12");
        assertThat(s.verdict("dear").orElseThrow().explanation())
                .isEqualTo("kept, not chosen: passed every reject rule; totalCost = 1200, 2nd of 2 by rule 4 (prefer: totalCost)");
        assertThat(s.verdict("cheap").orElseThrow().explanation())
                .isEqualTo("chosen by rule 4 (prefer: totalCost): totalCost = 1000, the least of 2 plans kept — least cost");
        assertThat(s.verdict("cheap").orElseThrow().preference()).isEqualTo(OptionalDouble.of(1000));
        assertThat(s.reason()).isEqualTo("cheap chosen by rules 'default': the least totalCost (1000) of 2 plans kept, 3 rejected");
    }

    @Test
    void whenEveryPlanIsRejectedNoneIsChosenAndTheReasonSaysWhy() {
        CandidateSet allBad = new CandidateSet("test", true, List.of(
                candidate("risky", 900, 500, 0, 0.01, 0),
                candidate("congested", 950, 500, 0, 0.0005, 3)));

        Selection s = selector.select(allBad);

        assertThat(s.chosen()).isEmpty();
        assertThat(s.verdicts()).extracting(Verdict::outcome).containsOnly(Outcome.REJECTED);
        assertThat(s.reason()).isEqualTo("no plan chosen by rules 'default': every plan was rejected — risky by rule 1 "
                + "(loss-of-load probability above 0.1 %); congested by rule 2 (the plan breaks a network limit)");
    }

    @Test
    void aFigureThePlanLacksRejectsItAndSaysWhichAndWhy() {
        CandidateSet set = new CandidateSet("test", true, List.of(
                candidate("unassessed", 900, 500, 0, null, 0),
                candidate("no-network-check", 950, 500, 0, 0.0001, null),
                candidate("cheap", 1000, 450, 0, 0.0008, 0)));

        Selection s = selector.select(set);

        assertThat(s.chosen()).contains("cheap");
        assertThat(s.verdict("unassessed").orElseThrow().explanation()).isEqualTo(
                "rejected by rule 1 (reject: lolp > 0.001): cannot judge — lolp is unknown: the plan's reliability was not assessed");
        assertThat(s.verdict("unassessed").orElseThrow().values()).containsEntry("lolp", null);
        assertThat(s.verdict("no-network-check").orElseThrow().explanation()).isEqualTo(
                "rejected by rule 2 (reject: networkViolations > 0): cannot judge — networkViolations is unknown: the plan's network was not assessed");
    }

    @Test
    void withoutANetworkThereAreNoViolationsToCount() {
        CandidateSet set = new CandidateSet("test", false, List.of(candidate("plain", 900, 500, 0, 0.0001, null)));

        Selection s = selector.select(set);

        assertThat(s.chosen()).contains("plain");
        assertThat(PlanVariables.of(set.candidates().getFirst(), false)).containsEntry("networkViolations", 0.0).containsEntry("worstLoading", null);
    }

    @Test
    void tiesGoToTheFirstNameAndMaximiseChoosesTheGreatest() {
        RuleSet cheapest = RuleSet.parse("name: cheapest\nrules:\n  - prefer: totalCost\n", "cheapest.yaml");
        CandidateSet tied = new CandidateSet("test", false, List.of(
                candidate("zulu", 1000, 400, 0, 0.0, null), candidate("alpha", 1000, 450, 0, 0.0, null), candidate("mike", 1001, 300, 0, 0.0, null)));

        Selection s = new RuleSelector(cheapest).select(tied);

        assertThat(s.chosen()).contains("alpha");
        assertThat(s.verdict("alpha").orElseThrow().explanation()).contains("(tied with zulu; the first by name)");

        RuleSet greenest = RuleSet.parse("name: greenest\nrules:\n  - maximise: -co2Kg\n    because: least CO2\n", "greenest.yaml");
        assertThat(new RuleSelector(greenest).select(tied).chosen()).contains("mike");
    }

    @Test
    void conditionsCombineFiguresWithArithmeticAndLogic() {
        RuleSet rules = RuleSet.parse("""
                name: combined
                rules:
                  - reject: "!pareto && name != 'cheap'"
                    because: dominated
                  - reject: co2Kg / totalCost > 0.45 || demandShortfallIntervals / 96 > 0
                    because: too much CO2 per dollar
                  - prefer: totalCost + 0.05 * co2Kg
                """, "combined.yaml");
        var dominated = candidate("dominated", 800, 100, 0, 0.0, null);
        dominated = new org.gridfleet.plan.candidates.Candidate(dominated.names(), dominated.plan(), dominated.metrics(), 0, false, List.of("x"));
        CandidateSet set = new CandidateSet("test", false, List.of(dominated, candidate("cheap", 1000, 460, 0, 0.0, null),
                candidate("clean", 1010, 300, 0, 0.0, null)));

        Selection s = new RuleSelector(rules).select(set);

        assertThat(s.verdict("dominated").orElseThrow().explanation()).endsWith("dominated — pareto = false, name = 'dominated'");
        assertThat(s.verdict("cheap").orElseThrow().explanation())
                .endsWith("too much CO2 per dollar — co2Kg = 460, totalCost = 1000, demandShortfallIntervals = 0");
        assertThat(s.chosen()).contains("clean");
        assertThat(s.verdict("clean").orElseThrow().preference()).isEqualTo(OptionalDouble.of(1010 + 0.05 * 300));
    }

    @Test
    void textMatchingAndWordOperatorsWork() {
        RuleSet rules = RuleSet.parse("""
                name: words
                rules:
                  - reject: name =^ 'old' or name =$ '-test' or name =~ '.*legacy.*'
                    because: not one of ours
                  - reject: not feasible and status != 'heuristic' and generator == null
                    because: never true here
                  - prefer: "feasible ? totalCost : totalCost * 2"
                """, "words.yaml");
        CandidateSet set = new CandidateSet("test", false, List.of(candidate("old-unit", 1, 0, 0, 0.0, null),
                candidate("unit-test", 2, 0, 0, 0.0, null), candidate("my-legacy-plan", 3, 0, 0, 0.0, null), candidate("new", 4, 0, 0, 0.0, null)));

        Selection s = new RuleSelector(rules).select(set);

        assertThat(s.verdicts()).extracting(Verdict::outcome).containsExactly(Outcome.REJECTED, Outcome.REJECTED, Outcome.REJECTED, Outcome.CHOSEN);
        assertThat(s.verdict("new").orElseThrow().preference()).isEqualTo(OptionalDouble.of(4));
    }

    @Test
    void arithmeticThatFailsCannotJudgeThePlan() {
        RuleSet rules = RuleSet.parse("name: ratio\nrules:\n  - reject: co2Kg / totalCost > 1\n    because: dirty\n  - prefer: totalCost\n", "r.yaml");
        CandidateSet set = new CandidateSet("test", false, List.of(candidate("free", 0, 10, 0, 0.0, null)));

        Selection s = new RuleSelector(rules).select(set);

        assertThat(s.chosen()).isEmpty();
        assertThat(s.verdict("free").orElseThrow().explanation()).startsWith("rejected by rule 1 (reject: co2Kg / totalCost > 1): cannot judge — ");
    }

    @Test
    void anOperatorsChoiceSaysWhoChose() {
        Selection s = Selection.byOperator("alice", five(), "dear", "cleanest of the safe ones");

        assertThat(s.selectedBy()).isEqualTo(new SelectedBy.Operator("alice"));
        assertThat(s.selectedBy().describe()).isEqualTo("operator alice");
        assertThat(s.chosen()).contains("dear");
        assertThat(s.verdict("dear").orElseThrow().explanation()).isEqualTo("chosen by operator alice: cleanest of the safe ones");
        assertThat(s.verdict("cheap").orElseThrow().outcome()).isEqualTo(Outcome.KEPT);
        assertThatThrownBy(() -> Selection.byOperator("alice", five(), "nonesuch", "")).hasMessageContaining("no candidate named nonesuch");
    }
}
