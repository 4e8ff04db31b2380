package org.gridfleet.model.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridfleet.model.TestAssets.info;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A 100 kW / 200 kWh battery, SOC 0.1..0.9. */
class StorageTest {
    private static final AssetInfo BATTERY = info("BAT-1", DeviceType.BATTERY, 100);

    private static Storage storage(AssetInfo info, double maxChargeKw, double maxDischargeKw, double minSoc, double maxSoc, double initialSoc) {
        return new Storage(info, 200, maxChargeKw, maxDischargeKw, 0.95, 0.95, 0.001, minSoc, maxSoc, initialSoc, 0.02);
    }

    /** SOC limits 0.1..0.9, starting at 0.5. */
    private static Storage withFinalSoc(double finalSoc) {
        return new Storage(BATTERY, 200, 100, 100, 0.95, 0.95, 0.001, 0.1, 0.9, 0.5, finalSoc, 0.02);
    }

    @ParameterizedTest
    @EnumSource(value = DeviceType.class, names = {"BATTERY", "SMES", "FLYWHEEL"})
    void storageTypesMakeStorage(DeviceType type) {
        assertThat(storage(info("ST-1", type, 100), 100, 100, 0.1, 0.9, 0.5).type()).isEqualTo(type);
    }

    @ParameterizedTest
    @EnumSource(value = DeviceType.class, names = {"BATTERY", "SMES", "FLYWHEEL"}, mode = EnumSource.Mode.EXCLUDE)
    void typeOfAnotherCategoryIsRejected(DeviceType type) {
        assertThatThrownBy(() -> storage(info("ST-1", type, 100), 100, 100, 0.1, 0.9, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(type.fileName()).hasMessageContaining("not storage");
    }

    @Test
    void initialSocAtItsLimitsIsAccepted() {
        assertThat(storage(BATTERY, 100, 100, 0.1, 0.9, 0.1).initialSoc()).isEqualTo(0.1);
        assertThat(storage(BATTERY, 100, 100, 0.1, 0.9, 0.9).initialSoc()).isEqualTo(0.9);
    }

    @Test
    void initialSocOutsideLimitsIsRejected() {
        assertThatThrownBy(() -> storage(BATTERY, 100, 100, 0.1, 0.9, 0.05))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialSoc").hasMessageContaining("0.05");
        assertThatThrownBy(() -> storage(BATTERY, 100, 100, 0.1, 0.9, 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialSoc");
    }

    @Test
    void finalSocDefaultsToTheInitialSoc() {
        Storage s = storage(BATTERY, 100, 100, 0.1, 0.9, 0.3);

        assertThat(s.finalSoc()).isEqualTo(0.3);
    }

    @Test
    void defaultFinalSocIsTheInitialSocClampedIntoTheLimits() {
        assertThat(Storage.defaultFinalSoc(0.5, 0.1, 0.9)).isEqualTo(0.5);
        assertThat(Storage.defaultFinalSoc(0.05, 0.1, 0.9)).isEqualTo(0.1);
        assertThat(Storage.defaultFinalSoc(0.95, 0.1, 0.9)).isEqualTo(0.9);
    }

    @Test
    void finalSocAtItsLimitsIsAccepted() {
        assertThat(withFinalSoc(0.1).finalSoc()).isEqualTo(0.1);
        assertThat(withFinalSoc(0.9).finalSoc()).isEqualTo(0.9);
        assertThat(withFinalSoc(0.7).initialSoc()).isEqualTo(0.5);
    }

    @Test
    void finalSocOutsideLimitsIsRejected() {
        assertThatThrownBy(() -> withFinalSoc(0.05))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BAT-1").hasMessageContaining("finalSoc")
                .hasMessageContaining("0.05").hasMessageContaining("[0.1, 0.9]");
        assertThatThrownBy(() -> withFinalSoc(0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finalSoc");
    }

    @Test
    void finalSocThatIsNotFiniteIsRejected() {
        assertThatThrownBy(() -> withFinalSoc(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finalSoc").hasMessageContaining("NaN");
        assertThatThrownBy(() -> withFinalSoc(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finalSoc");
    }

    @Test
    void badInitialSocIsReportedAsSuchByTheConstructorWithoutFinalSoc() {
        // the default final SOC is derived from it; the message must still name the field that is wrong
        assertThatThrownBy(() -> storage(BATTERY, 100, 100, 0.1, 0.9, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialSoc");
        assertThatThrownBy(() -> storage(BATTERY, 100, 100, 0.8, 0.2, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minSoc <= maxSoc");
    }

    @Test
    void invertedSocLimitsAreRejected() {
        assertThatThrownBy(() -> storage(BATTERY, 100, 100, 0.8, 0.2, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minSoc <= maxSoc").hasMessageContaining("0.8, 0.2");
    }

    @Test
    void socLimitsOutsideZeroToOneAreRejected() {
        assertThatThrownBy(() -> storage(BATTERY, 100, 100, -0.1, 0.9, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage(BATTERY, 100, 100, 0.1, 1.1, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalSocLimitsPinTheState() {
        assertThat(storage(BATTERY, 100, 100, 0.5, 0.5, 0.5).maxSoc()).isEqualTo(0.5);
    }

    @Test
    void chargePowerAboveRatingIsRejected() {
        assertThatThrownBy(() -> storage(BATTERY, 100.1, 100, 0.1, 0.9, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BAT-1").hasMessageContaining("ratedPowerKw");
    }

    @Test
    void dischargePowerAboveRatingIsRejected() {
        assertThatThrownBy(() -> storage(BATTERY, 100, 120, 0.1, 0.9, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeChargePowerIsRejected() {
        assertThatThrownBy(() -> storage(BATTERY, -10, 100, 0.1, 0.9, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chargeAndDischargeBelowRatingAreAccepted() {
        Storage s = storage(BATTERY, 50, 80, 0.1, 0.9, 0.5);

        assertThat(s.maxChargeKw()).isEqualTo(50);
        assertThat(s.maxDischargeKw()).isEqualTo(80);
        assertThat(s.ratedPowerKw()).isEqualTo(100);
    }

    @Test
    void efficienciesOutsideZeroToOneAreRejected() {
        assertThatThrownBy(() -> new Storage(BATTERY, 200, 100, 100, 0, 0.95, 0, 0.1, 0.9, 0.5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("efficiencies");
        assertThatThrownBy(() -> new Storage(BATTERY, 200, 100, 100, 0.95, 1.05, 0, 0.1, 0.9, 0.5, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void selfDischargeOfOnePerHourOrMoreIsRejected() {
        assertThatThrownBy(() -> new Storage(BATTERY, 200, 100, 100, 0.95, 0.95, 1, 0.1, 0.9, 0.5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("selfDischargePerHour");
    }

    @Test
    void nonPositiveCapacityIsRejected() {
        assertThatThrownBy(() -> new Storage(BATTERY, 0, 100, 100, 0.95, 0.95, 0, 0.1, 0.9, 0.5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("energyCapacityKwh");
    }
}
