package org.gridfleet.model.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridfleet.model.TestAssets.info;

import org.gridfleet.model.AssetId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A 200 kW reciprocating engine, stable from 50 kW. */
class GeneratorTest {
    private static final CostCurve COST = new CostCurve.Quadratic(10, 0.1, 0);

    private static Generator engine(AssetInfo info, double minStablePowerKw, InitialState initial) {
        return new Generator(info, minStablePowerKw, 20, 20, 1, 1, StartUp.FREE_AND_INSTANT, initial, COST, RunHourLimit.NONE, 0.5);
    }

    @Test
    void generatorExposesItsInfo() {
        Generator g = engine(info("GEN-1", DeviceType.RECIPROCATING_ENGINE, 200), 50, InitialState.LONG_OFF);

        assertThat(g.id()).isEqualTo(AssetId.of("GEN-1"));
        assertThat(g.type()).isEqualTo(DeviceType.RECIPROCATING_ENGINE);
        assertThat(g.ratedPowerKw()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(value = DeviceType.class, names = {"EMERGENCY_GENERATOR", "FUEL_CELL", "RECIPROCATING_ENGINE", "MICROTURBINE"})
    void everyDispatchableTypeMakesAGenerator(DeviceType type) {
        assertThat(engine(info("GEN-1", type, 200), 50, InitialState.LONG_OFF).type()).isEqualTo(type);
    }

    @ParameterizedTest
    @EnumSource(value = DeviceType.class, names = {"PHOTOVOLTAIC", "WIND_TURBINE", "BATTERY", "SMES", "FLYWHEEL"})
    void typeOfAnotherCategoryIsRejected(DeviceType type) {
        assertThatThrownBy(() -> engine(info("GEN-1", type, 200), 50, InitialState.LONG_OFF))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GEN-1").hasMessageContaining(type.fileName()).hasMessageContaining("not a dispatchable generator");
    }

    @Test
    void minStablePowerAboveRatingIsRejected() {
        assertThatThrownBy(() -> engine(info("GEN-1", DeviceType.MICROTURBINE, 200), 200.5, InitialState.LONG_OFF))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minStablePowerKw").hasMessageContaining("200.5");
    }

    @Test
    void minStablePowerFromZeroToRatingIsAccepted() {
        AssetInfo info = info("GEN-1", DeviceType.MICROTURBINE, 200);

        assertThat(engine(info, 0, InitialState.LONG_OFF).minStablePowerKw()).isZero();
        assertThat(engine(info, 200, InitialState.LONG_OFF).minStablePowerKw()).isEqualTo(200);
    }

    @Test
    void negativeMinStablePowerIsRejected() {
        assertThatThrownBy(() -> engine(info("GEN-1", DeviceType.MICROTURBINE, 200), -1, InitialState.LONG_OFF))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void initialPowerAboveRatingIsRejected() {
        assertThatThrownBy(() -> engine(info("GEN-1", DeviceType.FUEL_CELL, 200), 50, new InitialState(true, 2, 250)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initial powerKw").hasMessageContaining("250.0");
    }

    @Test
    void nonPositiveRampRatesAreRejected() {
        AssetInfo info = info("GEN-1", DeviceType.FUEL_CELL, 200);
        assertThatThrownBy(() -> new Generator(info, 50, 0, 20, 1, 1, StartUp.FREE_AND_INSTANT, InitialState.LONG_OFF, COST, RunHourLimit.NONE, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ramp");
        assertThatThrownBy(() -> new Generator(info, 50, 20, -5, 1, 1, StartUp.FREE_AND_INSTANT, InitialState.LONG_OFF, COST, RunHourLimit.NONE, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ramp");
    }

    @Test
    void negativeUpOrDownTimeOrEmissionsAreRejected() {
        AssetInfo info = info("GEN-1", DeviceType.FUEL_CELL, 200);
        assertThatThrownBy(() -> new Generator(info, 50, 20, 20, -1, 1, StartUp.FREE_AND_INSTANT, InitialState.LONG_OFF, COST, RunHourLimit.NONE, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Generator(info, 50, 20, 20, 1, Double.POSITIVE_INFINITY, StartUp.FREE_AND_INSTANT, InitialState.LONG_OFF, COST, RunHourLimit.NONE, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Generator(info, 50, 20, 20, 1, 1, StartUp.FREE_AND_INSTANT, InitialState.LONG_OFF, COST, RunHourLimit.NONE, -0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("co2KgPerKwh");
    }

    @Test
    void offUnitWithOutputIsRejected() {
        assertThatThrownBy(() -> new InitialState(false, 3, 10)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 when off");
        assertThatThrownBy(() -> new InitialState(true, -1, 10)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hoursInState");
        assertThat(InitialState.LONG_OFF.on()).isFalse();
    }
}
