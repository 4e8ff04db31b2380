package org.gridfleet.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.sim.Drive.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.BusId;
import org.gridfleet.model.asset.AssetInfo;
import org.gridfleet.model.asset.CostCurve;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.InitialState;
import org.gridfleet.model.asset.MaintenanceWindow;
import org.gridfleet.model.asset.Reliability;
import org.gridfleet.model.asset.RunHourLimit;
import org.gridfleet.model.asset.StartUp;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.OperatingState;
import org.gridfleet.testkit.Assets;
import org.junit.jupiter.api.Test;

/** Random forced outages, trips and repairs by fault injection, and planned maintenance. */
class OutageTest {
    /** MTTF 200 h, MTTR 20 h: forced outage rate 20 / 220 = 0.0909. */
    private static final Reliability UNRELIABLE = new Reliability(20.0 / 220, 200, 20);

    private static AssetInfo info(String id, DeviceType type, Reliability reliability, MaintenanceWindow... maintenance) {
        return new AssetInfo(AssetId.of(id), id, type, Assets.SITE, BusId.of("B1"), 1000, 1, reliability, List.of(maintenance), true, 0);
    }

    private static Generator generator(Reliability reliability, MaintenanceWindow... maintenance) {
        return new Generator(info("G1", DeviceType.MICROTURBINE, reliability, maintenance), 300, 100, 100, 0, 0.5, StartUp.FREE_AND_INSTANT,
                new InitialState(true, 10, 300), new CostCurve.Quadratic(0, 0.1, 0), RunHourLimit.NONE, 0.6);
    }

    /**
     * Over 200 000 h a device with MTTF 200 h and MTTR 20 h goes through about 909 failure–repair cycles. The share
     * of time on outage is a renewal-reward ratio whose standard deviation is sqrt(Var(D − p·(U + D)) / n) / E(U + D)
     * = sqrt(((1 − p)²·20² + p²·200²) / 909) / 220 ≈ 0.0039 (U, D the exponential up and down times); the test allows
     * ±0.02, five of those, and is seeded, so it either always passes or always fails. The failure count of a
     * renewal process has a standard deviation of about sqrt(909 · (200² + 20²)) / 220 ≈ 27: ±15 % is five of those.
     */
    @Test
    void overALongRunTheShareOfTimeOnForcedOutageIsTheForcedOutageRate() {
        Drive d = Drive.of(generator(UNRELIABLE), FieldOptions.seeded(2026));
        int hours = 200_000;
        int faultHours = 0;
        int failures = 0;
        OperatingState previous = d.controller.state();
        for (int h = 0; h < hours; h++) {
            d.step(Duration.ofHours(1));
            OperatingState state = d.controller.state();
            if (state == OperatingState.FAULT) {
                faultHours++;
                if (previous != OperatingState.FAULT) {
                    failures++;
                }
            }
            previous = state;
        }
        assertThat((double) faultHours / hours).isBetween(20.0 / 220 - 0.02, 20.0 / 220 + 0.02);
        assertThat(failures).isBetween((int) (909 * 0.85), (int) (909 * 1.15));
    }

    @Test
    void theOutageTimelineDependsOnTheSeedAndNotOnTheStepLength() {
        List<OperatingState> hourly = statesEachHour(7, Duration.ofHours(1), 3000);
        List<OperatingState> fine = statesEachHour(7, Duration.ofMinutes(12), 3000);
        List<OperatingState> otherSeed = statesEachHour(8, Duration.ofHours(1), 3000);
        assertThat(fine).isEqualTo(hourly);
        assertThat(hourly).contains(OperatingState.FAULT);
        assertThat(otherSeed).isNotEqualTo(hourly);
    }

    private static List<OperatingState> statesEachHour(long seed, Duration step, int hours) {
        Drive d = Drive.of(generator(UNRELIABLE), FieldOptions.seeded(seed));
        List<OperatingState> states = new ArrayList<>();
        Instant next = T0;
        while (states.size() < hours) {
            d.step(step);
            if (!d.clock.now().isBefore(next.plus(Duration.ofHours(1)))) {
                next = next.plus(Duration.ofHours(1));
                states.add(d.controller.state() == OperatingState.FAULT ? OperatingState.FAULT : OperatingState.RUNNING);
            }
        }
        return states;
    }

    @Test
    void aDeviceThatNeverFailsNeverFails() {
        Drive d = Drive.of(generator(Reliability.PERFECT), FieldOptions.seeded(1));
        d.send(500, Duration.ofDays(3650));
        for (int k = 0; k < 10 * 365; k++) {
            d.step(Duration.ofDays(1));
            assertThat(d.controller.state()).isEqualTo(OperatingState.RUNNING);
        }
    }

