package org.gridfleet.plan.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Dominance over (total cost, CO2, EENS), each the less the better. */
class ParetoTest {
    private static final Pareto.Tolerance TOLERANCE = Pareto.Tolerance.DEFAULT;

    @Test
    void noWorseInAllAndBetterInOneDominates() {
        assertThat(Pareto.dominates(new double[] {10, 5, 1}, new double[] {10, 6, 1}, TOLERANCE)).isTrue();
        assertThat(Pareto.dominates(new double[] {10, 6, 1}, new double[] {10, 5, 1}, TOLERANCE)).isFalse();
        // better in one, worse in another: neither dominates
        assertThat(Pareto.dominates(new double[] {9, 6, 1}, new double[] {10, 5, 1}, TOLERANCE)).isFalse();
        assertThat(Pareto.dominates(new double[] {10, 5, 1}, new double[] {9, 6, 1}, TOLERANCE)).isFalse();
    }

    @Test
    void equalPointsDoNotDominateEachOther() {
        assertThat(Pareto.dominates(new double[] {10, 5, 1}, new double[] {10, 5, 1}, TOLERANCE)).isFalse();
    }

    @Test
    void differencesWithinTheToleranceAreTies() {
        // 1000 against 1000.0005: within one part in a million, a tie; the other figures equal: no dominance
        assertThat(Pareto.dominates(new double[] {1000, 5, 1}, new double[] {1000.0005, 5, 1}, TOLERANCE)).isFalse();
        // and a tie in cost does not stop a real difference elsewhere from counting
        assertThat(Pareto.dominates(new double[] {1000.0005, 4, 1}, new double[] {1000, 5, 1}, TOLERANCE)).isTrue();
        assertThat(Pareto.dominates(new double[] {1000, 5, 1}, new double[] {1000.0005, 5, 1}, new Pareto.Tolerance(0, 0))).isTrue();
    }
}
