package org.gridfleet.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.sim.Drive.T0;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.asset.AssetInfo;
import org.gridfleet.model.asset.CostCurve;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.InitialState;
import org.gridfleet.model.asset.RunHourLimit;
import org.gridfleet.model.asset.StartUp;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.Command;
import org.gridfleet.model.control.CommandId;
import org.gridfleet.model.control.OperatingState;
import org.gridfleet.testkit.Assets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A 1000 kW unit, minimum stable power 300 kW, ramps of 50 kW/min up and 100 kW/min down, unless a test says
 * otherwise. Expected trajectories are worked out by hand from those figures.
 */
class GeneratorControllerTest {
    private static final double KW = 1e-9;

    private static Generator unit(DeviceType type, double availability, double minUpHours, double minDownHours, double startUpMinutes,
                                  InitialState initial, RunHourLimit runHours) {
        AssetInfo info = Assets.info("G1", type, 1000, availability, true, 0);
        return new Generator(info, 300, 50, 100, minUpHours, minDownHours, new StartUp(0, 0, 0, startUpMinutes), initial,
                new CostCurve.Quadratic(0, 0.1, 0), runHours, type.typicalCo2KgPerKwh());
    }

    private static Generator unit(double minUpHours, double minDownHours, double startUpMinutes, InitialState initial) {
        return unit(DeviceType.RECIPROCATING_ENGINE, 1, minUpHours, minDownHours, startUpMinutes, initial, RunHourLimit.NONE);
    }

    private static final InitialState RUNNING_AT_300 = new InitialState(true, 10, 300);

    @Test
    void rampsToItsSetPointAtItsRampRatesExactly() {
        Drive d = Drive.of(unit(0, 0, 0, RUNNING_AT_300));
        Ack ack = d.send(600, Duration.ofHours(1));
        assertThat(ack.status()).isEqualTo(Ack.Status.ACCEPTED);
        List<Double> up = new ArrayList<>();
        for (int minute = 1; minute <= 8; minute++) {
            d.minutes(1);
            up.add(d.powerKw());
        }
        assertThat(up).containsExactly(350.0, 400.0, 450.0, 500.0, 550.0, 600.0, 600.0, 600.0);
        assertThat(d.acks()).singleElement().satisfies(done -> {
            assertThat(done.status()).isEqualTo(Ack.Status.DONE);
            assertThat(done.command()).isEqualTo(ack.command());
            assertThat(done.time()).isEqualTo(d.at(6));
        });

        Ack down = d.send(350, Duration.ofHours(1));
        List<Double> falling = new ArrayList<>();
        for (int minute = 1; minute <= 4; minute++) {
            d.minutes(1);
            falling.add(d.powerKw());
        }
        assertThat(falling).containsExactly(500.0, 400.0, 350.0, 350.0);
        assertThat(d.acks()).singleElement().satisfies(done -> {
            assertThat(done.command()).isEqualTo(down.command());
            assertThat(done.status()).isEqualTo(Ack.Status.DONE);
            assertThat(done.time()).isEqualTo(d.at(8 + 2.5)); // 250 kW down at 100 kW/min: 2.5 min after minute 8
        });
    }

    @Test
    void rampDoesNotDependOnTheStepLength() {
        Drive d = Drive.of(unit(0, 0, 0, RUNNING_AT_300));
        d.send(600, Duration.ofHours(1));
        d.step(Duration.ofSeconds(7));
        assertThat(d.powerKw()).isCloseTo(300 + 50 * 7 / 60.0, within(KW));
        d.step(Duration.ofSeconds(53));
        assertThat(d.powerKw()).isCloseTo(350, within(KW));
        d.step(Duration.ofMinutes(30));
        assertThat(d.powerKw()).isEqualTo(600);
        assertThat(d.acks()).singleElement().satisfies(done -> assertThat(done.time()).isEqualTo(d.at(6)));
    }

    @Test
    void aStartTakesTheStartUpTimeToMinimumStablePowerThenRamps() {
        Drive d = Drive.of(unit(0, 0, 10, InitialState.LONG_OFF));
        assertThat(d.controller.state()).isEqualTo(OperatingState.STOPPED);
        Ack ack = d.send(600, Duration.ofHours(2));
        assertThat(ack.status()).isEqualTo(Ack.Status.ACCEPTED);
        assertThat(ack.reason()).contains("start-up takes 10 min to the minimum stable power 300 kW");
        for (int minute = 1; minute <= 9; minute++) {
            d.minutes(1);
            assertThat(d.controller.state()).isEqualTo(OperatingState.STARTING);
            assertThat(d.controller.status().limit()).isEqualTo(Limit.STARTING_UP);
            assertThat(d.powerKw()).isCloseTo(30.0 * minute, within(KW)); // 0 → 300 kW linearly over 10 min
        }
        d.minutes(1);
        assertThat(d.controller.state()).isEqualTo(OperatingState.RUNNING);
        assertThat(d.powerKw()).isEqualTo(300);
        List<Double> ramp = new ArrayList<>();
        for (int minute = 11; minute <= 17; minute++) {
            d.minutes(1);
            ramp.add(d.powerKw());
        }
        assertThat(ramp).containsExactly(350.0, 400.0, 450.0, 500.0, 550.0, 600.0, 600.0);
        assertThat(d.acks()).singleElement().satisfies(done -> assertThat(done.time()).isEqualTo(d.at(16)));
    }

