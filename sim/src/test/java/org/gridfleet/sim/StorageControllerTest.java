package org.gridfleet.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.OperatingState;
import org.gridfleet.model.control.Telemetry;
import org.gridfleet.testkit.Assets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StorageControllerTest {
    private static final double KWH = 1e-9;

    /** 1000 kWh, 500 kW both ways, ηc 0.95, ηd 0.9, no self-discharge unless given. */
    private static Storage battery(double selfDischargePerHour, double minSoc, double maxSoc, double initialSoc) {
        return new Storage(Assets.info("B1", DeviceType.BATTERY, 500, 1, true, 0), 1000, 500, 500, 0.95, 0.9, selfDischargePerHour,
                minSoc, maxSoc, initialSoc, 0);
    }

    private static StorageController store(Drive d) {
        return (StorageController) d.controller;
    }

    @Test
    void anHourOfChargingStoresTheChargeTimesTheChargeEfficiency() {
        Drive d = Drive.of(battery(0, 0, 1, 0.5));
        d.send(-100, Duration.ofHours(2));
        d.minutes(60);
        // 500 kWh + 0.95 · 100 kW · 1 h = 595 kWh
        assertThat(store(d).energyKwh()).isCloseTo(595, within(KWH));
        Telemetry t = d.controller.telemetry(d.clock.now());
        assertThat(t.powerKw()).isEqualTo(-100);
        assertThat(t.socFraction().getAsDouble()).isCloseTo(0.595, within(1e-12));
        assertThat(t.state()).isEqualTo(OperatingState.RUNNING);
    }

    @Test
    void anHourOfDischargingDrawsTheOutputOverTheDischargeEfficiency() {
        Drive d = Drive.of(battery(0, 0, 1, 0.5));
        d.send(90, Duration.ofHours(2));
        d.step(Duration.ofHours(1));
        assertThat(store(d).energyKwh()).isCloseTo(400, within(KWH)); // 500 − 90 / 0.9
    }

    @Test
    void selfDischargeFollowsTheProjectsOneFormOfTheEnergyBalance() {
        Drive d = Drive.of(battery(0.0002, 0, 1, 0.5));
        d.send(-100, Duration.ofHours(2));
        d.step(Duration.ofHours(1));
        assertThat(store(d).energyKwh()).isCloseTo(500 * 0.9998 + 95, within(KWH)); // E·(1 − s)^h + ηc·P·h

        Drive inMinutes = Drive.of(battery(0.0002, 0, 1, 0.5));
        inMinutes.send(-100, Duration.ofHours(2));
        inMinutes.minutes(60);
        double q = Math.pow(0.9998, 1 / 60.0);
        double expected = 500;
        for (int k = 0; k < 60; k++) {
            expected = expected * q + 95 / 60.0;
        }
        assertThat(store(inMinutes).energyKwh()).isCloseTo(expected, within(KWH));
        assertThat(expected).isCloseTo(594.9, within(0.01)); // the input decays a little within the hour
    }

    @Test
    void anIdleFlywheelLosesThreePercentOfItsEnergyEveryHour() {
        Drive d = Drive.of(Assets.storage("FW1", DeviceType.FLYWHEEL, 150, 40, 0.5));
        for (int k = 0; k < 40; k++) {
            d.step(Duration.ofMinutes(15));
        }
        assertThat(store(d).socFraction()).isCloseTo(0.5 * Math.pow(0.97, 10), within(1e-12));
        assertThat(d.powerKw()).isZero();
        assertThat(d.controller.state()).isEqualTo(OperatingState.STOPPED);
    }

    @Test
    void anEmptyStoreStopsDischargingAtItsMinimumStateOfCharge() {
        Drive d = Drive.of(battery(0, 0.1, 1, 0.2)); // 100 kWh above the minimum; at 450 kW it draws 500 kWh/h
        Ack ack = d.send(450, Duration.ofHours(1));
        assertThat(ack.status()).isEqualTo(Ack.Status.ACCEPTED);
        assertThat(ack.reason()).isEqualTo("at 450 kW it reaches its minimum soc 0.1 at about " + d.at(12) + ", before the command ends at "
                + d.at(60) + "; 0 kW from then");
        d.step(Duration.ofMinutes(8));
        assertThat(d.powerKw()).isEqualTo(450);
        assertThat(store(d).energyKwh()).isCloseTo(200 - 500 * 8 / 60.0, within(KWH));
        d.step(Duration.ofMinutes(8)); // empties at minute 12, within the step
        assertThat(d.powerKw()).isZero();
        assertThat(store(d).socFraction()).isCloseTo(0.1, within(1e-12));
        assertThat(d.controller.state()).isEqualTo(OperatingState.STOPPED);
        assertThat(d.controller.status().limit()).isEqualTo(Limit.EMPTY);
        assertThat(d.controller.status().availableKw()).isZero();
        assertThat(d.acks()).singleElement().satisfies(done -> assertThat(done.time()).isEqualTo(Drive.T0)); // reached at once, before it emptied

        Ack more = d.send(100, Duration.ofHours(1));
        assertThat(more.status()).isEqualTo(Ack.Status.ACCEPTED);
        assertThat(more.reason()).isEqualTo("empty: soc 0.1 is at its minimum 0.1, so it gives 0 kW until charged");
        d.minutes(5);
        assertThat(d.powerKw()).isZero();
        assertThat(d.acks()).isEmpty();
    }

    @Test
    void aFullStoreStopsChargingAtItsMaximumStateOfCharge() {
        Drive d = Drive.of(battery(0, 0, 0.9, 0.8)); // 100 kWh below the maximum; at 400 kW it stores 380 kWh/h
        d.send(-400, Duration.ofHours(1));
        d.step(Duration.ofMinutes(30));
        assertThat(store(d).socFraction()).isCloseTo(0.9, within(1e-12));
        assertThat(d.powerKw()).isZero();
        assertThat(d.controller.status().limit()).isEqualTo(Limit.FULL);
    }

    @Test
    void aFullStoreWithSelfDischargeTopsUpAndStaysAtItsMaximum() {
        Drive d = Drive.of(battery(0.0002, 0, 0.9, 0.9));
        d.send(-400, Duration.ofHours(2));
        for (int k = 0; k < 60; k++) {
            d.step(Duration.ofSeconds(10));
            assertThat(store(d).socFraction()).isCloseTo(0.9, within(1e-9));
        }
    }

    @Test
    void setPointsBeyondTheConvertersLimitsAreRejectedNamingTheNearestFeasible() {
        Drive d = Drive.of(battery(0, 0, 1, 0.5));
        Ack discharge = d.send(600, Duration.ofHours(1));
        assertThat(discharge.status()).isEqualTo(Ack.Status.REJECTED);
        assertThat(discharge.reason()).isEqualTo("discharging at 600 kW is above the discharge limit 500 kW (maxDischargeKw × availability); "
                + "the nearest feasible is 500 kW");
        Ack charge = d.send(-600, Duration.ofHours(1));
        assertThat(charge.status()).isEqualTo(Ack.Status.REJECTED);
        assertThat(charge.reason()).isEqualTo("charging at 600 kW (set point -600 kW) is above the charge limit 500 kW (maxChargeKw × availability); "
                + "the nearest feasible is -500 kW");
    }

    @ParameterizedTest
    @EnumSource(value = DeviceType.class, names = {"BATTERY", "SMES", "FLYWHEEL"})
    void everyStorageTypeChargesWithItsOwnEfficiencyAndSelfDischarge(DeviceType type) {
        Drive d = Drive.of(Assets.storage("S1", type, 100, 200, 0.25));
        assertThat(d.controller).isInstanceOf(StorageController.class);
        d.send(-50, Duration.ofHours(2));
        d.step(Duration.ofHours(1));
        double expected = 50 * (1 - type.typicalSelfDischargePerHour()) + type.typicalEfficiency() * 50;
        assertThat(store(d).energyKwh()).isCloseTo(expected, within(KWH));
        List<Ack> acks = d.acks();
        assertThat(acks).extracting(Ack::status).containsExactly(Ack.Status.DONE);
    }
}
