package org.gridfleet.control.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gridfleet.control.dispatch.DispatchRequest.GeneratorOffer;
import org.gridfleet.control.dispatch.DispatchRequest.GridOffer;
import org.gridfleet.control.dispatch.DispatchRequest.RenewableOffer;
import org.gridfleet.control.dispatch.DispatchRequest.StorageOffer;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.asset.CostCurve;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.testkit.Assets;
import org.junit.jupiter.api.Test;

/**
 * The dispatch LP against cases worked by hand. Three generators with linear cost curves (so the LP's segments are
 * exact):
 * <pre>
 *   G1  reciprocating engine 500 kW, min 100 kW,  5 $/h + 0.10 $/kWh   committed
 *   G2  microturbine         400 kW, min  50 kW,  2 $/h + 0.15 $/kWh   committed
 *   G3  fuel cell            300 kW, min  60 kW,  1 $/h + 0.25 $/kWh   not committed, may start (fast start)
 * </pre>
 * Cheapest first: G1 fills to 500 kW, then G2 to 400 kW; only beyond 900 kW is G3 started, and then at what is left.
 */
class DispatcherTest {
    static final double KW = 1e-3;
    final Dispatcher dispatcher = new Dispatcher();

    static final Generator G1 = Assets.generator("G1", DeviceType.RECIPROCATING_ENGINE, 500, 100, new CostCurve.Quadratic(5, 0.10, 0));
    static final Generator G2 = Assets.generator("G2", DeviceType.MICROTURBINE, 400, 50, new CostCurve.Quadratic(2, 0.15, 0));
    static final Generator G3 = Assets.generator("G3", DeviceType.FUEL_CELL, 300, 60, new CostCurve.Quadratic(1, 0.25, 0));

    static GeneratorOffer offer(Generator g, boolean committed, boolean startable) {
        return new GeneratorOffer(g.id(), committed, startable, LinearCost.of(g, g.ratedPowerKw()), 0, true);
    }

    static DispatchRequest threeUnits(double demandKw, GridOffer grid) {
        return new DispatchRequest(demandKw, 0, List.of(offer(G1, true, false), offer(G2, true, false), offer(G3, false, true)), List.of(), List.of(),
                grid);
    }

    @Test
    void threeUnitsAt700KwLoadTheCheapestFirst() {
        DispatchResult r = dispatcher.dispatch(threeUnits(700, GridOffer.ISLANDED));

        // by hand: G1 at its 500 kW, G2 the remaining 200 kW; G3 stays off
        assertThat(r.setpointKw(G1.id())).isCloseTo(500, within(KW));
        assertThat(r.setpointKw(G2.id())).isCloseTo(200, within(KW));
        assertThat(r.setpointKw(G3.id())).isZero();
        assertThat(r.started()).isEmpty();
        // 5 + 0.10·500 + 2 + 0.15·200 = 87 $/h
        assertThat(r.costPerHour()).isCloseTo(87, within(1e-6));
        assertThat(r.devicesKw()).isCloseTo(700, within(KW));
        assertThat(r.meetsDemand()).isTrue();
        assertThat(r.solves()).isEqualTo(1);
    }

    @Test
    void aUnitHeldByTheOperatorIsAConstantAndTheOthersCoverTheRest() {
        // G1 held at 150 kW by an operator (55 − 50 + 0.10·150 = 20 $/h at that output, as the caller prices it)
        DispatchRequest request = new DispatchRequest(700, 0, List.of(offer(G2, true, false), offer(G3, false, true)), List.of(), List.of(),
                List.of(new DispatchRequest.HeldDevice(G1.id(), 150, 20, true)), GridOffer.ISLANDED);

        DispatchResult r = dispatcher.dispatch(request);

        // by hand: 700 − 150 = 550 kW from the others: G2 to its 400 kW, G3 started for the last 150 kW
        assertThat(r.setpointKw(G1.id())).isEqualTo(150);
        assertThat(r.setpointKw(G2.id())).isCloseTo(400, within(KW));
        assertThat(r.setpointKw(G3.id())).isCloseTo(150, within(KW));
        assertThat(r.started()).containsExactly(G3.id());
        assertThat(r.devicesKw()).isCloseTo(700, within(KW));
        // 20 + (2 + 0.15·400) + (1 + 0.25·150) = 120.5 $/h
        assertThat(r.costPerHour()).isCloseTo(120.5, within(1e-6));
        assertThat(r.capacityKw()).as("held 150 + G2 400 + G3 300").isCloseTo(850, within(KW));
    }

