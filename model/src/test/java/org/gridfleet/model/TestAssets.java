package org.gridfleet.model;

import java.util.List;
import org.gridfleet.model.asset.AssetInfo;
import org.gridfleet.model.asset.CostCurve;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.InitialState;
import org.gridfleet.model.asset.Reliability;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.RunHourLimit;
import org.gridfleet.model.asset.StartUp;
import org.gridfleet.model.asset.Storage;

/**
 * Devices for the model's own tests (the {@code testkit} fixtures depend on this module and cannot be used here):
 * one site, availability 1, export allowed, no O&amp;M cost, never failing.
 */
public final class TestAssets {
    public static final GeoLocation SITE = new GeoLocation(52.09, 5.12);
    public static final BusId BUS = BusId.of("B1");

    private TestAssets() {}

    public static AssetInfo info(String id, DeviceType type, double ratedPowerKw) {
        return info(id, type, ratedPowerKw, BUS);
    }

    public static AssetInfo info(String id, DeviceType type, double ratedPowerKw, BusId bus) {
        return new AssetInfo(AssetId.of(id), id, type, SITE, bus, ratedPowerKw, 1.0, Reliability.PERFECT, List.of(), true, 0.0);
    }

    /** A generator that starts for free, ramps freely, has been off for long and costs 0.1 per kWh. */
    public static Generator generator(String id, DeviceType type, double ratedPowerKw, double minStablePowerKw) {
        return new Generator(info(id, type, ratedPowerKw), minStablePowerKw, ratedPowerKw, ratedPowerKw, 0, 0,
                StartUp.FREE_AND_INSTANT, InitialState.LONG_OFF, new CostCurve.Quadratic(0, 0.1, 0), RunHourLimit.NONE, 0.5);
    }

    public static Renewable renewable(String id, DeviceType type, double ratedPowerKw) {
        return new Renewable(info(id, type, ratedPowerKw), true);
    }

    /** Storage with SOC limits 0.1..0.9, initial SOC 0.5, efficiencies 0.95 and no self-discharge or degradation cost. */
    public static Storage storage(String id, double ratedPowerKw, double energyCapacityKwh, double maxChargeKw, double maxDischargeKw) {
        return new Storage(info(id, DeviceType.BATTERY, ratedPowerKw), energyCapacityKwh, maxChargeKw, maxDischargeKw,
                0.95, 0.95, 0, 0.1, 0.9, 0.5, 0);
    }
}
