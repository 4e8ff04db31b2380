package org.gridfleet.model.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridfleet.model.TestAssets.info;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RenewableTest {

    @ParameterizedTest
    @EnumSource(value = DeviceType.class, names = {"PHOTOVOLTAIC", "WIND_TURBINE"})
    void weatherDrivenTypesMakeARenewable(DeviceType type) {
        Renewable r = new Renewable(info("RE-1", type, 150), false);

        assertThat(r.type()).isEqualTo(type);
        assertThat(r.ratedPowerKw()).isEqualTo(150);
        assertThat(r.curtailable()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = DeviceType.class, names = {"PHOTOVOLTAIC", "WIND_TURBINE"}, mode = EnumSource.Mode.EXCLUDE)
    void typeOfAnotherCategoryIsRejected(DeviceType type) {
        assertThatThrownBy(() -> new Renewable(info("RE-1", type, 150), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RE-1").hasMessageContaining(type.fileName()).hasMessageContaining("not a renewable");
    }
}