    @Test
    void aStopBeforeTheMinimumUpTimeHoldsMinimumStablePowerUntilAllowedThenDone() {
        Drive d = Drive.of(unit(1, 0, 0, InitialState.LONG_OFF));
        d.send(600, Duration.ofHours(3)); // starts at T0 (no start-up time): up from T0
        d.minutes(20);
        assertThat(d.powerKw()).isEqualTo(600);
        d.acks();

        Ack stop = d.send(0, Duration.ofHours(3));
        assertThat(stop.status()).isEqualTo(Ack.Status.ACCEPTED);
        assertThat(stop.reason()).contains("held at the minimum stable power 300 kW until " + T0.plus(Duration.ofHours(1)))
                .contains("minimum up time 1 h");
        d.minutes(3);
        assertThat(d.powerKw()).isEqualTo(300); // 600 → 300 at 100 kW/min
        d.minutes(36);                          // minute 59
        assertThat(d.powerKw()).isEqualTo(300);
        assertThat(d.controller.state()).isEqualTo(OperatingState.RUNNING);
        assertThat(d.controller.status().limit()).isEqualTo(Limit.MIN_UP_TIME);
        assertThat(d.acks()).isEmpty();
        d.minutes(1);                           // minute 60: the minimum up time has passed
        assertThat(d.powerKw()).isZero();
        assertThat(d.controller.state()).isEqualTo(OperatingState.STOPPED);
        assertThat(d.acks()).singleElement().satisfies(done -> {
            assertThat(done.command()).isEqualTo(stop.command());
            assertThat(done.status()).isEqualTo(Ack.Status.DONE);
            assertThat(done.time()).isEqualTo(T0.plus(Duration.ofHours(1)));
        });
    }

    @Test
    void aRestartWithinTheMinimumDownTimeIsDelayedUntilItHasPassed() {
        Drive d = Drive.of(unit(0, 0.5, 0, RUNNING_AT_300));
        d.send(0, Duration.ofMinutes(10));
        d.minutes(10);
        assertThat(d.controller.state()).isEqualTo(OperatingState.STOPPED); // went down at T0
        d.acks();

        Ack start = d.send(500, Duration.ofHours(1));
        assertThat(start.status()).isEqualTo(Ack.Status.ACCEPTED);
        assertThat(start.reason()).contains("start delayed until " + d.at(30)).contains("minimum down time 0.5 h").contains("went down at " + T0);
        d.minutes(19); // minute 29
        assertThat(d.powerKw()).isZero();
        assertThat(d.controller.status().limit()).isEqualTo(Limit.MIN_DOWN_TIME);
        d.minutes(1);  // minute 30: starts, at minimum stable power at once
        assertThat(d.powerKw()).isEqualTo(300);
        d.minutes(4);  // 300 → 500 at 50 kW/min
        assertThat(d.powerKw()).isEqualTo(500);
        assertThat(d.acks()).singleElement().satisfies(done -> assertThat(done.time()).isEqualTo(d.at(34)));
    }

