package org.gridfleet.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.AssetInfo;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.InitialState;
import org.gridfleet.model.asset.Reliability;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.RunHourLimit;
import org.gridfleet.model.asset.StartUp;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.Command;
import org.gridfleet.model.control.OperatingState;
import org.gridfleet.model.control.Telemetry;
import org.gridfleet.model.fleet.ReactivePower;
import org.gridfleet.testkit.Assets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reactive power within the capability circle {@code |Q| <= sqrt(S² - P²)}, S the rating in kVA. A 1000 kW
 * (1000 kVA) reciprocating engine unless a test says otherwise: at 600 kW it can deliver or absorb 800 kvar, at
 * 800 kW 600 kvar (3-4-5 triangles, worked out by hand).
 */
class ReactivePowerTest {
    private static final double KVAR = 1e-9;

    private static AssetInfo info(String id, DeviceType type, double ratedKw, ReactivePower reactive) {
        return new AssetInfo(AssetId.of(id), id, type, Assets.SITE, Assets.BUS, ratedKw, 1, Reliability.PERFECT, List.of(), true, 0, reactive);
    }

    private static Drive engine(ReactivePower reactive) {
        return Drive.of(Assets.generator(info("G1", DeviceType.RECIPROCATING_ENGINE, 1000, reactive), 300, Assets.piecewise(300, 30, 1000, 90)));
    }

    private static Command withKvar(Command command, double kvar) {
        return command.withSetpointKvar(OptionalDouble.of(kvar));
    }

    @Test
    void withoutAKvarSetPointARunningUnitHoldsItsFleetPowerFactor() {
        Drive d = engine(new ReactivePower.PowerFactor(0.8, false));
        assertThat(d.controller.telemetry(d.clock.now()).kvar()).as("stopped: none").hasValue(0.0);

        d.send(600, Duration.ofHours(1));
        d.minutes(2);

        Telemetry t = d.controller.telemetry(d.clock.now());
        assertThat(t.powerKw()).isEqualTo(600);
        assertThat(t.kvar().getAsDouble()).as("600 · tan(acos 0.8) = 450").isCloseTo(450, within(1e-6));
    }

    @Test
    void aFixedKvarSettingIsHeldWithinTheCircle() {
        Drive d = engine(new ReactivePower.FixedKvar(-700));
        d.send(800, Duration.ofHours(1));
        d.minutes(2);

        assertThat(d.controller.kvar()).as("-700 kvar held to the 600 kvar left at 800 kW").isCloseTo(-600, within(KVAR));
    }

    @Test
    void aKvarSetPointWithinTheCircleIsHeldAndOverridesTheFleetSetting() {
        Drive d = engine(new ReactivePower.PowerFactor(0.8, false));
        Ack ack = d.send(withKvar(d.command(600, Duration.ofHours(1)), -500));
        d.minutes(2);

        assertThat(ack.status()).isEqualTo(Ack.Status.ACCEPTED);
        assertThat(ack.reason()).isEmpty();
        assertThat(d.controller.telemetry(d.clock.now()).kvar()).hasValue(-500.0);
    }

    @Test
    void aKvarSetPointBeyondTheCircleIsClippedAndTheAckSaysSo() {
        Drive d = engine(ReactivePower.UNITY);
        Ack ack = d.send(withKvar(d.command(800, Duration.ofHours(1)), 900));
        d.minutes(2);

        assertThat(ack.status()).isEqualTo(Ack.Status.ACCEPTED);
        assertThat(ack.reason()).isEqualTo("reactive set point 900 kvar is beyond its capability of 600 kvar at 800 kW (rating 1000 kVA): it holds 600 kvar");
        assertThat(d.controller.kvar()).isCloseTo(600, within(KVAR));
    }

    @Test
    void whileRampingTheCircleFollowsTheOutput() {
        Drive d = Drive.of(new Generator(info("G1", DeviceType.RECIPROCATING_ENGINE, 1000, ReactivePower.UNITY), 300, 100, 100,
                0, 0, StartUp.FREE_AND_INSTANT, new InitialState(true, 10, 300),
                Assets.piecewise(300, 30, 1000, 90), RunHourLimit.NONE, 0.5));
        d.send(withKvar(d.command(900, Duration.ofHours(1)), 900));

        d.minutes(3);
        assertThat(d.powerKw()).isEqualTo(600);
        assertThat(d.controller.kvar()).as("at 600 kW on the way up, 800 kvar are possible").isCloseTo(800, within(KVAR));
        d.minutes(5);
        assertThat(d.controller.kvar()).as("at 900 kW, sqrt(1000² - 900²)").isCloseTo(Math.sqrt(190_000), within(1e-6));
    }

    @Test
    void aDeviceThatIsNotRunningGivesNoReactivePower() {
        Drive d = engine(new ReactivePower.FixedKvar(300));
        Ack idle = d.send(withKvar(d.command(0, Duration.ofHours(1)), 200));
        assertThat(idle.reason()).contains("reactive set point 200 kvar: none while it does not run (set point 0 kW)");
        d.minutes(1);
        assertThat(d.controller.kvar()).isZero();

        d.send(withKvar(d.command(600, Duration.ofHours(1)), 200));
        d.minutes(2);
        assertThat(d.controller.kvar()).isEqualTo(200);
        d.controller.trip();

        Telemetry t = d.controller.telemetry(d.clock.now());
        assertThat(t.state()).isEqualTo(OperatingState.FAULT);
        assertThat(t.kvar()).hasValue(0.0);
    }

    @Test
    void theReactiveSetPointEndsWithItsCommand() {
        Drive d = engine(new ReactivePower.PowerFactor(0.8, true));
        d.send(withKvar(d.command(600, Duration.ofMinutes(5)), 100));
        d.send(d.command(600, d.clock.now().plus(Duration.ofMinutes(5)), d.clock.now().plus(Duration.ofHours(1))));
        d.minutes(2);
        assertThat(d.controller.kvar()).isEqualTo(100);

        d.minutes(5);

        assertThat(d.controller.kvar()).as("back to absorbing at power factor 0.8").isCloseTo(-450, within(1e-6));
    }

    /** Every type delivers reactive power: inverters and synchronous machines alike. 500 kVA each, 300 kW asked. */
    @ParameterizedTest
    @EnumSource(DeviceType.class)
    void everyTypeDeliversReactivePowerWithinItsCircle(DeviceType type) {
        AssetInfo info = info("D1", type, 500, ReactivePower.UNITY);
        Asset asset = switch (type.category()) {
            case DISPATCHABLE_GENERATOR -> Assets.generator(info, 0, Assets.piecewise(0, 0, 500, 50));
            case RENEWABLE -> new Renewable(info, true);
            case STORAGE -> new Storage(info, 1000, 500, 500, 0.95, 0.95, 0, 0, 1, 0.5, 0);
        };
        Drive d = Drive.of(asset).weather(Environment.constant(1000, 13));
        Ack ack = d.send(withKvar(d.command(300, Duration.ofHours(1)), -450));
        d.minutes(2);

        assertThat(ack.status()).isEqualTo(Ack.Status.ACCEPTED);
        assertThat(ack.reason()).contains("beyond its capability of 400 kvar at 300 kW");
        assertThat(d.powerKw()).isCloseTo(300, within(1e-6));
        assertThat(d.controller.telemetry(d.clock.now()).kvar().getAsDouble()).isCloseTo(-400, within(1e-6));
    }
}
