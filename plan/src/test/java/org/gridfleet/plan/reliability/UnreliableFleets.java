package org.gridfleet.plan.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.AssetInfo;
import org.gridfleet.model.asset.CostCurve;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.Reliability;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.testkit.Assets;

/** Devices that fail, for reliability tests: the testkit's devices never do. */
public final class UnreliableFleets {
    private UnreliableFleets() {}

    /** Identity and rating with the testkit's defaults, failing as {@code reliability} says. */
    public static AssetInfo info(String id, DeviceType type, double ratedPowerKw, Reliability reliability) {
        return new AssetInfo(AssetId.of(id), id, type, Assets.SITE, Assets.BUS, ratedPowerKw, 1.0, reliability, List.of(), true, 0.0);
    }

    /** A linear-cost generator that starts freely and ramps over its range in a minute, failing as {@code reliability} says. */
    public static Generator unit(String id, DeviceType type, double ratedPowerKw, double costPerKwh, double co2KgPerKwh,
                                 Reliability reliability) {
        Generator g = Assets.generator(info(id, type, ratedPowerKw, reliability), 0, new CostCurve.Quadratic(0, costPerKwh, 0));
        return new Generator(g.info(), g.minStablePowerKw(), g.rampUpKwPerMin(), g.rampDownKwPerMin(), g.minUpTimeHours(),
                g.minDownTimeHours(), g.startUp(), g.initialState(), g.costCurve(), g.runHourLimit(), co2KgPerKwh);
    }

    /** A forced outage rate with its repair time, and the mean time to failure they imply. */
    public static Reliability failing(double forcedOutageRate, double mttrHours) {
        return new Reliability(forcedOutageRate, Reliability.impliedMttfHours(forcedOutageRate, mttrHours), mttrHours);
    }

    /** {@code problem} with every device failing at a seeded random rate of 1..8 %, repaired in 4..48 h. */
    public static PlanningProblem withRandomReliability(PlanningProblem problem, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Asset> assets = new ArrayList<>();
        for (Asset asset : problem.assets()) {
            assets.add(withReliability(asset, failing(0.01 + 0.07 * random.nextDouble(), 4 + 44 * random.nextDouble())));
        }
        return new PlanningProblem(problem.name(), problem.currency(), problem.grid(), assets, problem.endUsers(), problem.network(),
                problem.availability(), problem.forecastKw(), problem.demandKwByEndUser(), problem.salePricePerKwh(),
                problem.importTariffPerKwh(), problem.gridConnection(), problem.reserve(), problem.flags());
    }

    public static Asset withReliability(Asset asset, Reliability reliability) {
        AssetInfo i = asset.info();
        AssetInfo info = new AssetInfo(i.id(), i.name(), i.type(), i.location(), i.bus(), i.ratedPowerKw(), i.availability(), reliability,
                i.maintenance(), i.exportAllowed(), i.omCostPerKwh(), i.reactive());
        return switch (asset) {
            case Generator g -> new Generator(info, g.minStablePowerKw(), g.rampUpKwPerMin(), g.rampDownKwPerMin(), g.minUpTimeHours(),
                    g.minDownTimeHours(), g.startUp(), g.initialState(), g.costCurve(), g.runHourLimit(), g.co2KgPerKwh());
            case Renewable r -> new Renewable(info, r.curtailable());
            case Storage s -> new Storage(info, s.energyCapacityKwh(), s.maxChargeKw(), s.maxDischargeKw(), s.chargeEfficiency(),
                    s.dischargeEfficiency(), s.selfDischargePerHour(), s.minSoc(), s.maxSoc(), s.initialSoc(), s.finalSoc(),
                    s.degradationCostPerKwh());
        };
    }
}