    @Test
    void threeUnitsAt1000KwStartTheFastUnitForWhatTheCommittedOnesCannotGive() {
        DispatchResult r = dispatcher.dispatch(threeUnits(1000, GridOffer.ISLANDED));

        // by hand: G1 500 + G2 400 = 900 short of 1000 → start G3 for the last 100 kW (above its 60 kW minimum)
        assertThat(r.setpointKw(G1.id())).isCloseTo(500, within(KW));
        assertThat(r.setpointKw(G2.id())).isCloseTo(400, within(KW));
        assertThat(r.setpointKw(G3.id())).isCloseTo(100, within(KW));
        assertThat(r.started()).containsExactly(G3.id());
        // 55 + 62 + 1 + 25 = 143 $/h
        assertThat(r.costPerHour()).isCloseTo(143, within(1e-6));
        assertThat(r.meetsDemand()).isTrue();
        assertThat(r.solves()).isEqualTo(2);
    }

    @Test
    void aStartedUnitNeverRunsBelowItsMinimum() {
        DispatchResult r = dispatcher.dispatch(threeUnits(920, GridOffer.ISLANDED));

        // G3 must give at least 60 kW once started, so G2 backs off: 500 + 360 + 60 = 920
        assertThat(r.setpointKw(G3.id())).isCloseTo(60, within(KW));
        assertThat(r.setpointKw(G2.id())).isCloseTo(360, within(KW));
        assertThat(r.setpointKw(G1.id())).isCloseTo(500, within(KW));
    }

    @Test
    void demandBeyondTheFleetSaysByHowMuch() {
        DispatchResult r = dispatcher.dispatch(threeUnits(1300, GridOffer.ISLANDED));

        assertThat(r.devicesKw()).isCloseTo(1200, within(KW));
        assertThat(r.capacityKw()).isCloseTo(1200, within(KW));
        assertThat(r.shortKw()).isCloseTo(100, within(KW));
        assertThat(r.unservedKw()).isCloseTo(100, within(KW));
        assertThat(r.meetsDemand()).isFalse();
    }

    @Test
    void importCoversWhatTheDevicesCannotButTheShortfallStands() {
        DispatchResult r = dispatcher.dispatch(threeUnits(1300, new GridOffer(60, 0.30, 0, 0)));

        assertThat(r.shortKw()).isCloseTo(100, within(KW));
        assertThat(r.importKw()).isCloseTo(60, within(KW));
        assertThat(r.unservedKw()).isCloseTo(40, within(KW));
    }

    @Test
    void cheapImportDoesNotDisplaceTheDevices() {
        // the plant's promise: its devices cover demand; import only for what they cannot (as the planner)
        DispatchResult r = dispatcher.dispatch(threeUnits(700, new GridOffer(1000, 0.01, 0, 0)));

        assertThat(r.importKw()).isZero();
        assertThat(r.devicesKw()).isCloseTo(700, within(KW));
    }

    @Test
    void minimumsAboveDemandSpillWhenNothingTakesIt() {
        DispatchResult r = dispatcher.dispatch(threeUnits(120, GridOffer.ISLANDED));

        assertThat(r.setpointKw(G1.id())).isCloseTo(100, within(KW));
        assertThat(r.setpointKw(G2.id())).isCloseTo(50, within(KW));
        assertThat(r.spillKw()).isCloseTo(30, within(KW));
    }

    @Test
    void surplusIsExportedWhereAllowed() {
        DispatchResult r = dispatcher.dispatch(threeUnits(120, new GridOffer(0, 0.2, 100, 0.05)));

        assertThat(r.exportKw()).isCloseTo(30, within(KW));
        assertThat(r.spillKw()).isZero();
    }

    @Test
    void storageHoldsItsPlanUnlessTheGeneratorsCannotCoverDemand() {
        StorageOffer battery = new StorageOffer(AssetId.of("BAT"), -100, 100, 20, true);
        DispatchRequest easy = new DispatchRequest(700, 0, List.of(offer(G1, true, false), offer(G2, true, false)), List.of(), List.of(battery),
                GridOffer.ISLANDED);
        DispatchRequest hard = new DispatchRequest(950, 0, List.of(offer(G1, true, false), offer(G2, true, false), offer(G3, false, true)),
                List.of(), List.of(battery), GridOffer.ISLANDED);

        DispatchResult e = dispatcher.dispatch(easy);
        DispatchResult h = dispatcher.dispatch(hard);

        // easy: the battery gives its planned 20 kW, the generators the rest
        assertThat(e.setpointKw(battery.id())).isCloseTo(20, within(KW));
        assertThat(e.setpointKw(G1.id()) + e.setpointKw(G2.id())).isCloseTo(680, within(KW));
        // hard: 900 kW of generators; the battery steps in for the last 50 kW before any unit is started
        assertThat(h.setpointKw(battery.id())).isCloseTo(50, within(KW));
        assertThat(h.started()).isEmpty();
        assertThat(h.setpointKw(G3.id())).isZero();
    }

