package org.gridfleet.model.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A window [08:00, 12:00) on 2024-06-01. */
class MaintenanceWindowTest {
    private static final MaintenanceWindow WINDOW = new MaintenanceWindow(at("08:00"), at("12:00"), "inspection");

    private static Instant at(String hhmm) {
        return Instant.parse("2024-06-01T" + hhmm + ":00Z");
    }

    @Test
    void intervalsInsideOrAcrossTheWindowOverlap() {
        assertThat(WINDOW.overlaps(at("09:00"), at("10:00"))).isTrue();
        assertThat(WINDOW.overlaps(at("07:00"), at("08:15"))).isTrue();
        assertThat(WINDOW.overlaps(at("11:45"), at("13:00"))).isTrue();
        assertThat(WINDOW.overlaps(at("00:00"), at("23:00"))).isTrue();
    }

    @Test
    void intervalsThatOnlyTouchTheWindowDoNotOverlap() {
        // [07:00, 08:00) ends where the window starts; [12:00, 13:00) starts where it ends
        assertThat(WINDOW.overlaps(at("07:00"), at("08:00"))).isFalse();
        assertThat(WINDOW.overlaps(at("12:00"), at("13:00"))).isFalse();
    }

    @Test
    void windowThatDoesNotEndAfterItStartsIsRejected() {
        assertThatThrownBy(() -> new MaintenanceWindow(at("12:00"), at("12:00"), "none")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MaintenanceWindow(at("12:00"), at("08:00"), "none")).isInstanceOf(IllegalArgumentException.class);
    }
}