    @Test
    void aTripDropsOutputAbandonsCommandsAndRefusesNewOnesUntilRepaired() {
        Drive d = Drive.of(generator(Reliability.PERFECT));
        Ack run = d.send(800, Duration.ofHours(2));
        d.minutes(10);
        d.acks();
        d.controller.trip();
        assertThat(d.controller.state()).isEqualTo(OperatingState.FAULT);
        assertThat(d.powerKw()).isZero();
        assertThat(d.controller.telemetry(d.clock.now()).powerKw()).isZero();
        assertThat(d.controller.status().limit()).isEqualTo(Limit.TRIPPED);
        assertThat(d.acks()).singleElement().satisfies(abandoned -> {
            assertThat(abandoned.command()).isEqualTo(run.command());
            assertThat(abandoned.status()).isEqualTo(Ack.Status.REJECTED);
            assertThat(abandoned.reason()).isEqualTo("abandoned at " + d.at(10) + ": tripped (fault injection)");
        });
        assertThat(d.send(800, Duration.ofHours(1)).reason())
                .isEqualTo("tripped at " + d.at(10) + " (fault injection): takes no commands until repaired");
        d.minutes(60);
        assertThat(d.controller.state()).isEqualTo(OperatingState.FAULT);

        d.controller.repair(); // at minute 70; it went down at minute 10, so its 30 min minimum down time has passed
        assertThat(d.controller.state()).isEqualTo(OperatingState.STOPPED);
        assertThat(d.send(500, Duration.ofHours(1)).status()).isEqualTo(Ack.Status.ACCEPTED);
        d.minutes(5);
        assertThat(d.powerKw()).isEqualTo(500);
    }

    @Test
    void aRandomFailureAbandonsTheCommandInForceWithALateRejection() {
        Drive d = Drive.of(generator(new Reliability(0.5, 1, 1)), FieldOptions.seeded(4)); // fails within hours
        d.send(600, Duration.ofDays(2));
        List<Ack> acks = new ArrayList<>();
        while (d.controller.state() != OperatingState.FAULT) {
            d.minutes(1);
            acks.addAll(d.acks());
        }
        assertThat(acks).extracting(Ack::status).containsExactly(Ack.Status.DONE, Ack.Status.REJECTED);
        assertThat(acks.getLast().reason()).startsWith("abandoned at ").contains(": on forced outage since ").contains("mean time to repair 1 h");
        assertThat(d.send(600, Duration.ofHours(1)).reason()).startsWith("on forced outage since ");
    }

    @Test
    void aMaintenanceWindowGivesStateMaintenanceAndRejectsCommands() {
        MaintenanceWindow service = new MaintenanceWindow(T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(4)), "annual service");
        Drive d = Drive.of(generator(Reliability.PERFECT, service));
        Ack before = d.send(700, Duration.ofHours(3));
        assertThat(before.status()).isEqualTo(Ack.Status.ACCEPTED);
        assertThat(before.reason()).isEqualTo("maintenance (annual service) from " + service.start() + ": the command is dropped then");
        Ack after = d.send(d.command(500, service.end(), service.end().plus(Duration.ofHours(1))));
        assertThat(after.status()).isEqualTo(Ack.Status.ACCEPTED);

        d.minutes(119);
        assertThat(d.powerKw()).isEqualTo(700);
        d.acks();
        d.minutes(1);
        assertThat(d.controller.state()).isEqualTo(OperatingState.MAINTENANCE);
        assertThat(d.powerKw()).isZero();
        assertThat(d.controller.status().limit()).isEqualTo(Limit.MAINTENANCE);
        assertThat(d.acks()).extracting(Ack::command, Ack::status, Ack::reason).containsExactly(
                tuple(before.command(), Ack.Status.REJECTED, "abandoned at " + service.start()
                        + ": in maintenance (annual service) from " + service.start() + " until " + service.end() + ": send a command valid from " + service.end()),
                tuple(after.command(), Ack.Status.REJECTED, "abandoned at " + service.start()
                        + ": in maintenance (annual service) from " + service.start() + " until " + service.end() + ": send a command valid from " + service.end()));

        d.minutes(60);
        Ack during = d.send(400, Duration.ofHours(2));
        assertThat(during.status()).isEqualTo(Ack.Status.REJECTED);
        assertThat(during.reason()).isEqualTo("in maintenance (annual service) from " + service.start() + " until " + service.end()
                + ": send a command valid from " + service.end());
        Ack afterwards = d.send(d.command(400, service.end(), service.end().plus(Duration.ofHours(1))));
        assertThat(afterwards.status()).isEqualTo(Ack.Status.ACCEPTED);

        d.minutes(60);
        assertThat(d.controller.state()).isEqualTo(OperatingState.RUNNING); // started at the window's end
        assertThat(d.powerKw()).isEqualTo(300);
        d.minutes(1);
        assertThat(d.powerKw()).isEqualTo(400);
    }

    @Test
    void storageInMaintenanceStillSelfDischarges() {
        MaintenanceWindow service = new MaintenanceWindow(T0, T0.plus(Duration.ofHours(10)), "inspection");
        Storage flywheel = new Storage(info("FW1", DeviceType.FLYWHEEL, Reliability.PERFECT, service), 40, 150, 150, 0.93, 0.93, 0.03, 0, 1, 0.5, 0);
        Drive d = Drive.of(flywheel);
        d.step(Duration.ofHours(5));
        assertThat(d.controller.state()).isEqualTo(OperatingState.MAINTENANCE);
        assertThat(d.controller.telemetry(d.clock.now()).socFraction().getAsDouble()).isCloseTo(0.5 * Math.pow(0.97, 5), within(1e-12));
    }
}
