package org.gridfleet.synth;

import static org.gridfleet.synth.Decimals.round;
import static org.gridfleet.synth.Decimals.roundSignificant;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.BusId;
import org.gridfleet.model.GeoLocation;
import org.gridfleet.model.asset.Asset;
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
 * Plausible operating data for each of the nine device types, drawn from ranges typical of DERs up to about
 * 10 MW. Values are rounded the way data sheets state them, so a written fleet reads back unchanged.
 *
 * <p>A generator burns {@code F(P) = F0 + P/ηm + γ·P²} kWh of fuel (LHV) per hour at output {@code P}: a
 * no-load share {@code s = F0/F(R)} and a quadratic share {@code q = γ·R²/F(R)} of the fuel at rating
 * {@code R}. All three cost forms are sampled from that one curve, so they agree with each other.
 */
final class DeviceCatalog {
    /** Btu per kWh, to turn an efficiency into a heat rate. */
    static final double BTU_PER_KWH = CostCurve.FuelBased.BTU_PER_KWH;
    /** CO2 per kWh of fuel energy (LHV): natural gas 56.1 kg/GJ, diesel 74.1 kg/GJ. */
    private static final double CO2_KG_PER_FUEL_KWH_GAS = 0.202;
    private static final double CO2_KG_PER_FUEL_KWH_DIESEL = 0.267;
    static final String DIESEL = "diesel";
    private static final String NATURAL_GAS = "natural-gas";

    /** How a generator's cost is stated. */
    enum CostForm { FUEL, QUADRATIC, PIECEWISE_LINEAR }

    /**
     * A device before it has a site, a bus and maintenance windows: everything else, and how to finish it.
     */
    record Draft(DeviceType type, AssetId id, String name, double ratedPowerKw, double availability,
                 Reliability reliability, boolean exportAllowed, double omCostPerKwh,
                 Function<AssetInfo, Asset> complete) {

        Asset build(GeoLocation location, BusId bus, List<MaintenanceWindow> maintenance) {
            return complete.apply(new AssetInfo(id, name, type, location, bus, ratedPowerKw, availability,
                    reliability, maintenance, exportAllowed, omCostPerKwh));
        }
    }

    /** A dispatchable generator's data before its cost curve is stated in one of the three forms. */
    private record Thermal(double ratedKw, double minStableKw, double rampUpKwPerMin, double rampDownKwPerMin,
                           double minUpHours, double minDownHours, StartUp startUp, InitialState initialState,
                           String fuel, double fuelPricePerKwh, double ratedEfficiency, double noLoadShare,
                           double quadraticShare, RunHourLimit runHours) {

        /** Fuel energy per hour at {@code powerKw}, kWh/h. */
        double fuelKwhPerHour(double powerKw) {
            double ratedFuel = ratedKw / ratedEfficiency;
            double noLoad = noLoadShare * ratedFuel;
            double perKw = ratedFuel * (1 - noLoadShare - quadraticShare) / ratedKw;
            double perKw2 = quadraticShare * ratedFuel / (ratedKw * ratedKw);
            return noLoad + perKw * powerKw + perKw2 * powerKw * powerKw;
        }

        double co2KgPerKwh() {
            double perFuelKwh = DIESEL.equals(fuel) ? CO2_KG_PER_FUEL_KWH_DIESEL : CO2_KG_PER_FUEL_KWH_GAS;
            return round(perFuelKwh / ratedEfficiency, 3);
        }
    }

    private DeviceCatalog() {}