    @Test
    void aRestartBlockedByTheMinimumDownTimeForTheWholeCommandIsRejectedNamingTheEarliestStart() {
        Drive d = Drive.of(unit(0, 0.5, 0, RUNNING_AT_300));
        d.send(0, Duration.ofMinutes(10));
        d.minutes(10);

        Ack start = d.send(500, Duration.ofMinutes(15)); // ends at minute 25, the unit may start at minute 30
        assertThat(start.status()).isEqualTo(Ack.Status.REJECTED);
        assertThat(start.reason()).isEqualTo("cannot start before " + d.at(30) + ": minimum down time 0.5 h since it went down at " + T0
                + ", and the command ends at " + d.at(25) + "; send one valid after " + d.at(30));
        d.minutes(30);
        assertThat(d.powerKw()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = DeviceType.class, names = {"EMERGENCY_GENERATOR", "FUEL_CELL", "RECIPROCATING_ENGINE", "MICROTURBINE"})
    void everyGeneratorTypeStartsRampsAndStopsByTheSameRules(DeviceType type) {
        Drive d = Drive.of(unit(type, 1, 0.5, 0, 5, InitialState.LONG_OFF, RunHourLimit.NONE));
        assertThat(d.controller).isInstanceOf(GeneratorController.class);
        d.send(1000, Duration.ofHours(2));
        d.minutes(5);
        assertThat(d.powerKw()).isEqualTo(300);
        d.minutes(14); // 300 → 1000 at 50 kW/min
        assertThat(d.powerKw()).isEqualTo(1000);
        assertThat(d.acks()).singleElement().satisfies(done -> assertThat(done.time()).isEqualTo(d.at(19)));
        d.send(0, Duration.ofHours(2));
        d.minutes(60);
        assertThat(d.controller.state()).isEqualTo(OperatingState.STOPPED);
        assertThat(d.acks()).singleElement().satisfies(done -> assertThat(done.time()).isEqualTo(d.at(35))); // up at 5, min up 30 min
    }

    @Test
    void setPointsOutsideTheCapabilityAreRejectedNamingTheNearestFeasible() {
        Drive d = Drive.of(unit(DeviceType.FUEL_CELL, 0.8, 0, 0, 0, InitialState.LONG_OFF, RunHourLimit.NONE));
        Ack charge = d.send(-50, Duration.ofHours(1));
        assertThat(charge.status()).isEqualTo(Ack.Status.REJECTED);
        assertThat(charge.reason()).isEqualTo("a fuel-cell cannot take power from the grid: set point -50 kW; the nearest feasible is 0 kW (stop)");

        Ack above = d.send(900, Duration.ofHours(1));
        assertThat(above.status()).isEqualTo(Ack.Status.REJECTED);
        assertThat(above.reason()).isEqualTo("set point 900 kW is above the most this unit can give, 800 kW (rating 1000 kW × availability 0.8); "
                + "the nearest feasible is 800 kW");

        Ack below = d.send(100, Duration.ofHours(1));
        assertThat(below.status()).isEqualTo(Ack.Status.REJECTED);
        assertThat(below.reason()).isEqualTo("set point 100 kW is below the minimum stable power 300 kW of a running unit; "
                + "the nearest feasible is 300 kW, or 0 kW to stop");

        assertThat(d.send(800, Duration.ofHours(1)).status()).isEqualTo(Ack.Status.ACCEPTED);
        d.minutes(20);
        assertThat(d.powerKw()).isEqualTo(800);
    }

    @Test
    void aUnitWhoseAvailableShareIsBelowItsMinimumStablePowerCannotRun() {
        Drive d = Drive.of(unit(DeviceType.MICROTURBINE, 0.2, 0, 0, 0, InitialState.LONG_OFF, RunHourLimit.NONE));
        Ack ack = d.send(200, Duration.ofHours(1));
        assertThat(ack.status()).isEqualTo(Ack.Status.REJECTED);
        assertThat(ack.reason()).isEqualTo("cannot run: the most it may give, 200 kW (rating 1000 kW × availability 0.2), is below its minimum "
                + "stable power 300 kW; the nearest feasible is 0 kW (stop)");
    }

    @Test
    void commandsForAnotherDeviceOrPastTheirValidityAreRejected() {
        Drive d = Drive.of(unit(0, 0, 0, InitialState.LONG_OFF));
        Command other = new Command(new CommandId("x-1"), AssetId.of("G2"), 500, T0, T0.plus(Duration.ofHours(1)));
        Ack wrong = d.send(other);
        assertThat(wrong.status()).isEqualTo(Ack.Status.REJECTED);
        assertThat(wrong.reason()).isEqualTo("this is the controller of G1; the command is for G2");

        d.minutes(30);
        Ack expired = d.send(d.command(500, T0, d.at(30)));
        assertThat(expired.status()).isEqualTo(Ack.Status.REJECTED);
        assertThat(expired.reason()).isEqualTo("expired at " + d.at(30) + ", received at " + d.at(30));
        d.minutes(5);
        assertThat(d.powerKw()).isZero();
    }

    @Test
    void aResentCommandGetsItsLatestAckAgainAndIsNotAppliedTwice() {
        Drive d = Drive.of(unit(0, 0, 0, RUNNING_AT_300));
        Command first = d.command(600, Duration.ofHours(1));
        Ack accepted = d.send(first);
        assertThat(d.send(first)).isEqualTo(accepted);
        d.minutes(10);
        Ack done = d.acks().getFirst();
        Command second = d.command(400, Duration.ofHours(1));
        d.send(second);

        Ack again = d.send(first);
        assertThat(again).isEqualTo(done); // its latest answer, DONE, with the original time
        d.minutes(10);
        assertThat(d.powerKw()).isEqualTo(400); // the resend did not take over from the later command
        assertThat(d.controller.status().command()).contains(second.id());

        Command sameIdOtherSetpoint = new Command(first.id(), first.device(), 900, first.validFrom(), first.validUntil());
        assertThat(d.send(sameIdOtherSetpoint)).isEqualTo(done);
        d.minutes(10);
        assertThat(d.powerKw()).isEqualTo(400);
    }

    @Test
    void aCommandValidLaterWaitsForItsStartAndTheLatestAcceptedRules() {
        Drive d = Drive.of(unit(0, 0, 0, RUNNING_AT_300));
        d.send(d.command(500, d.at(10), d.at(40)));
        d.send(d.command(400, d.at(20), d.at(30)));
        d.minutes(9);
        assertThat(d.controller.state()).isEqualTo(OperatingState.STOPPED); // no command yet: the safe default, stopped at T0
        d.minutes(1); // minute 10: the 500 kW command starts it, at minimum stable power at once
        assertThat(d.powerKw()).isEqualTo(300);
        d.minutes(10); // 300 → 500 by minute 14
        assertThat(d.powerKw()).isEqualTo(500);
        d.minutes(10); // minute 20..30: the 400 kW command, accepted later, rules
        assertThat(d.powerKw()).isEqualTo(400);
        d.minutes(10); // minute 30..40: the 500 kW command again
        assertThat(d.powerKw()).isEqualTo(500);
        d.minutes(10); // past every command: the safe default, stopped
        assertThat(d.controller.state()).isEqualTo(OperatingState.STOPPED);
        // each command is DONE once: 500 kW at minute 14, 400 kW at minute 21
        assertThat(d.acks()).extracting(Ack::time).containsExactly(d.at(14), d.at(21));
    }

    @Test
    void withoutACommandAGeneratorFallsBackToStoppedRespectingItsMinimumUpTime() {
        Drive d = Drive.of(unit(2, 0, 0, new InitialState(true, 1.5, 300)));
        d.minutes(29);
        assertThat(d.controller.state()).isEqualTo(OperatingState.RUNNING);
        d.minutes(1); // 1.5 h + 30 min = the 2 h minimum up time
        assertThat(d.controller.state()).isEqualTo(OperatingState.STOPPED);
        assertThat(d.controller.status().setpointKw()).isZero();
        assertThat(d.controller.status().command()).isEmpty();
    }

    @Test
    void anEmergencyGeneratorWithItsRunHoursUsedUpRefusesToStart() {
        Drive d = Drive.of(unit(DeviceType.EMERGENCY_GENERATOR, 1, 0, 0, 0, InitialState.LONG_OFF, new RunHourLimit(100, 100)));
        Ack ack = d.send(500, Duration.ofHours(1));
        assertThat(ack.status()).isEqualTo(Ack.Status.REJECTED);
        assertThat(ack.reason()).isEqualTo("run-hour limit used up: 100 h of 100 h permitted this year; it may not start");
    }

    @Test
    void runningHoursAreCounted() {
        Drive d = Drive.of(unit(DeviceType.EMERGENCY_GENERATOR, 1, 0, 0, 6, InitialState.LONG_OFF, new RunHourLimit(100, 10)));
        d.send(500, Duration.ofHours(2));
        d.minutes(90);
        assertThat(((GeneratorController) d.controller).runHoursUsed()).isCloseTo(11.5, within(1e-9));
    }

    @Test
    void aResendLongAfterItsCommandEndedIsRefusedAsExpired() {
        Drive d = Drive.of(unit(0, 0, 0, RUNNING_AT_300));
        Command command = d.command(500, Duration.ofMinutes(10));
        d.send(command);
        d.minutes(10);
        assertThat(d.send(command).status()).isEqualTo(Ack.Status.DONE); // remembered for an hour after it ended
        d.minutes(120);
        Ack late = d.send(command);
        assertThat(late.status()).isEqualTo(Ack.Status.REJECTED);
        assertThat(late.reason()).startsWith("expired at " + d.at(10));
    }

    @Test
    void steppingWithoutAdvancingTheClockIsAnError() {
        Drive d = Drive.of(unit(0, 0, 0, RUNNING_AT_300));
        d.controller.step(Duration.ofMinutes(1), d.env);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> d.controller.step(Duration.ofMinutes(1), d.env))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("G1: asked to step from " + T0 + " but already simulated until " + d.at(1) + ": advance the clock after each step");
    }
}
