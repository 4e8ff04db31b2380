package org.gridfleet.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.SplittableRandom;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.OperatingState;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.testkit.Assets;
import org.gridfleet.testkit.Fleets;
import org.junit.jupiter.api.Test;

class RenewableControllerTest {
    private static final double KW = 1e-9;

    private static Renewable pv(double ratedKw, double availability) {
        return new Renewable(Assets.info("PV1", DeviceType.PHOTOVOLTAIC, ratedKw, availability, true, 0), true);
    }

    private static Renewable wind(double ratedKw, boolean curtailable) {
        return new Renewable(Assets.info("WT1", DeviceType.WIND_TURBINE, ratedKw, 1, true, 0), curtailable);
    }

    @Test
    void pvGivesTheLesserOfItsSetPointAndWhatTheIrradianceAllows() {
        Drive d = Drive.of(pv(1000, 1)).weather(Environment.constant(600, 0));
        assertThat(d.controller).isInstanceOf(RenewableController.class);
        d.minutes(1);
        assertThat(d.powerKw()).isEqualTo(600); // no command: all it can, 1000 kW × 600 / 1000 W/m²

        Ack curtail = d.send(400, Duration.ofHours(1));
        assertThat(curtail.reason()).isEmpty();
        d.minutes(1);
        assertThat(d.powerKw()).isEqualTo(400);
        assertThat(d.acks()).singleElement().satisfies(done -> {
            assertThat(done.status()).isEqualTo(Ack.Status.DONE);
            assertThat(done.time()).isEqualTo(d.at(1)); // the inverter follows at once
        });

        Ack more = d.send(800, Duration.ofHours(1));
        assertThat(more.status()).isEqualTo(Ack.Status.ACCEPTED);
        assertThat(more.reason()).isEqualTo("only 600 kW available now (irradiance 600 W/m²); it gives that until the weather allows more");
        d.minutes(5);
        assertThat(d.powerKw()).isEqualTo(600);
        assertThat(d.controller.status().limit()).isEqualTo(Limit.WEATHER);
        assertThat(d.acks()).isEmpty();
        d.weather(Environment.constant(900, 0)).minutes(1);
        assertThat(d.powerKw()).isEqualTo(800);
        assertThat(d.acks()).singleElement().satisfies(done -> assertThat(done.status()).isEqualTo(Ack.Status.DONE));
    }

    @Test
    void pvNeverGivesMoreThanItsIrradianceAllowsNorMoreThanRatingTimesAvailability() {
        Drive d = Drive.of(pv(500, 0.8));
        SplittableRandom random = new SplittableRandom(5);
        for (int k = 0; k < 500; k++) {
            double irradiance = random.nextDouble(0, 1500);
            d.weather(Environment.constant(irradiance, 0)).minutes(1);
            assertThat(d.powerKw()).isLessThanOrEqualTo(400).isCloseTo(Math.min(400, 500 * irradiance / 1000), within(KW));
        }
        assertThat(d.send(450, Duration.ofHours(1)).reason())
                .isEqualTo("set point 450 kW is above the most this unit can give, 400 kW (rating 500 kW × availability 0.8); the nearest feasible is 400 kW");
        d.weather(Environment.dark()).minutes(1);
        assertThat(d.powerKw()).isZero();
        assertThat(d.controller.state()).isEqualTo(OperatingState.STOPPED);
    }

    @Test
    void theWindPowerCurveIsZeroBelowCutInCubicToRatedFlatToCutOutAndZeroBeyond() {
        WindPowerCurve c = WindPowerCurve.STANDARD;
        assertThat(c.share(0)).isZero();
        assertThat(c.share(2.99)).isZero();
        assertThat(c.share(3)).isZero();
        assertThat(c.share(7.5)).isCloseTo((7.5 * 7.5 * 7.5 - 27) / (1728 - 27), within(1e-12)); // 0.2322
        assertThat(c.share(12)).isEqualTo(1);
        assertThat(c.share(18)).isEqualTo(1);
        assertThat(c.share(24.99)).isEqualTo(1);
        assertThat(c.share(25)).isZero();
        assertThat(c.share(30)).isZero();
    }

