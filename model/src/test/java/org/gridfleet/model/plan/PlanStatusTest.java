package org.gridfleet.model.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanStatusTest {
    private static final PlanStatus INFEASIBLE = new PlanStatus.Infeasible("not enough capacity",
            List.of(new Shortfall(2, Shortfall.Kind.DEMAND, 500, 420)));

    @Test
    void labelIsOneLowerCaseWordPerStatus() {
        assertThat(new PlanStatus.Optimal().label()).isEqualTo("optimal");
        assertThat(new PlanStatus.Feasible(0.001).label()).isEqualTo("feasible");
        assertThat(new PlanStatus.Heuristic().label()).isEqualTo("heuristic");
        assertThat(INFEASIBLE.label()).isEqualTo("infeasible");
    }

    @Test
    void onlyInfeasiblePlansMissRequirements() {
        assertThat(new PlanStatus.Optimal().meetsRequirements()).isTrue();
        assertThat(new PlanStatus.Feasible(0.001).meetsRequirements()).isTrue();
        assertThat(new PlanStatus.Heuristic().meetsRequirements()).isTrue();
        assertThat(INFEASIBLE.meetsRequirements()).isFalse();
    }

    @Test
    void infeasibleCopiesItsShortfalls() {
        List<Shortfall> shortfalls = new ArrayList<>();
        PlanStatus.Infeasible status = new PlanStatus.Infeasible("reserve", shortfalls);

        shortfalls.add(new Shortfall(0, Shortfall.Kind.RESERVE, 100, 50));

        assertThat(status.shortfalls()).isEmpty();
        assertThatThrownBy(() -> status.shortfalls().add(new Shortfall(0, Shortfall.Kind.RESERVE, 100, 50)))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
