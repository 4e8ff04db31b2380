package org.gridfleet.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SampleTest {

    @Test
    void nonFiniteValueIsRejectedNamingItsTime() {
        assertThatThrownBy(() -> new Sample(Instant.parse("2024-06-01T10:00:00Z"), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2024-06-01T10:00:00Z");
    }

    @Test
    void missingTimeIsRejected() {
        assertThatThrownBy(() -> new Sample(null, 1)).isInstanceOf(NullPointerException.class).hasMessage("time");
    }
}