    @Test
    void curtailableRenewablesAreCurtailedOnlyAgainstMinimums() {
        RenewableOffer pv = new RenewableOffer(AssetId.of("PV"), 250, true, 0, true);
        RenewableOffer wind = new RenewableOffer(AssetId.of("WT"), 40, false, 0, true);
        DispatchRequest request = new DispatchRequest(300, 0, List.of(offer(G1, true, false)), List.of(pv, wind), List.of(), GridOffer.ISLANDED);

        DispatchResult r = dispatcher.dispatch(request);

        // G1 cannot go below 100 kW and the wind gives 40 kW whatever: the PV is curtailed to 160 kW
        assertThat(r.setpointKw(G1.id())).isCloseTo(100, within(KW));
        assertThat(r.setpointKw(wind.id())).isCloseTo(40, within(KW));
        assertThat(r.setpointKw(pv.id())).isCloseTo(160, within(KW));
    }

    @Test
    void lossesAreCoveredOnTopOfDemand() {
        DispatchResult r = dispatcher.dispatch(new DispatchRequest(700, 25, List.of(offer(G1, true, false), offer(G2, true, false)), List.of(),
                List.of(), GridOffer.ISLANDED));

        assertThat(r.devicesKw()).isCloseTo(725, within(KW));
        assertThat(r.requiredKw()).isEqualTo(725);
    }

    @Test
    void theSameRequestGivesTheSameAnswer() {
        DispatchRequest request = threeUnits(1000, new GridOffer(60, 0.30, 40, 0.05));

        assertThat(dispatcher.dispatch(request).setpointsKw()).isEqualTo(dispatcher.dispatch(request).setpointsKw());
    }

    @Test
    void demandIsMetExactlyWhenTheOfferedDevicesCanGiveIt() {
        SplittableRandom random = new SplittableRandom(7);
        for (int run = 0; run < 200; run++) {
            List<GeneratorOffer> generators = new ArrayList<>();
            int n = 1 + random.nextInt(8);
            for (int i = 0; i < n; i++) {
                double max = 50 + random.nextDouble(950);
                double min = max * random.nextDouble(0.5);
                double slope = 0.05 + random.nextDouble(0.3);
                boolean committed = random.nextBoolean();
                generators.add(new GeneratorOffer(AssetId.of("G" + i), committed, !committed && random.nextBoolean(),
                        LinearCost.linear(min, max, random.nextDouble(10), slope), 0.01, true));
            }
            List<StorageOffer> stores = List.of(new StorageOffer(AssetId.of("S"), -random.nextDouble(100), random.nextDouble(100),
                    random.nextDouble(-50, 50), true));
            double demand = random.nextDouble(3000);
            DispatchRequest request = new DispatchRequest(demand, 0, generators, List.of(), stores, GridOffer.ISLANDED);

            DispatchResult r = dispatcher.dispatch(request);

            assertThat(r.meetsDemand()).as("run %d: demand %.1f, capacity %.1f: %s for %s", run, demand, r.capacityKw(), r, request)
                    .isEqualTo(demand <= r.capacityKw() + DispatchResult.TOLERANCE_KW);
            if (r.meetsDemand()) {
                assertThat(r.devicesKw()).as("run %d", run).isGreaterThanOrEqualTo(demand - DispatchResult.TOLERANCE_KW);
            } else {
                assertThat(r.devicesKw()).as("run %d: short means everything at its maximum", run).isCloseTo(r.capacityKw(), within(0.01));
            }
            for (GeneratorOffer g : generators) {
                double p = r.setpointKw(g.id());
                assertThat(p == 0 || p >= g.minKw() - KW && p <= g.maxKw() + KW).as("run %d: %s at %.3f in [%.3f, %.3f] or 0", run, g.id(), p,
                        g.minKw(), g.maxKw()).isTrue();
                if (g.committed()) {
                    assertThat(p).isGreaterThanOrEqualTo(g.minKw() - KW);
                }
                if (!g.committed() && !g.startable()) {
                    assertThat(p).isZero();
                }
            }
        }
    }

    @Test
    void linearisedQuadraticCurveLiesOnItsBreakpoints() {
        Generator g = Assets.generator("Q", DeviceType.RECIPROCATING_ENGINE, 800, 200, new CostCurve.Quadratic(25, 0.09, 0.00002));

        LinearCost cost = LinearCost.of(g, 800);

        assertThat(cost.segments()).isEqualTo(LinearCost.QUADRATIC_SEGMENTS);
        for (double p : new double[] {200, 350, 500, 650, 800}) {
            assertThat(cost.costPerHour(p)).isCloseTo(g.costCurve().costPerHour(p), within(1e-9));
        }
        assertThat(cost.costPerHour(275)).isGreaterThan(g.costCurve().costPerHour(275)); // secants above the parabola
    }

