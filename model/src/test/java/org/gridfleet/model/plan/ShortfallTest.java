package org.gridfleet.model.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.gridfleet.model.Tolerance;
import org.junit.jupiter.api.Test;

class ShortfallTest {

    @Test
    void missingIsRequiredMinusDelivered() {
        // 500 − 420 = 80
        assertThat(new Shortfall(3, Shortfall.Kind.DEMAND, 500, 420).missingKw()).isCloseTo(80, within(Tolerance.POWER_KW));
        // 150 − 0 = 150
        assertThat(new Shortfall(0, Shortfall.Kind.RESERVE, 150, 0).missingKw()).isCloseTo(150, within(Tolerance.POWER_KW));
    }

    @Test
    void deliveredEqualToRequiredIsRejected() {
        assertThatThrownBy(() -> new Shortfall(3, Shortfall.Kind.DEMAND, 500, 500))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delivered < required");
    }

    @Test
    void deliveredAboveRequiredIsRejected() {
        assertThatThrownBy(() -> new Shortfall(3, Shortfall.Kind.DEMAND, 500, 520)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nonNumericAmountsAreRejected() {
        assertThatThrownBy(() -> new Shortfall(3, Shortfall.Kind.DEMAND, Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Shortfall(3, Shortfall.Kind.DEMAND, 500, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeIntervalIsRejected() {
        assertThatThrownBy(() -> new Shortfall(-1, Shortfall.Kind.DEMAND, 500, 420)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingKindIsRejected() {
        assertThatThrownBy(() -> new Shortfall(3, null, 500, 420)).isInstanceOf(NullPointerException.class).hasMessage("kind");
    }
}
