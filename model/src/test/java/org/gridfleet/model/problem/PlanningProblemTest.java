package org.gridfleet.model.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.BusId;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.TestAssets;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.Tolerance;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.fleet.Bus;
import org.gridfleet.model.fleet.CustomerClass;
import org.gridfleet.model.fleet.EndUser;
import org.gridfleet.model.fleet.GridConnection;
import org.gridfleet.model.fleet.Line;
import org.gridfleet.model.fleet.Network;
import org.gridfleet.model.fleet.ReserveRequirement;
import org.junit.jupiter.api.Test;

/**
 * Three hourly intervals from 2024-06-01T00:00Z on two buses:
 *
 * <pre>
 *            GEN-1 engine 400 kW    PV-1 200 kW          BAT-1 250 kW, discharge ≤ 200 kW
 *            avail 1 │ 0.5 │ 0      avail 1 │ 1 │ 0.5    avail 1 │ 0.8 │ 0
 *                 │                 forecast 150 │ 250 │ 180     │
 *   B1 ───────────┴─────────────────┴──────── L1 ─────────────────┴──── B2
 *    ├── EU-1  demand 100 │ 200 │ 300                               └── EU-2  demand 50 │ 50 │ 50
 *    └── EU-3  demand  10 │  20 │  30
 * </pre>
 */
class PlanningProblemTest {
    private static final double KW = Tolerance.POWER_KW;
    private static final TimeGrid GRID = new TimeGrid(Instant.parse("2024-06-01T00:00:00Z"), Duration.ofHours(1), 3);
    private static final BusId B1 = BusId.of("B1");
    private static final BusId B2 = BusId.of("B2");

    private static final Generator GEN = TestAssets.generator("GEN-1", DeviceType.RECIPROCATING_ENGINE, 400, 100);
    private static final Renewable PV = TestAssets.renewable("PV-1", DeviceType.PHOTOVOLTAIC, 200);
    private static final Storage BAT = TestAssets.storage("BAT-1", 250, 500, 100, 200);

    private static final EndUser EU1 = new EndUser(EndUserId.of("EU-1"), "bakery", B1, CustomerClass.COMMERCIAL);
    private static final EndUser EU2 = new EndUser(EndUserId.of("EU-2"), "house", B2, CustomerClass.RESIDENTIAL);
    private static final EndUser EU3 = new EndUser(EndUserId.of("EU-3"), "school", B1, CustomerClass.COMMERCIAL);

    private static final Network NETWORK = new Network(List.of(new Bus(B1, 0.4), new Bus(B2, 0.4)),
            List.of(new Line("L1", B1, B2, 0.05, 0.02, 0, 250)), Optional.of(B1));

    /** The parts of a problem, mutable so a test can spoil one of them. */
    private static final class Parts {
        List<Asset> assets = List.of(GEN, PV, BAT);
        List<EndUser> endUsers = List.of(EU1, EU2, EU3);
        Map<AssetId, Profile> availability = new HashMap<>(Map.of(
                GEN.id(), Profile.of(1, 0.5, 0),
                PV.id(), Profile.of(1, 1, 0.5),
                BAT.id(), Profile.of(1, 0.8, 0)));
        Map<AssetId, Profile> forecastKw = new HashMap<>(Map.of(PV.id(), Profile.of(150, 250, 180)));
        Map<EndUserId, Profile> demandKw = new HashMap<>(Map.of(
                EU1.id(), Profile.of(100, 200, 300),
                EU2.id(), Profile.of(50, 50, 50),
                EU3.id(), Profile.of(10, 20, 30)));
        Profile salePrice = Profile.constant(3, 0.05);
        Profile importTariff = Profile.constant(3, 0.25);

        PlanningProblem build() {
            return new PlanningProblem("tiny", "USD", GRID, assets, endUsers, NETWORK, availability, forecastKw, demandKw,
                    salePrice, importTariff, GridConnection.connected(500, 500), ReserveRequirement.NONE, List.of());
        }
    }

    private static PlanningProblem problem() {
        return new Parts().build();
    }

    @Test
    void demandIsTheSumOverAllEndUsers() {
        // (100 + 50 + 10, 200 + 50 + 20, 300 + 50 + 30) = (160, 270, 380)
        assertThat(problem().demandKw().toArray()).containsExactly(new double[] {160, 270, 380}, within(KW));
    }

    @Test
    void demandByBusSumsTheEndUsersOnEachBus() {
        Map<BusId, Profile> byBus = problem().demandKwByBus();

        // B1: EU-1 + EU-3 = (110, 220, 330); B2: EU-2 = (50, 50, 50)
        assertThat(byBus.get(B1).toArray()).containsExactly(new double[] {110, 220, 330}, within(KW));
        assertThat(byBus.get(B2).toArray()).containsExactly(new double[] {50, 50, 50}, within(KW));
    }