    @Test
    void aRampLimitedUnitIsHeldToWhatItCanReachAndTheRestIsShortForNow() {
        // G1 runs at 150 kW and ramps 5 kW/min with 10 minutes left: it can reach [100, 200] kW of its 500 kW
        GeneratorOffer rampLimited = new GeneratorOffer(G1.id(), true, false, LinearCost.of(G1, 500).within(100, 200), 0, true, 500, true);
        DispatchRequest request = new DispatchRequest(700, 0, List.of(rampLimited, offer(G2, true, false)), List.of(), List.of(), GridOffer.ISLANDED);

        DispatchResult r = dispatcher.dispatch(request);

        // by hand: G1 200 + G2 400 = 600, 100 kW short; once G1 has ramped, 500 + 400 = 900 kW would do: nothing lasts
        assertThat(r.setpointKw(G1.id())).isCloseTo(200, within(KW));
        assertThat(r.setpointKw(G2.id())).isCloseTo(400, within(KW));
        assertThat(r.capacityKw()).isCloseTo(600, within(KW));
        assertThat(r.shortKw()).isCloseTo(100, within(KW));
        assertThat(r.lastingShortKw()).isZero();
        // 5 + 0.10·200 + 2 + 0.15·400 = 87 $/h
        assertThat(r.costPerHour()).isCloseTo(87, within(1e-6));
    }

    @Test
    void aCommittedUnitThatCannotStartInTimeIsToldToStartButCountsForNothing() {
        GeneratorOffer late = new GeneratorOffer(G3.id(), true, false, LinearCost.of(G3, 300), 0, true, 300, false);
        DispatchRequest request = new DispatchRequest(1000, 0, List.of(offer(G1, true, false), offer(G2, true, false), late), List.of(), List.of(),
                GridOffer.ISLANDED);

        DispatchResult r = dispatcher.dispatch(request);

        assertThat(r.setpointKw(G3.id())).as("its minimum: it starts").isCloseTo(60, within(KW));
        assertThat(r.starting()).containsExactly(G3.id());
        assertThat(r.started()).as("the plan runs it").isEmpty();
        assertThat(r.devicesKw()).isCloseTo(900, within(KW));
        assertThat(r.shortKw()).isCloseTo(100, within(KW));
        assertThat(r.lastingShortKw()).as("its 300 kW will cover the 100 kW").isZero();
    }

    @Test
    void aSlowUnitIsStartedForLaterOnlyWhenTheShortfallLasts() {
        GeneratorOffer slow = new GeneratorOffer(G3.id(), false, true, LinearCost.of(G3, 300), 0, true, 300, false);
        GeneratorOffer rampLimited = new GeneratorOffer(G1.id(), true, false, LinearCost.of(G1, 500).within(100, 200), 0, true, 500, true);

        // 700 kW: short now (G1's ramp) but not for long: no start
        DispatchResult passing = dispatcher.dispatch(new DispatchRequest(700, 0, List.of(rampLimited, offer(G2, true, false), slow), List.of(),
                List.of(), GridOffer.ISLANDED));
        assertThat(passing.started()).isEmpty();
        assertThat(passing.setpointKw(G3.id())).isZero();

        // 1000 kW: 900 kW even once G1 has ramped: G3 starts for later, and then nothing lasts
        DispatchResult lasting = dispatcher.dispatch(new DispatchRequest(1000, 0, List.of(rampLimited, offer(G2, true, false), slow), List.of(),
                List.of(), GridOffer.ISLANDED));
        assertThat(lasting.started()).containsExactly(G3.id());
        assertThat(lasting.starting()).containsExactly(G3.id());
        assertThat(lasting.setpointKw(G3.id())).isCloseTo(60, within(KW));
        assertThat(lasting.shortKw()).isCloseTo(400, within(KW));
        assertThat(lasting.lastingShortKw()).isZero();
    }

    @Test
    void aCurveCutToWhatTheUnitCanReachKeepsItsCosts() {
        Generator g = Assets.generator("Q", DeviceType.RECIPROCATING_ENGINE, 800, 200, new CostCurve.Quadratic(25, 0.09, 0.00002));
        LinearCost full = LinearCost.of(g, 800);

        LinearCost cut = full.within(300, 560);

        assertThat(cut.minKw()).isEqualTo(300);
        assertThat(cut.maxKw()).isCloseTo(560, within(1e-9));
        for (double p : new double[] {300, 350, 500, 560}) {
            assertThat(cut.costPerHour(p)).isCloseTo(full.costPerHour(p), within(1e-9));
        }
        assertThat(full.within(0, 10_000).maxKw()).as("held within the curve").isCloseTo(800, within(1e-9));
    }
}
