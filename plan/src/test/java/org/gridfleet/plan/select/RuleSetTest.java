package org.gridfleet.plan.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading rules files: the example, and every kind of mistake named with its line and rule. */
class RuleSetTest {
    private static final String HEAD = """
            name: test
            rules:
              - reject: lolp > 0.001
                because: too risky
            """;

    @Test
    void readsTheDefaultRules() {
        RuleSet rules = RuleSet.read(Path.of("../examples/rules/default.yaml"));

        assertThat(rules.name()).isEqualTo("default");
        assertThat(rules.rules()).extracting(Rule::kind).containsExactly(Rule.Kind.REJECT, Rule.Kind.REJECT, Rule.Kind.REJECT, Rule.Kind.MINIMISE);
        assertThat(rules.rules()).extracting(Rule::expression).containsExactly("lolp > 0.001", "networkViolations > 0", "unservedKwh > 0", "totalCost");
        assertThat(rules.rules().getFirst().because()).isEqualTo("loss-of-load probability above 0.1 %");
        assertThat(rules.rules()).extracting(Rule::line).containsExactly(7, 9, 11, 13);
        assertThat(rules.preference().describe()).isEqualTo("rule 4 (prefer: totalCost)");
    }

    @Test
    void unknownVariableIsAnErrorNamingTheRuleAndItsLine() {
        String yaml = HEAD + """
                  - reject: lolpp > 0.001 || co2Kg > 5
                    because: a typo
                  - prefer: totalCost
                """;

        assertThatThrownBy(() -> RuleSet.parse(yaml, "typo.yaml")).isInstanceOfSatisfying(RuleSetException.class, e -> {
            assertThat(e.rule()).isEqualTo(2);
            assertThat(e.line()).isEqualTo(5);
            assertThat(e.source()).isEqualTo("typo.yaml");
        }).hasMessageStartingWith("rules file typo.yaml, line 5, rule 2: unknown variable 'lolpp' in 'lolpp > 0.001 || co2Kg > 5'")
                .hasMessageContaining("the variables are [name, generator, status");
    }

    @ParameterizedTest
    @ValueSource(strings = {"''.getClass() == null", "name.length() > 3", "name.class == null", "new('java.lang.Object') == null",
            "totalCost = 0", "[1, 2] == null", "var x = 1", "(x) -> x", "math:abs(totalCost) > 1"})
    void anythingButArithmeticOnTheFiguresIsRefusedWhenTheFileIsRead(String expression) {
        String yaml = HEAD + "  - reject: \"" + expression + "\"\n    because: sneaky\n  - prefer: totalCost\n";

        assertThatThrownBy(() -> RuleSet.parse(yaml, "sneaky.yaml")).isInstanceOfSatisfying(RuleSetException.class,
                e -> assertThat(e.rule()).isEqualTo(2)).hasMessageContaining("rule 2: ");
    }

    @Test
    void aMethodCallIsRefusedAsSuch() {
        String yaml = HEAD + "  - reject: \"''.getClass() == null\"\n    because: sneaky\n  - prefer: totalCost\n";

        assertThatThrownBy(() -> RuleSet.parse(yaml, "sneaky.yaml")).isInstanceOf(RuleSetException.class)
                .hasMessageContaining("line 5, rule 2: cannot use '''.getClass() == null'")
                .hasMessageContaining("no method calls").hasMessageContaining("method call error in '.getClass(...)'");
    }

    @Test
    void rejectMustBeAConditionAndThePreferenceANumber() {
        assertThatThrownBy(() -> RuleSet.parse(HEAD + "  - reject: totalCost\n    because: dear\n  - prefer: totalCost\n", "x.yaml"))
                .hasMessageContaining("rule 2: 'totalCost' must be a condition, true or false");
        assertThatThrownBy(() -> RuleSet.parse(HEAD + "  - prefer: pareto\n", "x.yaml"))
                .hasMessageContaining("rule 2: 'pareto' must give a number to minimise");
        assertThatThrownBy(() -> RuleSet.parse(HEAD + "  - maximise: name\n", "x.yaml"))
                .hasMessageContaining("rule 2: 'name' must give a number to maximise").hasMessageContaining("text 'sample'");
    }

    @Test
    void structuralMistakesAreNamed() {
        assertThatThrownBy(() -> RuleSet.parse(HEAD + "  - reject: co2Kg > 1\n  - prefer: totalCost\n", "x.yaml"))
                .hasMessageContaining("line 5, rule 2: 'reject: co2Kg > 1' needs 'because: <why>'");
        assertThatThrownBy(() -> RuleSet.parse(HEAD, "x.yaml"))
                .hasMessageContaining("line 3, rule 1: the last rule must be the preference");
        assertThatThrownBy(() -> RuleSet.parse(HEAD.replace("  - reject", "  - prefer: totalCost\n  - reject"), "x.yaml"))
                .hasMessageContaining("rule 2: comes after the preference (rule 1 (prefer: totalCost))");
        assertThatThrownBy(() -> RuleSet.parse(HEAD + "  - prefer: totalCost\n    rank: 1\n", "x.yaml"))
                .hasMessageContaining("line 5, rule 2: unknown key 'rank'");
        assertThatThrownBy(() -> RuleSet.parse(HEAD + "  - prefer: totalCost\n    maximise: savings\n", "x.yaml"))
                .hasMessageContaining("rule 2: one rule, one of reject, prefer or maximise");
        assertThatThrownBy(() -> RuleSet.parse(HEAD.replace("name: test\n", "") + "  - prefer: totalCost\n", "x.yaml"))
                .hasMessageContaining("missing 'name'");
        assertThatThrownBy(() -> RuleSet.parse(HEAD + "  - prefer: totalCost\nranking: cost\n", "x.yaml"))
                .hasMessageContaining("line 6: unknown field 'ranking'");
        assertThatThrownBy(() -> RuleSet.parse(HEAD + "  - reject: true\n    because: all\n  - prefer: totalCost\n", "x.yaml"))
                .hasMessageContaining("rule 2: 'reject' must be text, not boolean true");
        assertThatThrownBy(() -> RuleSet.parse("name: test\nrules: []\n", "x.yaml")).hasMessageContaining("line 2: no rules");
        assertThatThrownBy(() -> RuleSet.parse("", "empty.yaml")).hasMessageContaining("rules file empty.yaml").hasMessageContaining("expected a mapping");
        assertThatThrownBy(() -> RuleSet.parse("- prefer: totalCost\n", "list.yaml")).hasMessageContaining("line 1: expected a mapping");
        assertThatThrownBy(() -> RuleSet.parse("name: test\nrules:\n  - just text\n", "x.yaml"))
                .hasMessageContaining("line 3, rule 1: a rule is a mapping");
    }

    @Test
    void malformedYamlNamesItsLine() {
        String yaml = HEAD + "  - prefer: totalCost\n   because: [unclosed\n";

        assertThatThrownBy(() -> RuleSet.parse(yaml, "broken.yaml")).isInstanceOfSatisfying(RuleSetException.class,
                e -> assertThat(e.line()).isGreaterThanOrEqualTo(5)).hasMessageContaining("not valid YAML");
    }

    @Test
    void aKeyGivenTwiceIsAnError() {
        String yaml = HEAD + "  - prefer: totalCost\n    prefer: co2Kg\n";

        assertThatThrownBy(() -> RuleSet.parse(yaml, "twice.yaml")).isInstanceOf(RuleSetException.class).hasMessageContaining("prefer");
    }
}
