package org.gridfleet.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GeoLocationTest {

    @Test
    void polesAndDateLineAreValid() {
        assertThat(new GeoLocation(-90, -180).latitudeDeg()).isEqualTo(-90);
        assertThat(new GeoLocation(90, 180).longitudeDeg()).isEqualTo(180);
    }

    @Test
    void coordinatesOffTheGlobeAreRejected() {
        assertThatThrownBy(() -> new GeoLocation(90.1, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latitudeDeg");
        assertThatThrownBy(() -> new GeoLocation(0, -180.1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longitudeDeg");
        assertThatThrownBy(() -> new GeoLocation(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