    /** Draws one device of {@code type}; {@code costForm} is ignored by all but gas-fired generators. */
    static Draft draw(DeviceType type, AssetId id, String name, CostForm costForm, SplittableRandom random) {
        return switch (type) {
            case EMERGENCY_GENERATOR -> thermal(type, id, name, emergencyGenerator(random), CostForm.FUEL,
                    false, round(uniform(random, 0.02, 0.03), 4), reliability(random, 0.04, 0.08, 12, 48), random);
            case FUEL_CELL -> thermal(type, id, name, fuelCell(random), costForm,
                    true, round(uniform(random, 0.02, 0.035), 4), reliability(random, 0.03, 0.06, 48, 168), random);
            case RECIPROCATING_ENGINE -> thermal(type, id, name, reciprocatingEngine(random), costForm,
                    true, round(uniform(random, 0.012, 0.02), 4), reliability(random, 0.02, 0.05, 24, 72), random);
            case MICROTURBINE -> thermal(type, id, name, microturbine(random), costForm,
                    true, round(uniform(random, 0.012, 0.02), 4), reliability(random, 0.02, 0.05, 12, 48), random);
            case PHOTOVOLTAIC -> {
                double rated = roundTo(logUniform(random, 100, 5000), 10);
                boolean curtailable = random.nextDouble() < 0.9;
                yield new Draft(type, id, name, rated, availability(random), reliability(random, 0.01, 0.02, 24, 72),
                        true, 0, info -> new Renewable(info, curtailable));
            }
            case WIND_TURBINE -> {
                double rated = pick(random, 250, 500, 600, 750, 850, 1500, 2000, 2300, 2500, 3000);
                yield new Draft(type, id, name, rated, availability(random), reliability(random, 0.02, 0.05, 48, 120),
                        true, round(uniform(random, 0.004, 0.008), 4), info -> new Renewable(info, true));
            }
            case BATTERY -> {
                double rated = roundTo(uniform(random, 250, 4000), 50);
                double energy = rated * pick(random, 1, 1.5, 2, 3, 4);
                double charge = round(uniform(random, 0.94, 0.96), 3);
                double discharge = round(uniform(random, 0.94, 0.96), 3);
                double selfDischarge = round(uniform(random, 0.0001, 0.0003), 5);
                double minSoc = round(uniform(random, 0.05, 0.10), 2);
                double maxSoc = round(uniform(random, 0.90, 0.95), 2);
                double initialSoc = round(uniform(random, 0.40, 0.70), 2);
                double degradation = round(uniform(random, 0.015, 0.04), 4);
                yield storage(type, id, name, rated, energy, charge, discharge, selfDischarge, minSoc, maxSoc,
                        initialSoc, degradation, reliability(random, 0.01, 0.03, 24, 72), random);
            }
            case SMES -> {
                double rated = roundTo(uniform(random, 100, 1000), 50);
                // seconds to minutes of energy: 10 kWh at 100 kW (6 min) up to 50 kWh at 1 MW (3 min)
                double energy = roundTo(clamp(10 + 40 * (rated - 100) / 900 * uniform(random, 0.85, 1.15), 10, 50), 0.5);
                double charge = round(uniform(random, 0.96, 0.98), 3);
                double discharge = round(uniform(random, 0.96, 0.98), 3);
                double selfDischarge = round(uniform(random, 0.008, 0.012), 4);
                double initialSoc = round(uniform(random, 0.60, 0.90), 2);
                double degradation = round(uniform(random, 0.0005, 0.002), 4);
                yield storage(type, id, name, rated, energy, charge, discharge, selfDischarge, 0, 1,
                        initialSoc, degradation, reliability(random, 0.02, 0.05, 24, 96), random);
            }
            case FLYWHEEL -> {
                double rated = roundTo(uniform(random, 100, 500), 25);
                double energy = roundTo(rated * uniform(random, 0.2, 0.3), 0.5); // about 15 minutes at rating
                double charge = round(uniform(random, 0.92, 0.94), 3);
                double discharge = round(uniform(random, 0.92, 0.94), 3);
                double selfDischarge = round(uniform(random, 0.02, 0.04), 4);
                double initialSoc = round(uniform(random, 0.40, 0.80), 2);
                double degradation = round(uniform(random, 0.001, 0.004), 4);
                yield storage(type, id, name, rated, energy, charge, discharge, selfDischarge, 0.05, 1,
                        initialSoc, degradation, reliability(random, 0.02, 0.04, 12, 48), random);
            }
        };
    }

    private static Thermal emergencyGenerator(SplittableRandom random) {
        double rated = pick(random, 250, 300, 350, 400, 500, 600, 750, 800, 1000, 1250, 1500, 1750, 2000);
        double hot = round(uniform(random, 10, 30) + 0.01 * rated, 2);
        return new Thermal(rated, round(0.3 * rated, 0),
                round(rated * uniform(random, 0.5, 1.0), 1), round(rated * uniform(random, 0.8, 1.0), 1),
                0.5, 0.25, new StartUp(hot, round(1.5 * hot, 2), 8, 0.5),
                new InitialState(false, round(uniform(random, 48, 720), 0), 0),
                DIESEL, round(uniform(random, 0.085, 0.10), 4), uniform(random, 0.36, 0.40),
                uniform(random, 0.12, 0.18), uniform(random, 0.02, 0.05),
                new RunHourLimit(100, round(uniform(random, 5, 60), 1)));
    }

