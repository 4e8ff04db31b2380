package org.gridfleet.testkit;

import java.util.ArrayList;
import java.util.List;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.BusId;
import org.gridfleet.model.GeoLocation;
import org.gridfleet.model.asset.AssetInfo;
import org.gridfleet.model.asset.CostCurve;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.InitialState;
import org.gridfleet.model.asset.MaintenanceWindow;
import org.gridfleet.model.asset.Reliability;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.RunHourLimit;
import org.gridfleet.model.asset.StartUp;
import org.gridfleet.model.asset.Storage;

/**
 * Concise construction of devices for tests, with the defaults of the fleet format (docs/fleet-format.md): one
 * site, one bus, availability 1, export allowed, no O&amp;M cost, never failing. Generators start and ramp freely
 * and have been off for long; storage uses its type's efficiencies and self-discharge.
 */
public final class Assets {
    /** The bus every test device hangs on. */
    public static final BusId BUS = BusId.of("B1");
    /** The site every test device stands on. */
    public static final GeoLocation SITE = new GeoLocation(52.09, 5.12);

    private Assets() {}

    /** Identity and rating with the defaults: availability 1, export allowed, no O&amp;M cost, no maintenance. */
    public static AssetInfo info(String id, DeviceType type, double ratedPowerKw) {
        return info(id, type, ratedPowerKw, 1.0, true, 0.0);
    }

    public static AssetInfo info(String id, DeviceType type, double ratedPowerKw, double availability,
                                 boolean exportAllowed, double omCostPerKwh, MaintenanceWindow... maintenance) {
        return new AssetInfo(AssetId.of(id), id, type, SITE, BUS, ratedPowerKw, availability, Reliability.PERFECT,
                List.of(maintenance), exportAllowed, omCostPerKwh);
    }

    /** A generator that starts for free, ramps over its whole range in a minute and has been off for long. */
    public static Generator generator(String id, DeviceType type, double ratedPowerKw, double minStablePowerKw, CostCurve cost) {
        return generator(info(id, type, ratedPowerKw), minStablePowerKw, cost);
    }

    public static Generator generator(AssetInfo info, double minStablePowerKw, CostCurve cost) {
        return new Generator(info, minStablePowerKw, info.ratedPowerKw(), info.ratedPowerKw(), 0, 0,
                StartUp.FREE_AND_INSTANT, InitialState.LONG_OFF, cost, RunHourLimit.NONE, co2KgPerKwh(info.type()));
    }

    /** The fleet format's default emissions by type, kg CO2 per kWh produced. */
    public static double co2KgPerKwh(DeviceType type) {
        return type.typicalCo2KgPerKwh();
    }

    public static Renewable renewable(String id, DeviceType type, double ratedPowerKw, boolean curtailable) {
        return new Renewable(info(id, type, ratedPowerKw), curtailable);
    }

    /**
     * Storage with its type's efficiencies and self-discharge (docs/fleet-format.md), charge and discharge limits
     * equal to the rating, state of charge limits 0..1 and no degradation cost.
     */
    public static Storage storage(String id, DeviceType type, double ratedPowerKw, double energyCapacityKwh, double initialSoc) {
        return new Storage(info(id, type, ratedPowerKw), energyCapacityKwh, ratedPowerKw, ratedPowerKw,
                type.typicalEfficiency(), type.typicalEfficiency(), type.typicalSelfDischargePerHour(), 0, 1, initialSoc, 0);
    }

    /** Cost per hour at points of output: {@code powerKw, costPerHour, powerKw, costPerHour, ...}. */
    public static CostCurve.PiecewiseLinear piecewise(double... powerKwAndCostPerHour) {
        return new CostCurve.PiecewiseLinear(points(powerKwAndCostPerHour));
    }

    /** Fuel at a price per kWh (LHV) and efficiency at points of output: {@code powerKw, efficiency, ...}. */
    public static CostCurve.FuelBased fuel(String fuel, double fuelPricePerKwh, double... powerKwAndEfficiency) {
        return new CostCurve.FuelBased(fuel, fuelPricePerKwh, points(powerKwAndEfficiency));
    }

    private static List<CostCurve.Point> points(double... pairs) {
        if (pairs.length == 0 || pairs.length % 2 != 0) {
            throw new IllegalArgumentException("need pairs of (powerKw, value): " + pairs.length + " numbers");
        }
        List<CostCurve.Point> points = new ArrayList<>();
        for (int k = 0; k < pairs.length; k += 2) {
            points.add(new CostCurve.Point(pairs[k], pairs[k + 1]));
        }
        return points;
    }
}