    @Test
    void aWindTurbineFollowsItsPowerCurve() {
        Drive d = Drive.of(wind(2000, true));
        double[][] speedAndKw = {{2.5, 0}, {3, 0}, {7.5, 2000 * (421.875 - 27) / 1701}, {12, 2000}, {20, 2000}, {25, 0}, {26, 0}};
        for (double[] point : speedAndKw) {
            d.weather(Environment.constant(0, point[0])).minutes(1);
            assertThat(d.powerKw()).as("at %s m/s", point[0]).isCloseTo(point[1], within(KW));
        }
    }

    @Test
    void aForecastTurnsBackIntoTheWindSpeedThatGivesIt() {
        WindPowerCurve c = WindPowerCurve.STANDARD;
        for (double share = 0.05; share < 1; share += 0.05) {
            assertThat(c.share(c.windSpeedFor(share))).isCloseTo(share, within(1e-12));
        }
        assertThat(c.windSpeedFor(0)).isZero();
        assertThat(c.windSpeedFor(1)).isEqualTo(18.5); // middle of the flat part, 12..25 m/s
    }

    @Test
    void aTurbineThatCannotBeCurtailedGivesAllTheWindAllows() {
        Drive d = Drive.of(wind(1000, false)).weather(Environment.constant(0, 15));
        Ack ack = d.send(300, Duration.ofHours(1));
        assertThat(ack.status()).isEqualTo(Ack.Status.ACCEPTED);
        assertThat(ack.reason()).isEqualTo("not curtailable: it gives all the weather allows, whatever the set point");
        d.minutes(1);
        assertThat(d.powerKw()).isEqualTo(1000);
        assertThat(d.controller.status().limit()).isEqualTo(Limit.NOT_CURTAILABLE);
    }

    @Test
    void renewablesRefuseToChargeOrToExceedTheirRating() {
        Drive d = Drive.of(wind(1000, true));
        Ack charge = d.send(-10, Duration.ofHours(1));
        assertThat(charge.status()).isEqualTo(Ack.Status.REJECTED);
        assertThat(charge.reason()).isEqualTo("a wind turbine cannot take power from the grid: set point -10 kW; the nearest feasible is 0 kW (curtailed to nothing)");
        assertThat(d.send(1000.5, Duration.ofHours(1)).status()).isEqualTo(Ack.Status.REJECTED);
        assertThat(d.send(0, Duration.ofHours(1)).status()).isEqualTo(Ack.Status.ACCEPTED);
    }

    @Test
    void withoutNoiseTheFieldsRenewablesGiveExactlyTheirForecast() {
        PlanningProblem problem = Fleets.everyDeviceType(); // hourly; PV-1 0 50 150 300 420 480, WT-1 (not curtailable) 120 180 90 60 200 150
        Field field = Field.of(problem, FieldOptions.exact());
        double[] pv = {0, 50, 150, 300, 420, 480};
        double[] wt = {120, 180, 90, 60, 200, 150};
        for (int k = 0; k < 6; k++) {
            field.step(Duration.ofHours(1));
            assertThat(field.controller(AssetId.of("PV-1")).powerKw()).as("PV-1 in hour %s", k).isCloseTo(pv[k], within(1e-9));
            assertThat(field.controller(AssetId.of("WT-1")).powerKw()).as("WT-1 in hour %s", k).isCloseTo(wt[k], within(1e-9));
        }
    }

    @Test
    void withNoiseAvailablePvStaysNearItsForecastOnAverageAndWithinItsRating() {
        PlanningProblem problem = Fleets.everyDeviceType();
        Field field = Field.of(problem, FieldOptions.seeded(3).withForcedOutages(false));
        double sum = 0;
        int n = 0;
        for (int k = 0; k < 6 * 60; k++) {
            field.step(Duration.ofMinutes(1));
            double kw = field.controller(AssetId.of("PV-1")).powerKw();
            assertThat(kw).isBetween(0.0, 500.0);
            if (k >= 5 * 60) { // hour 5, forecast 480 kW of 500: noise is clipped at the rating above
                sum += kw;
                n++;
            }
        }
        // ±10 % noise correlated over 30 min gives about 2 independent values an hour: a wide band, and the clip pulls it down
        assertThat(sum / n).isBetween(400.0, 500.0);
    }
}