    private static Thermal fuelCell(SplittableRandom random) {
        double rated = roundTo(uniform(random, 200, 1400), 10);
        double minStable = round(rated * uniform(random, 0.3, 0.5), 0);
        double rampUp = round(rated * uniform(random, 0.01, 0.03), 1);
        double hot = round(rated * uniform(random, 0.1, 0.3), 2);
        StartUp startUp = new StartUp(hot, round(rated * uniform(random, 1.0, 2.0), 2),
                round(uniform(random, 8, 24), 0), round(uniform(random, 60, 240), 0));
        InitialState initial = random.nextDouble() < 0.8
                ? new InitialState(true, round(uniform(random, 24, 2000), 0),
                        round(uniform(random, Math.max(minStable, 0.6 * rated), 0.95 * rated), 0))
                : new InitialState(false, round(uniform(random, 2, 200), 0), 0);
        return new Thermal(rated, minStable, rampUp, round(rampUp * uniform(random, 1.0, 1.5), 1),
                roundTo(uniform(random, 12, 48), 0.5), roundTo(uniform(random, 8, 24), 0.5), startUp, initial,
                NATURAL_GAS, round(uniform(random, 0.03, 0.04), 4), uniform(random, 0.45, 0.58),
                uniform(random, 0.03, 0.06), uniform(random, 0.10, 0.18), RunHourLimit.NONE);
    }

    private static Thermal reciprocatingEngine(SplittableRandom random) {
        double rated = roundTo(uniform(random, 500, 3000), 50);
        double minStable = round(rated * uniform(random, 0.35, 0.5), 0);
        double rampUp = round(rated * uniform(random, 0.08, 0.2), 1);
        double hot = round(rated * uniform(random, 0.03, 0.06), 2);
        StartUp startUp = new StartUp(hot, round(hot * uniform(random, 1.5, 2.5), 2), pick(random, 6, 8, 12),
                round(uniform(random, 5, 15), 0));
        InitialState initial = initialState(random, 0.4, minStable, 0.85 * rated);
        return new Thermal(rated, minStable, rampUp, round(rampUp * uniform(random, 1.0, 1.3), 1),
                pick(random, 1, 2, 3, 4), pick(random, 1, 1.5, 2), startUp, initial,
                NATURAL_GAS, round(uniform(random, 0.03, 0.04), 4), uniform(random, 0.38, 0.43),
                uniform(random, 0.15, 0.22), uniform(random, 0.02, 0.06), RunHourLimit.NONE);
    }

    private static Thermal microturbine(SplittableRandom random) {
        double rated = roundTo(uniform(random, 30, 250), 5);
        double minStable = round(rated * uniform(random, 0.2, 0.35), 0);
        double rampUp = round(rated * uniform(random, 0.3, 0.6), 1);
        double hot = round(rated * uniform(random, 0.02, 0.05), 2);
        StartUp startUp = new StartUp(hot, round(1.5 * hot, 2), 4, round(uniform(random, 1, 3), 1));
        InitialState initial = initialState(random, 0.3, minStable, 0.85 * rated);
        return new Thermal(rated, minStable, rampUp, round(rampUp * uniform(random, 1.0, 1.3), 1),
                pick(random, 0.5, 1), 0.5, startUp, initial,
                NATURAL_GAS, round(uniform(random, 0.03, 0.04), 4), uniform(random, 0.26, 0.31),
                uniform(random, 0.18, 0.25), uniform(random, 0.01, 0.04), RunHourLimit.NONE);
    }

    private static InitialState initialState(SplittableRandom random, double onProbability, double minKw, double maxKw) {
        if (random.nextDouble() < onProbability) {
            return new InitialState(true, roundTo(uniform(random, 1, 48), 0.25), round(uniform(random, minKw, maxKw), 0));
        }
        return new InitialState(false, roundTo(uniform(random, 2, 200), 0.25), 0);
    }

