package org.gridfleet.model.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DataFlagTest {

    @Test
    void singleIntervalRangeIsAccepted() {
        assertThat(new DataFlag("demand EU-17", 4, 4, DataFlag.Kind.FILLED, "linear").toInterval()).isEqualTo(4);
    }

    @Test
    void invertedOrNegativeRangeIsRejected() {
        assertThatThrownBy(() -> new DataFlag("demand EU-17", 5, 4, DataFlag.Kind.FILLED, "linear"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5..4");
        assertThatThrownBy(() -> new DataFlag("demand EU-17", -1, 4, DataFlag.Kind.SUBSTITUTED, "zero"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
