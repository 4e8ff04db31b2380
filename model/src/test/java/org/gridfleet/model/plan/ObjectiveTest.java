package org.gridfleet.model.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ObjectiveTest {

    @Test
    void singleObjectiveIsDescribedByItsName() {
        assertThat(Objective.of(ObjectiveKind.COST).describe()).isEqualTo("cost");
        assertThat(Objective.of(ObjectiveKind.EMISSIONS).describe()).isEqualTo("emissions");
    }

    @Test
    void singleObjectiveHasWeightOne() {
        assertThat(Objective.of(ObjectiveKind.REVENUE).weights()).containsExactly(Map.entry(ObjectiveKind.REVENUE, 1.0));
    }

    @Test
    void weightedObjectiveListsKindsInDeclarationOrderWithWeights() {
        Map<ObjectiveKind, Double> weights = new LinkedHashMap<>();
        weights.put(ObjectiveKind.EMISSIONS, 0.3);
        weights.put(ObjectiveKind.COST, 0.7);

        // COST is declared before EMISSIONS, whatever the insertion order
        assertThat(new Objective(weights).describe()).isEqualTo("cost×0.7 + emissions×0.3");
    }

    @Test
    void threeWeightsAreJoinedWithPlus() {
        Objective o = new Objective(Map.of(ObjectiveKind.RELIABILITY, 0.2, ObjectiveKind.COST, 0.5, ObjectiveKind.EFFICIENCY, 0.3));

        assertThat(o.describe()).isEqualTo("cost×0.5 + efficiency×0.3 + reliability×0.2");
    }

    @Test
    void objectivesWithEqualWeightsAreEqual() {
        assertThat(new Objective(Map.of(ObjectiveKind.COST, 1.0))).isEqualTo(Objective.of(ObjectiveKind.COST));
    }

    @Test
    void emptyObjectiveIsRejected() {
        assertThatThrownBy(() -> new Objective(Map.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    }

    @Test
    void nonPositiveOrNonFiniteWeightIsRejected() {
        for (double weight : new double[] {0, -0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new Objective(Map.of(ObjectiveKind.COST, 0.5, ObjectiveKind.EMISSIONS, weight)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EMISSIONS");
        }
    }

    @ParameterizedTest
    @EnumSource(ObjectiveKind.class)
    void describeIsTheSameInEveryLocale(ObjectiveKind kind) {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(Objective.of(kind).describe()).isEqualTo(kind.name().toLowerCase(Locale.ROOT));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void parseReadsOneKindInAnyCase() {
        assertThat(Objective.parse("emissions")).isEqualTo(Objective.of(ObjectiveKind.EMISSIONS));
        assertThat(Objective.parse(" Cost ")).isEqualTo(Objective.of(ObjectiveKind.COST));
    }

    @Test
    void parseReadsWeights() {
        Objective o = Objective.parse("cost=0.7, emissions=0.3");

        assertThat(o.weights()).containsOnly(Map.entry(ObjectiveKind.COST, 0.7), Map.entry(ObjectiveKind.EMISSIONS, 0.3));
        assertThat(o.weight(ObjectiveKind.REVENUE)).isZero();
    }

    @Test
    void parseGivesAnUnweightedKindWeightOne() {
        assertThat(Objective.parse("cost,reliability=2").weights())
                .containsOnly(Map.entry(ObjectiveKind.COST, 1.0), Map.entry(ObjectiveKind.RELIABILITY, 2.0));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "profit|unknown objective 'profit'",
        "cost=abc|weight of cost in 'cost=abc' must be a positive number: 'abc'",
        "cost=0|must be a positive number: '0'",
        "cost=-1|must be a positive number",
        "cost=NaN|must be a positive number",
        "cost,cost=2|names cost twice",
        "cost=1=2|cannot read 'cost=1=2'",
        "cost,|unknown objective ''",
        "'   '|empty objective"})
    void parseRejectsWithAMessageNamingThePart(String text, String message) {
        assertThatThrownBy(() -> Objective.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message).hasMessageContaining(text.isBlank() ? "expected one of" : "");
    }

    @Test
    void parseRejectsNull() {
        assertThatThrownBy(() -> Objective.parse(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected one of cost");
    }
}
