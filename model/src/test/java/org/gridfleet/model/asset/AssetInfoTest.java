package org.gridfleet.model.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridfleet.model.TestAssets.BUS;
import static org.gridfleet.model.TestAssets.SITE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.fleet.ReactivePower;
import org.junit.jupiter.api.Test;

class AssetInfoTest {
    private static final AssetId ID = AssetId.of("PV-1");

    private static AssetInfo info(double ratedPowerKw, double availability, double omCostPerKwh, List<MaintenanceWindow> maintenance) {
        return new AssetInfo(ID, "roof", DeviceType.PHOTOVOLTAIC, SITE, BUS, ratedPowerKw, availability, Reliability.PERFECT,
                maintenance, true, omCostPerKwh);
    }

    @Test
    void availabilityFromZeroToOneIsAccepted() {
        assertThat(info(100, 0, 0, List.of()).availability()).isZero();
        assertThat(info(100, 0.5, 0, List.of()).availability()).isEqualTo(0.5);
        assertThat(info(100, 1, 0, List.of()).availability()).isEqualTo(1);
    }

    @Test
    void availabilityOutsideZeroToOneIsRejected() {
        for (double availability : new double[] {-0.01, 1.01, Double.NaN}) {
            assertThatThrownBy(() -> info(100, availability, 0, List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("PV-1").hasMessageContaining("availability").hasMessageContaining(String.valueOf(availability));
        }
    }

    @Test
    void nonPositiveOrNonFiniteRatingIsRejected() {
        for (double rating : new double[] {0, -5, Double.POSITIVE_INFINITY, Double.NaN}) {
            assertThatThrownBy(() -> info(rating, 1, 0, List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ratedPowerKw");
        }
    }

    @Test
    void negativeOmCostIsRejected() {
        assertThatThrownBy(() -> info(100, 1, -0.01, List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("omCostPerKwh");
    }

    @Test
    void maintenanceListIsCopied() {
        List<MaintenanceWindow> windows = new ArrayList<>();
        AssetInfo info = info(100, 1, 0, windows);

        windows.add(new MaintenanceWindow(Instant.parse("2024-06-01T08:00:00Z"), Instant.parse("2024-06-01T12:00:00Z"), "inverter swap"));

        assertThat(info.maintenance()).isEmpty();
    }

    @Test
    void missingFieldsAreNamed() {
        assertThatThrownBy(() -> new AssetInfo(ID, "roof", null, SITE, BUS, 100, 1, Reliability.PERFECT, List.of(), true, 0))
                .isInstanceOf(NullPointerException.class).hasMessage("type");
        assertThatThrownBy(() -> new AssetInfo(ID, "roof", DeviceType.PHOTOVOLTAIC, SITE, null, 100, 1, Reliability.PERFECT, List.of(), true, 0))
                .isInstanceOf(NullPointerException.class).hasMessage("bus");
    }

    @Test
    void availabilityOnAGridIsZeroInEveryIntervalMaintenanceTouches() {
        // hourly grid 00:00..04:00; maintenance 01:30..02:15 touches the hours starting 01:00 and 02:00
        TimeGrid grid = new TimeGrid(Instant.parse("2026-11-23T00:00:00Z"), java.time.Duration.ofHours(1), 4);
        MaintenanceWindow window = new MaintenanceWindow(Instant.parse("2026-11-23T01:30:00Z"), Instant.parse("2026-11-23T02:15:00Z"), "inverter");

        assertThat(info(100, 0.8, 0, List.of(window)).availabilityOn(grid).toArray()).containsExactly(0.8, 0, 0, 0.8);
    }

    @Test
    void reactivePowerIsHeldWithinTheRatingAsApparentPower() {
        AssetInfo base = info(100, 1, 0, List.of());
        AssetInfo info = new AssetInfo(base.id(), base.name(), base.type(), base.location(), base.bus(), 100, 1, base.reliability(), List.of(), true, 0,
                new ReactivePower.PowerFactor(0.8, false));

        assertThat(info.kvarAt(60)).isCloseTo(45, org.assertj.core.data.Offset.offset(1e-9));
        // at 90 kW only sqrt(100² − 90²) = 43.6 kvar are left of the 67.5 the power factor asks for
        assertThat(info.kvarAt(90)).isCloseTo(Math.sqrt(1900), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(base.kvarAt(90)).isZero();
    }
}
