package org.gridfleet.model.asset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeviceTypeTest {

    @ParameterizedTest
    @EnumSource(DeviceType.class)
    void fileNameRoundTrips(DeviceType type) {
        assertThat(DeviceType.fromFileName(type.fileName())).contains(type);
    }

    @Test
    void unknownOrDifferentlySpelledFileNameIsEmpty() {
        assertThat(DeviceType.fromFileName("diesel")).isEmpty();
        assertThat(DeviceType.fromFileName("RECIPROCATING_ENGINE")).isEmpty();
        assertThat(DeviceType.fromFileName(null)).isEmpty();
    }

    @Test
    void nineTypesFallIntoFourGeneratorsTwoRenewablesAndThreeStorage() {
        assertThat(Arrays.stream(DeviceType.values()).filter(t -> t.category() == AssetCategory.DISPATCHABLE_GENERATOR))
                .containsExactlyInAnyOrder(DeviceType.EMERGENCY_GENERATOR, DeviceType.FUEL_CELL, DeviceType.RECIPROCATING_ENGINE, DeviceType.MICROTURBINE);
        assertThat(Arrays.stream(DeviceType.values()).filter(t -> t.category() == AssetCategory.RENEWABLE))
                .containsExactlyInAnyOrder(DeviceType.PHOTOVOLTAIC, DeviceType.WIND_TURBINE);
        assertThat(Arrays.stream(DeviceType.values()).filter(t -> t.category() == AssetCategory.STORAGE))
                .containsExactlyInAnyOrder(DeviceType.BATTERY, DeviceType.SMES, DeviceType.FLYWHEEL);
    }

    @ParameterizedTest
    @EnumSource(DeviceType.class)
    void onlyGeneratorsHaveAnElectricalEfficiencyAndItIsPlausible(DeviceType type) {
        if (type.category() == AssetCategory.DISPATCHABLE_GENERATOR) {
            assertThat(type.typicalElectricalEfficiency()).isBetween(0.2, 0.6);
        } else {
            assertThat(type.typicalElectricalEfficiency()).isZero();
        }
    }
}