    @Test
    void demandByBusListsBusesInOrderOfFirstAppearance() {
        // EU-1 on B1, EU-2 on B2, EU-3 on B1 again
        assertThat(problem().demandKwByBus()).containsOnlyKeys(B1, B2);
        assertThat(problem().demandKwByBus().keySet()).containsExactly(B1, B2);

        Parts reversed = new Parts();
        reversed.endUsers = List.of(EU2, EU1, EU3);
        assertThat(reversed.build().demandKwByBus().keySet()).containsExactly(B2, B1);
    }

    @Test
    void demandByBusAddsUpToTotalDemand() {
        PlanningProblem p = problem();
        Profile total = p.demandKwByBus().values().stream().reduce(Profile::plus).orElseThrow();

        assertThat(total.toArray()).containsExactly(p.demandKw().toArray(), within(KW));
    }

    @Test
    void generatorMaxOutputIsRatingTimesAvailability() {
        // 400 · (1, 0.5, 0) = (400, 200, 0)
        assertThat(problem().maxOutputKw(GEN).toArray()).containsExactly(new double[] {400, 200, 0}, within(KW));
    }

    @Test
    void renewableMaxOutputIsBoundedByForecastAndAvailableRating() {
        // min(200·1 = 200, 150) = 150: the forecast binds
        // min(200·1 = 200, 250) = 200: the rating binds
        // min(200·0.5 = 100, 180) = 100: the availability binds
        assertThat(problem().maxOutputKw(PV).toArray()).containsExactly(new double[] {150, 200, 100}, within(KW));
    }

    @Test
    void storageMaxOutputIsDischargeLimitTimesAvailability() {
        // the 200 kW discharge limit, not the 250 kW rating: 200 · (1, 0.8, 0) = (200, 160, 0)
        assertThat(problem().maxOutputKw(BAT).toArray()).containsExactly(new double[] {200, 160, 0}, within(KW));
    }

    @Test
    void problemCopiesItsCollections() {
        Parts parts = new Parts();
        PlanningProblem p = parts.build();

        parts.demandKw.put(EU1.id(), Profile.of(0, 0, 0));
        parts.availability.clear();

        assertThat(p.demandKw().get(0)).isCloseTo(160, within(KW));
        assertThat(p.availability()).hasSize(3);
        assertThatThrownBy(() -> p.assets().add(GEN)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void availabilityOfWrongLengthIsRejected() {
        Parts parts = new Parts();
        parts.availability.put(GEN.id(), Profile.of(1, 1));

        assertThatThrownBy(parts::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("availability of GEN-1").hasMessageContaining("(3)");
    }

    @Test
    void missingAvailabilityIsRejected() {
        Parts parts = new Parts();
        parts.availability.remove(BAT.id());

        assertThatThrownBy(parts::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("availability of BAT-1");
    }

    @Test
    void forecastOfWrongLengthOrMissingIsRejected() {
        Parts tooLong = new Parts();
        tooLong.forecastKw.put(PV.id(), Profile.of(1, 2, 3, 4));
        assertThatThrownBy(tooLong::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("forecast of PV-1");

        Parts missing = new Parts();
        missing.forecastKw.clear();
        assertThatThrownBy(missing::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("forecast of PV-1");
    }

    @Test
    void demandOfWrongLengthOrMissingIsRejected() {
        Parts tooShort = new Parts();
        tooShort.demandKw.put(EU2.id(), Profile.of(50));
        assertThatThrownBy(tooShort::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("demand of EU-2");

        Parts missing = new Parts();
        missing.demandKw.remove(EU3.id());
        assertThatThrownBy(missing::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("demand of EU-3");
    }

    @Test
    void pricesOfWrongLengthAreRejected() {
        Parts sale = new Parts();
        sale.salePrice = Profile.constant(4, 0.05);
        assertThatThrownBy(sale::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sale price");

        Parts tariff = new Parts();
        tariff.importTariff = Profile.constant(2, 0.25);
        assertThatThrownBy(tariff::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("import tariff");
    }

    @Test
    void demandForAnUnknownEndUserIsRejected() {
        Parts parts = new Parts();
        parts.demandKw.put(EndUserId.of("EU-9"), Profile.of(1_000, 1_000, 1_000));

        assertThatThrownBy(parts::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EU-9");
    }

    @Test
    void duplicateEndUserIsRejected() {
        Parts parts = new Parts();
        parts.endUsers = List.of(EU1, EU2, EU3, EU1);

        assertThatThrownBy(parts::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EU-1");
    }

    @Test
    void availabilityAboveOneIsRejected() {
        Parts parts = new Parts();
        parts.availability.put(GEN.id(), Profile.of(1, 1.5, 1));

        assertThatThrownBy(parts::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GEN-1");
    }
}
