package org.gridfleet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.problem.PlanningProblem;
import org.junit.jupiter.api.Test;

class FleetsTest {

    @Test
    void everyDeviceTypeHasOneOfEachOfTheNine() {
        assertThat(Fleets.everyDeviceType().assets()).extracting(Asset::type).containsExactlyInAnyOrder(DeviceType.values());
    }

    @Test
    void maintenanceWindowMakesItsIntervalsUnavailable() {
        // overhaul 01:00..03:00 on an hourly grid from 00:00
        PlanningProblem problem = Fleets.maintenanceOutage();

        assertThat(problem.availability().get(AssetId.of("GEN-CHEAP"))).isEqualTo(Profile.of(1, 0, 0, 1));
        assertThat(problem.availability().get(AssetId.of("GEN-DEAR"))).isEqualTo(Profile.of(1, 1, 1, 1));
    }

    @Test
    void windowTouchingAnIntervalRemovesTheWholeInterval() {
        Instant start = Instant.parse("2026-11-23T00:00:00Z");
        var info = Assets.info("GEN-1", DeviceType.MICROTURBINE, 100, 0.8, true, 0,
                ProblemBuilder.maintenance(start.plusSeconds(1800), 1, "filter change"));

        Profile availability = ProblemBuilder.availabilityOf(info, ProblemBuilder.hourly("x", start.toString(), 3).grid());

        assertThat(availability).isEqualTo(Profile.of(0, 0, 0.8));
    }

    @Test
    void demandOfTheUndersizedFleetExceedsItsRatings() {
        PlanningProblem problem = Fleets.undersizedFleet();

        assertThat(problem.demandKw().max()).isGreaterThan(problem.assets().stream().mapToDouble(Asset::ratedPowerKw).sum());
    }
}