    private static Draft thermal(DeviceType type, AssetId id, String name, Thermal t, CostForm form,
                                 boolean exportAllowed, double omCostPerKwh, Reliability reliability,
                                 SplittableRandom random) {
        CostCurve cost = costCurve(t, form, random);
        double availability = availability(random);
        return new Draft(type, id, name, t.ratedKw(), availability, reliability, exportAllowed, omCostPerKwh,
                info -> new Generator(info, t.minStableKw(), t.rampUpKwPerMin(), t.rampDownKwPerMin(),
                        t.minUpHours(), t.minDownHours(), t.startUp(), t.initialState(), cost, t.runHours(),
                        t.co2KgPerKwh()));
    }

    /** The generator's fuel curve stated in {@code form}, at 3 or 4 points from minimum stable power to rating. */
    private static CostCurve costCurve(Thermal t, CostForm form, SplittableRandom random) {
        int count = 3 + random.nextInt(2);
        List<Double> powers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            powers.add(round(t.minStableKw() + i * (t.ratedKw() - t.minStableKw()) / (count - 1), 0));
        }
        double price = t.fuelPricePerKwh();
        return switch (form) {
            case FUEL -> {
                List<CostCurve.Point> efficiency = new ArrayList<>();
                for (double p : powers) {
                    double fuel = t.fuelKwhPerHour(p);
                    // diesel sets are specified by heat rate: keep it a whole number of Btu/kWh
                    double eta = DIESEL.equals(t.fuel())
                            ? BTU_PER_KWH / Math.round(BTU_PER_KWH * fuel / p)
                            : round(p / fuel, 4);
                    efficiency.add(new CostCurve.Point(p, eta));
                }
                yield new CostCurve.FuelBased(t.fuel(), price, efficiency);
            }
            case QUADRATIC -> {
                double ratedFuel = t.ratedKw() / t.ratedEfficiency();
                double noLoad = price * t.noLoadShare() * ratedFuel;
                double perKwh = price * ratedFuel * (1 - t.noLoadShare() - t.quadraticShare()) / t.ratedKw();
                double perKw2h = price * t.quadraticShare() * ratedFuel / (t.ratedKw() * t.ratedKw());
                yield new CostCurve.Quadratic(round(noLoad, 2), round(perKwh, 5), roundSignificant(perKw2h, 3));
            }
            case PIECEWISE_LINEAR -> {
                List<CostCurve.Point> points = new ArrayList<>();
                for (double p : powers) {
                    points.add(new CostCurve.Point(p, round(price * t.fuelKwhPerHour(p), 2)));
                }
                yield new CostCurve.PiecewiseLinear(points);
            }
        };
    }

    private static Draft storage(DeviceType type, AssetId id, String name, double rated, double energyKwh,
                                 double charge, double discharge, double selfDischarge, double minSoc, double maxSoc,
                                 double initialSoc, double degradation, Reliability reliability, SplittableRandom random) {
        return new Draft(type, id, name, rated, availability(random), reliability, true, 0,
                info -> new Storage(info, energyKwh, rated, rated, charge, discharge, selfDischarge, minSoc, maxSoc,
                        initialSoc, degradation));
    }

    /** A forced outage rate and repair time from the ranges; the mean time to failure follows from them. */
    private static Reliability reliability(SplittableRandom random, double forLow, double forHigh,
                                           double mttrLow, double mttrHigh) {
        double forcedOutageRate = round(uniform(random, forLow, forHigh), 4);
        double mttrHours = round(uniform(random, mttrLow, mttrHigh), 0);
        double mttfHours = round(Reliability.impliedMttfHours(forcedOutageRate, mttrHours), 1);
        return new Reliability(forcedOutageRate, mttfHours, mttrHours);
    }

    /** Mostly 1; one device in ten keeps part of its rating back for its owner. */
    private static double availability(SplittableRandom random) {
        return random.nextDouble() < 0.9 ? 1.0 : roundTo(uniform(random, 0.8, 0.95), 0.05);
    }

    static double uniform(SplittableRandom random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    static double logUniform(SplittableRandom random, double low, double high) {
        return StrictMath.exp(uniform(random, StrictMath.log(low), StrictMath.log(high)));
    }

    private static double pick(SplittableRandom random, double... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** {@code value} rounded to a multiple of {@code unit}, with no floating-point dust. */
    static double roundTo(double value, double unit) {
        return round(Math.round(value / unit) * unit, 6);
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
