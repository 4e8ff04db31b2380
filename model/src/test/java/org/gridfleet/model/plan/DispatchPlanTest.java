package org.gridfleet.model.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.Tolerance;
import org.gridfleet.model.asset.DeviceType;
import org.junit.jupiter.api.Test;

/**
 * A three-hour plan:
 *
 * <pre>
 *   interval   GEN-1   BAT-1 (soc)    PV-1   combined
 *   00:00       100    −50 (0.6)       30       80
 *   01:00       200      0 (0.6)       40      240
 *   02:00       off     80 (0.4)       20      100
 * </pre>
 */
class DispatchPlanTest {
    private static final double KW = Tolerance.POWER_KW;
    private static final TimeGrid GRID = new TimeGrid(Instant.parse("2024-06-01T00:00:00Z"), Duration.ofHours(1), 3);

    private static final DeviceSchedule GEN = new DeviceSchedule(AssetId.of("GEN-1"), DeviceType.RECIPROCATING_ENGINE,
            Profile.of(100, 200, 0), List.of(true, true, false), Profile.zeros(0));
    private static final DeviceSchedule BAT = new DeviceSchedule(AssetId.of("BAT-1"), DeviceType.BATTERY,
            Profile.of(-50, 0, 80), List.of(true, false, true), Profile.of(0.6, 0.6, 0.4));
    private static final DeviceSchedule PV = new DeviceSchedule(AssetId.of("PV-1"), DeviceType.PHOTOVOLTAIC,
            Profile.of(30, 40, 20), List.of(true, true, true), Profile.zeros(0));

    private static DispatchPlan plan(List<DeviceSchedule> schedules, Profile importKw, Profile exportKw) {
        return new DispatchPlan("merit-order", Objective.of(ObjectiveKind.COST), new PlanStatus.Heuristic(), GRID, schedules, importKw, exportKw);
    }

    private static DispatchPlan plan() {
        return plan(List.of(GEN, BAT, PV), Profile.zeros(3), Profile.zeros(3));
    }

    @Test
    void combinedOutputAddsEveryDeviceWithChargingSubtracting() {
        // (100 − 50 + 30, 200 + 0 + 40, 0 + 80 + 20) = (80, 240, 100)
        assertThat(plan().combinedOutputKw().toArray()).containsExactly(new double[] {80, 240, 100}, within(KW));
    }

    @Test
    void combinedOutputOfAPlanWithoutDevicesIsZero() {
        assertThat(plan(List.of(), Profile.of(10, 20, 30), Profile.zeros(3)).combinedOutputKw()).isEqualTo(Profile.zeros(3));
    }

    @Test
    void scheduleIsFoundByAsset() {
        assertThat(plan().schedule(AssetId.of("BAT-1"))).contains(BAT);
        assertThat(plan().schedule(AssetId.of("GEN-1")).orElseThrow().committed()).containsExactly(true, true, false);
    }

    @Test
    void scheduleOfAnAssetNotInThePlanIsEmpty() {
        assertThat(plan().schedule(AssetId.of("WT-1"))).isEmpty();
    }

    @Test
    void scheduleOfWrongLengthIsRejected() {
        DeviceSchedule short2 = new DeviceSchedule(AssetId.of("FC-1"), DeviceType.FUEL_CELL, Profile.of(1, 2), List.of(true, true), Profile.zeros(0));

        assertThatThrownBy(() -> plan(List.of(GEN, short2), Profile.zeros(3), Profile.zeros(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FC-1").hasMessageContaining("3");
    }

    @Test
    void importOrExportOfWrongLengthIsRejected() {
        assertThatThrownBy(() -> plan(List.of(GEN), Profile.zeros(2), Profile.zeros(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("import, export and losses");
        assertThatThrownBy(() -> plan(List.of(GEN), Profile.zeros(3), Profile.zeros(4)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lossesNeedOneNonNegativeValuePerInterval() {
        DispatchPlan plain = plan(List.of(GEN), Profile.zeros(3), Profile.zeros(3));
        assertThat(plain.lossesKw()).isEqualTo(Profile.zeros(3));

        assertThatThrownBy(() -> new DispatchPlan(plain.generator(), plain.objective(), plain.status(), plain.grid(), plain.schedules(),
                plain.importKw(), plain.exportKw(), Profile.zeros(2))).hasMessageContaining("losses");
        assertThatThrownBy(() -> new DispatchPlan(plain.generator(), plain.objective(), plain.status(), plain.grid(), plain.schedules(),
                plain.importKw(), plain.exportKw(), Profile.of(0, -1, 0))).hasMessageContaining("losses must be >= 0");
    }

    @Test
    void schedulesAreCopied() {
        List<DeviceSchedule> schedules = new java.util.ArrayList<>(List.of(GEN));
        DispatchPlan plan = plan(schedules, Profile.zeros(3), Profile.zeros(3));

        schedules.add(PV);

        assertThat(plan.schedules()).containsExactly(GEN);
    }

    @Test
    void netEnergyIsPowerSumTimesStepHours() {
        // (−50 + 0 + 80) kW · 0.25 h = 7.5 kWh
        assertThat(BAT.netEnergyKwh(0.25)).isCloseTo(7.5, within(Tolerance.ENERGY_KWH));
        // (100 + 200 + 0) · 1 h = 300 kWh
        assertThat(GEN.netEnergyKwh(1)).isCloseTo(300, within(Tolerance.ENERGY_KWH));
    }

    @Test
    void commitmentOfWrongLengthIsRejected() {
        assertThatThrownBy(() -> new DeviceSchedule(AssetId.of("GEN-1"), DeviceType.MICROTURBINE, Profile.of(1, 2, 3), List.of(true, true), Profile.zeros(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GEN-1").hasMessageContaining("committed");
    }

    @Test
    void socMustBeEmptyOrOneValuePerInterval() {
        assertThatThrownBy(() -> new DeviceSchedule(AssetId.of("BAT-1"), DeviceType.BATTERY, Profile.of(1, 2, 3), List.of(true, true, true), Profile.of(0.5, 0.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("socFraction");
        assertThat(GEN.socFraction().size()).isZero();
        assertThat(BAT.socFraction().size()).isEqualTo(3);
    }
}
