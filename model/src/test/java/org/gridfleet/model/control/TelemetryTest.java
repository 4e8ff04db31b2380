package org.gridfleet.model.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.OptionalDouble;
import org.gridfleet.model.AssetId;
import org.junit.jupiter.api.Test;

class TelemetryTest {
    private static final AssetId BAT = AssetId.of("BAT-1");
    private static final Instant NOW = Instant.parse("2024-06-01T10:00:00Z");

    private static Telemetry reading(double powerKw, OptionalDouble soc) {
        return new Telemetry(BAT, NOW, powerKw, soc, OperatingState.RUNNING);
    }

    @Test
    void socFromZeroToOneIsAccepted() {
        assertThat(reading(-20, OptionalDouble.of(0)).socFraction()).hasValue(0.0);
        assertThat(reading(-20, OptionalDouble.of(0.5)).socFraction()).hasValue(0.5);
        assertThat(reading(-20, OptionalDouble.of(1)).socFraction()).hasValue(1.0);
    }

    @Test
    void socOutsideZeroToOneIsRejectedNamingTheDevice() {
        for (double soc : new double[] {-0.01, 1.01, Double.NaN}) {
            assertThatThrownBy(() -> reading(0, OptionalDouble.of(soc)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BAT-1").hasMessageContaining("socFraction");
        }
    }

    @Test
    void deviceWithoutStorageReportsNoSoc() {
        assertThat(new Telemetry(AssetId.of("GEN-1"), NOW, 120, OptionalDouble.empty(), OperatingState.RUNNING).socFraction()).isEmpty();
    }

    @Test
    void nonFinitePowerIsRejected() {
        assertThatThrownBy(() -> reading(Double.POSITIVE_INFINITY, OptionalDouble.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("powerKw");
    }

    @Test
    void reactivePowerIsOptionalAndMustBeFinite() {
        assertThat(reading(120, OptionalDouble.empty()).kvar()).isEmpty();
        assertThat(new Telemetry(BAT, NOW, 120, OptionalDouble.empty(), OperatingState.RUNNING, OptionalDouble.of(-40)).kvar()).hasValue(-40.0);
        assertThatThrownBy(() -> new Telemetry(BAT, NOW, 120, OptionalDouble.empty(), OperatingState.RUNNING, OptionalDouble.of(Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BAT-1").hasMessageContaining("kvar");
    }
}
