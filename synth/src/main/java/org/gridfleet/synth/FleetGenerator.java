package org.gridfleet.synth;

import static org.gridfleet.synth.Decimals.round;
import static org.gridfleet.synth.DeviceCatalog.logUniform;
import static org.gridfleet.synth.DeviceCatalog.uniform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.Sample;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.AssetCategory;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.MaintenanceWindow;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.fleet.CustomerClass;
import org.gridfleet.model.fleet.EndUser;
import org.gridfleet.model.fleet.GridConnection;
import org.gridfleet.model.fleet.Network;
import org.gridfleet.model.fleet.ReactivePower;
import org.gridfleet.model.fleet.ReserveRequirement;
import org.gridfleet.synth.DeviceCatalog.CostForm;
import org.gridfleet.synth.DeviceCatalog.Draft;
import org.gridfleet.synth.Weather.CloudDip;

/**
 * Makes a plausible fleet from a {@link FleetSpec}: the same spec always gives the same fleet.
 *
 * <p>The campus sits at 40.0° N, 105.25° W (Mountain Standard Time, UTC−7); daily shapes follow its clock.
 * The steps, each with its own random stream split from the seed so that changing one leaves the others alone:
 * <ol>
 *   <li>device types: one of each when there are 9 or more devices, the rest by a typical campus mix; with
 *       fewer, distinct types, the first a gas-fired generator; then each device's data from
 *       {@link DeviceCatalog};</li>
 *   <li>maintenance: about one device in eight gets one 2–8 h window, by day where the horizon allows, never
 *       taking more than half of the dispatchable generators' capacity away;</li>
 *   <li>the substation and its feeders ({@link FeederLayout}) and where devices and end-users connect;</li>
 *   <li>end-users: 80 % residential, 15 % commercial, 5 % industrial, each with its class's daily shape, a
 *       shift of up to ±45 minutes and autocorrelated noise, then all scaled together so that demand plus reserve
 *       takes at most 80 % of the firm capacity ({@link #firmCapacityKw}: dispatchable generators, and storage
 *       at the power it can hold for 4 hours) in every interval, islanded and without any renewable output.
 *       Scaling never makes demand more than 4 times its natural size: a fleet with few end-users and many
 *       devices simply has capacity to spare, and one with few devices and many end-users has small ones;</li>
 *   <li>forecasts: photovoltaic from a clear-sky model with passing clouds, wind from a wandering wind speed
 *       through a turbine power curve;</li>
 *   <li>prices: a time-of-use import tariff and a lower, varying sale price ({@link Tariffs});</li>
 *   <li>reactive power: each end-user a lagging power factor of 0.90–0.98 by its class; every device runs at unity
 *       power factor (photovoltaic and storage inverters by default, generators as set by the plant).</li>
 * </ol>
 * Demand and forecasts are rounded to 0.001 kW and prices to 0.0001 per kWh, as written to file.
 */
public final class FleetGenerator {
    public static final String CURRENCY = "USD";
    /** Demand plus reserve takes at most this share of the firm capacity in any interval. */
    static final double SIZING_MARGIN = 0.8;
    /** Storage counts towards firm capacity with the power it can hold this long. */
    static final double FIRM_STORAGE_HOURS = 4;
    static final double MAX_DEMAND_SCALE = 4;
    private static final DeviceType[] GAS_FIRED = {DeviceType.FUEL_CELL, DeviceType.RECIPROCATING_ENGINE, DeviceType.MICROTURBINE};
    /** Share of each type among devices beyond the first nine. */
    private static final Map<DeviceType, Double> MIX = new EnumMap<>(Map.of(
            DeviceType.EMERGENCY_GENERATOR, 0.10, DeviceType.FUEL_CELL, 0.08, DeviceType.RECIPROCATING_ENGINE, 0.12,
            DeviceType.MICROTURBINE, 0.12, DeviceType.PHOTOVOLTAIC, 0.24, DeviceType.WIND_TURBINE, 0.08,
            DeviceType.BATTERY, 0.14, DeviceType.SMES, 0.06, DeviceType.FLYWHEEL, 0.06));
    private static final Map<DeviceType, String> ID_PREFIX = new EnumMap<>(Map.of(
            DeviceType.EMERGENCY_GENERATOR, "eg", DeviceType.FUEL_CELL, "fc", DeviceType.RECIPROCATING_ENGINE, "recip",
            DeviceType.MICROTURBINE, "mt", DeviceType.PHOTOVOLTAIC, "pv", DeviceType.WIND_TURBINE, "wt",
            DeviceType.BATTERY, "bat", DeviceType.SMES, "smes", DeviceType.FLYWHEEL, "fw"));
    private static final Map<DeviceType, String> LABEL = new EnumMap<>(Map.of(
            DeviceType.EMERGENCY_GENERATOR, "Emergency generator", DeviceType.FUEL_CELL, "Fuel cell",
            DeviceType.RECIPROCATING_ENGINE, "Gas engine", DeviceType.MICROTURBINE, "Microturbine",
            DeviceType.PHOTOVOLTAIC, "PV array", DeviceType.WIND_TURBINE, "Wind turbine",
            DeviceType.BATTERY, "Battery", DeviceType.SMES, "SMES", DeviceType.FLYWHEEL, "Flywheel"));
    private static final Map<DeviceType, String> MAINTENANCE_REASON = new EnumMap<>(Map.of(
            DeviceType.EMERGENCY_GENERATOR, "annual load-bank test", DeviceType.FUEL_CELL, "stack inspection",
            DeviceType.RECIPROCATING_ENGINE, "oil change and spark plugs", DeviceType.MICROTURBINE, "air filter and igniter service",
            DeviceType.PHOTOVOLTAIC, "inverter firmware update", DeviceType.WIND_TURBINE, "gearbox inspection",
            DeviceType.BATTERY, "battery management system update", DeviceType.SMES, "cryocooler service",
            DeviceType.FLYWHEEL, "bearing inspection"));

    private FleetGenerator() {}

    public static SyntheticFleet generate(FleetSpec spec) {
        SplittableRandom root = new SplittableRandom(spec.seed());
        SplittableRandom deviceRandom = root.split();
        SplittableRandom maintenanceRandom = root.split();
        SplittableRandom networkRandom = root.split();
        SplittableRandom demandRandom = root.split();
        SplittableRandom weatherRandom = root.split();
        SplittableRandom priceRandom = root.split();
        SplittableRandom reactiveRandom = root.split(); // split last, so the streams before it are as they always were

        TimeGrid grid = spec.timeGrid();
        HorizonClock clock = new HorizonClock(grid);

        List<Draft> drafts = drawDevices(spec.devices(), deviceRandom);
        List<List<MaintenanceWindow>> maintenance = scheduleMaintenance(drafts, clock, maintenanceRandom);
        double[] ratedKw = drafts.stream().mapToDouble(Draft::ratedPowerKw).toArray();
        FeederLayout layout = FeederLayout.build(ratedKw, spec.endUsers(), networkRandom);
        List<Asset> assets = new ArrayList<>(drafts.size());
        for (int d = 0; d < drafts.size(); d++) {
            assets.add(drafts.get(d).build(layout.deviceLocation(d), layout.deviceBus(d), maintenance.get(d)));
        }

        List<EndUser> endUsers = endUsers(spec.endUsers(), layout, reactiveRandom);
        double[][] demandKw = demandKw(endUsers, clock, demandRandom);
        double scale = demandScale(demandKw, firmCapacityKw(assets, grid), spec.reserveFractionOfDemand());
        double[] peakKw = new double[endUsers.size()];
        double[] aggregateKw = new double[grid.intervals()];
        Map<EndUserId, List<Sample>> demandSeries = new HashMap<>();
        for (int u = 0; u < endUsers.size(); u++) {
            for (int k = 0; k < grid.intervals(); k++) {
                demandKw[u][k] = round(demandKw[u][k] * scale, 3);
                peakKw[u] = Math.max(peakKw[u], demandKw[u][k]);
                aggregateKw[k] += demandKw[u][k];
            }
            demandSeries.put(endUsers.get(u).id(), samples(clock, demandKw[u]));
        }
        Network network = layout.network(ratedKw, peakKw);

        Map<AssetId, List<Sample>> forecasts = forecasts(assets, clock, weatherRandom);
        double[][] prices = prices(clock, priceRandom);
        double peakDemandKw = Arrays.stream(aggregateKw).max().orElse(0);
        GridConnection connection = spec.islanded() ? GridConnection.ISLANDED
                : GridConnection.connected(roundUpTo100(0.6 * peakDemandKw), roundUpTo100(0.4 * peakDemandKw));
        return new SyntheticFleet(spec.name(), CURRENCY, grid, connection,
                new ReserveRequirement(spec.reserveFractionOfDemand(), false, 0), network, assets, endUsers,
                demandSeries, forecasts, samples(clock, prices[0]), samples(clock, prices[1]));
    }

    // ---- devices ---------------------------------------------------------------------------------------------

    private static List<Draft> drawDevices(int devices, SplittableRandom random) {
        DeviceType[] types = DeviceType.values();
        int[] count = new int[types.length];
        if (devices >= types.length) {
            Arrays.fill(count, 1);
            for (int extra = types.length; extra < devices; extra++) {
                count[weighted(random).ordinal()]++;
            }
        } else {
            DeviceType first = GAS_FIRED[random.nextInt(GAS_FIRED.length)];
            count[first.ordinal()] = 1;
            List<DeviceType> others = new ArrayList<>(Arrays.asList(types));
            others.remove(first);
            for (int i = others.size() - 1; i > 0; i--) { // Fisher–Yates with our own random stream
                int j = random.nextInt(i + 1);
                others.set(i, others.set(j, others.get(i)));
            }
            for (int i = 0; i < devices - 1; i++) {
                count[others.get(i).ordinal()]++;
            }
        }
        CostForm[] forms = CostForm.values();
        int nextForm = random.nextInt(forms.length);
        List<Draft> drafts = new ArrayList<>(devices);
        for (DeviceType type : types) {
            int width = Math.max(2, Integer.toString(count[type.ordinal()]).length());
            for (int i = 1; i <= count[type.ordinal()]; i++) {
                AssetId id = AssetId.of(ID_PREFIX.get(type) + "-" + FeederLayout.pad(i, width));
                CostForm form = forms[nextForm];
                if (isGasFired(type)) { // gas-fired units take the three cost forms in turn
                    nextForm = (nextForm + 1) % forms.length;
                }
                drafts.add(DeviceCatalog.draw(type, id, LABEL.get(type) + " " + i, form, random));
            }
        }
        return drafts;
    }

    private static DeviceType weighted(SplittableRandom random) {
        double draw = random.nextDouble();
        DeviceType last = null;
        for (Map.Entry<DeviceType, Double> share : MIX.entrySet()) { // EnumMap: in DeviceType order
            last = share.getKey();
            draw -= share.getValue();
            if (draw < 0) {
                break;
            }
        }
        return last;
    }

    private static boolean isDispatchable(DeviceType type) {
        return type.category() == AssetCategory.DISPATCHABLE_GENERATOR;
    }

    private static boolean isGasFired(DeviceType type) {
        return type == DeviceType.FUEL_CELL || type == DeviceType.RECIPROCATING_ENGINE || type == DeviceType.MICROTURBINE;
    }

    // ---- maintenance -----------------------------------------------------------------------------------------

    private static List<List<MaintenanceWindow>> scheduleMaintenance(List<Draft> drafts, HorizonClock clock, SplittableRandom random) {
        List<List<MaintenanceWindow>> windows = new ArrayList<>(drafts.size());
        drafts.forEach(d -> windows.add(List.of()));
        if (drafts.size() < DeviceType.values().length) {
            return windows;
        }
        double dispatchableKw = drafts.stream().filter(d -> isDispatchable(d.type())).mapToDouble(Draft::ratedPowerKw).sum();
        double dispatchableOutKw = 0;
        int wanted = Math.max(1, Math.round(drafts.size() / 8f));
        for (int w = 0; w < wanted; w++) {
            for (int attempt = 0; attempt < 20; attempt++) {
                int d = random.nextInt(drafts.size());
                Draft draft = drafts.get(d);
                double outKw = isDispatchable(draft.type()) ? draft.ratedPowerKw() : 0;
                if (!windows.get(d).isEmpty() || dispatchableOutKw + outKw > 0.5 * dispatchableKw) {
                    continue;
                }
                dispatchableOutKw += outKw;
                windows.set(d, List.of(window(draft.type(), clock, random)));
                break;
            }
        }
        return windows;
    }

    /** A 2–8 h window starting at an interval boundary, in the local working day (07:00–14:00) if it can. */
    private static MaintenanceWindow window(DeviceType type, HorizonClock clock, SplittableRandom random) {
        TimeGrid grid = clock.grid;
        Duration length = Duration.ofHours(new int[] {2, 3, 4, 6, 8}[random.nextInt(5)]);
        long steps = Math.min(grid.intervals(), Math.max(1, length.toMillis() / grid.step().toMillis()));
        int latestStart = (int) (grid.intervals() - steps);
        int start = 0;
        for (int attempt = 0; attempt < 10; attempt++) {
            start = random.nextInt(latestStart + 1);
            double hour = clock.localHour[start * clock.perInterval];
            if (hour >= 7 && hour <= 14) {
                break;
            }
        }
        Instant from = grid.startOf(start);
        Instant to = from.plus(length).isAfter(grid.end()) ? grid.end() : from.plus(length);
        return new MaintenanceWindow(from, to, MAINTENANCE_REASON.get(type));
    }

    /**
     * Firm capacity in each interval, kW: what dispatchable generators and storage can hold for hours, out of
     * maintenance and times their availability. A generator counts with its rating; storage with the power it
     * can sustain for {@value #FIRM_STORAGE_HOURS} hours from full to empty, at most its discharge rating.
     */
    static double[] firmCapacityKw(List<Asset> assets, TimeGrid grid) {
        double[] capacity = new double[grid.intervals()];
        for (Asset asset : assets) {
            double firmKw = switch (asset) {
                case Generator g -> g.ratedPowerKw();
                case Storage s -> Math.min(s.maxDischargeKw(),
                        s.energyCapacityKwh() * (s.maxSoc() - s.minSoc()) * s.dischargeEfficiency() / FIRM_STORAGE_HOURS);
                case Renewable r -> 0.0;
            };
            Profile share = asset.info().availabilityOn(grid);
            for (int k = 0; k < capacity.length; k++) {
                capacity[k] += share.get(k) * firmKw;
            }
        }
        return capacity;
    }

    // ---- end-users and demand --------------------------------------------------------------------------------

    private static List<EndUser> endUsers(int count, FeederLayout layout, SplittableRandom random) {
        int industrial = Math.round(0.05f * count);
        int commercial = Math.round(0.15f * count);
        int residential = count - industrial - commercial;
        List<EndUser> users = new ArrayList<>(count);
        addUsers(users, CustomerClass.RESIDENTIAL, residential, "res", "Residence", layout, random);
        addUsers(users, CustomerClass.COMMERCIAL, commercial, "com", "Commercial building", layout, random);
        addUsers(users, CustomerClass.INDUSTRIAL, industrial, "ind", "Industrial site", layout, random);
        return users;
    }

    private static void addUsers(List<EndUser> users, CustomerClass customerClass, int count, String prefix, String label,
                                 FeederLayout layout, SplittableRandom random) {
        int width = Math.max(2, Integer.toString(count).length());
        for (int i = 1; i <= count; i++) {
            users.add(new EndUser(EndUserId.of(prefix + "-" + FeederLayout.pad(i, width)), label + " " + i,
                    layout.endUserBus(users.size()), customerClass, new ReactivePower.PowerFactor(powerFactor(customerClass, random), false)));
        }
    }

    /**
     * A lagging (inductive) power factor, to 0.001: homes 0.93–0.98 (few motors), commercial buildings 0.90–0.96
     * (air conditioning, lighting ballasts), industrial sites 0.90–0.94 (motors, partly compensated as tariffs
     * ask).
     */
    private static double powerFactor(CustomerClass customerClass, SplittableRandom random) {
        return switch (customerClass) {
            case RESIDENTIAL -> round(uniform(random, 0.93, 0.98), 3);
            case COMMERCIAL -> round(uniform(random, 0.90, 0.96), 3);
            case INDUSTRIAL -> round(uniform(random, 0.90, 0.94), 3);
        };
    }

    /** Each end-user's demand per interval at its natural size, kW, before the fleet-wide scaling. */
    private static double[][] demandKw(List<EndUser> users, HorizonClock clock, SplittableRandom random) {
        int intervals = clock.intervals();
        int per = clock.perInterval;
        double memory = StrictMath.exp(-clock.stepHours() / 1.0);
        double[][] demand = new double[users.size()][intervals];
        for (int u = 0; u < users.size(); u++) {
            CustomerClass customerClass = users.get(u).customerClass();
            double peakKw = switch (customerClass) {
                case RESIDENTIAL -> logUniform(random, 2, 8);
                case COMMERCIAL -> logUniform(random, 15, 250);
                case INDUSTRIAL -> logUniform(random, 100, 1500);
            };
            double noise = switch (customerClass) {
                case RESIDENTIAL -> 0.08;
                case COMMERCIAL -> 0.04;
                case INDUSTRIAL -> 0.03;
            };
            double shiftHours = uniform(random, -0.75, 0.75);
            double innovation = noise * Math.sqrt(1 - memory * memory);
            double deviation = noise * random.nextGaussian();
            for (int k = 0; k < intervals; k++) {
                if (k > 0) {
                    deviation = memory * deviation + innovation * random.nextGaussian();
                }
                double share = 0;
                for (int s = 0; s < per; s++) {
                    double hour = (clock.localHour[k * per + s] - shiftHours + 24) % 24;
                    share += LoadShapes.shareOfPeak(customerClass, hour, clock.weekend[k * per + s]);
                }
                demand[u][k] = peakKw * share / per * Math.max(0.05, 1 + deviation);
            }
        }
        return demand;
    }

    /**
     * The factor that makes demand plus reserve take {@link #SIZING_MARGIN} of the firm capacity in the
     * tightest interval, at most {@link #MAX_DEMAND_SCALE}.
     */
    private static double demandScale(double[][] demandKw, double[] capacityKw, double reserveFraction) {
        double tightest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < capacityKw.length; k++) {
            double totalKw = 0;
            for (double[] user : demandKw) {
                totalKw += user[k];
            }
            if (totalKw > 0) {
                tightest = Math.min(tightest, capacityKw[k] / totalKw);
            }
        }
        return Math.min(MAX_DEMAND_SCALE, SIZING_MARGIN / (1 + reserveFraction) * tightest);
    }

    // ---- forecasts -------------------------------------------------------------------------------------------

    private static Map<AssetId, List<Sample>> forecasts(List<Asset> assets, HorizonClock clock, SplittableRandom random) {
        int intervals = clock.intervals();
        int per = clock.perInterval;
        double[] clearSky = new double[intervals * per];
        for (int i = 0; i < clearSky.length; i++) {
            clearSky[i] = Weather.clearSkyPvPerUnit(clock.epochSeconds[i]);
        }
        double[] windMs = Weather.regionalWindSpeedMs(clock, random);
        CloudDip[] dips = Weather.cloudDips(clock, random);
        double gustMemory = StrictMath.exp(-clock.stepHours() / 1.0);
        Map<AssetId, List<Sample>> forecasts = new HashMap<>();
        for (Asset asset : assets) {
            double[] kw = new double[intervals];
            switch (asset.type()) {
                case PHOTOVOLTAIC -> {
                    double siteFactor = uniform(random, 0.93, 1.0); // orientation, shading, soiling
                    double cloudShiftHours = uniform(random, -1.0 / 6, 1.0 / 6); // clouds reach sites at different times
                    for (int k = 0; k < intervals; k++) {
                        double sum = 0;
                        for (int s = 0; s < per; s++) {
                            int i = k * per + s;
                            if (clearSky[i] > 0) {
                                double cloud = 1;
                                for (CloudDip dip : dips) {
                                    cloud *= dip.factor(clock.hoursFromStart[i] - cloudShiftHours);
                                }
                                sum += clearSky[i] * cloud;
                            }
                        }
                        kw[k] = round(asset.ratedPowerKw() * siteFactor * sum / per, 3);
                    }
                }
                case WIND_TURBINE -> {
                    double siteFactor = uniform(random, 0.9, 1.1); // hub height and exposure
                    double gust = 0;
                    for (int k = 0; k < intervals; k++) {
                        gust = gustMemory * gust + 0.5 * Math.sqrt(1 - gustMemory * gustMemory) * random.nextGaussian();
                        kw[k] = round(asset.ratedPowerKw() * Weather.windPowerPerUnit(Math.max(0, windMs[k] * siteFactor + gust)), 3);
                    }
                }
                default -> {
                    continue;
                }
            }
            forecasts.put(asset.id(), samples(clock, kw));
        }
        return forecasts;
    }

    // ---- prices ----------------------------------------------------------------------------------------------

    /** Sale price [0] and import tariff [1] per interval, per kWh. */
    private static double[][] prices(HorizonClock clock, SplittableRandom random) {
        int intervals = clock.intervals();
        int per = clock.perInterval;
        double base = uniform(random, 0.045, 0.06);
        double memory = StrictMath.exp(-clock.stepHours() / 2.0);
        double spread = 0.006;
        double deviation = spread * random.nextGaussian();
        double[] sale = new double[intervals];
        double[] tariff = new double[intervals];
        for (int k = 0; k < intervals; k++) {
            if (k > 0) {
                deviation = memory * deviation + spread * Math.sqrt(1 - memory * memory) * random.nextGaussian();
            }
            double tariffSum = 0;
            double shapeSum = 0;
            for (int s = 0; s < per; s++) {
                tariffSum += Tariffs.importTariffPerKwh(clock.localHour[k * per + s], clock.weekend[k * per + s]);
                shapeSum += Tariffs.saleShapePerKwh(base, clock.localHour[k * per + s]);
            }
            tariff[k] = round(tariffSum / per, 4);
            sale[k] = round(Math.max(0.02, Math.min(tariff[k] - 0.01, shapeSum / per + deviation)), 4);
        }
        return new double[][] {sale, tariff};
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static List<Sample> samples(HorizonClock clock, double[] values) {
        Sample[] samples = new Sample[values.length];
        for (int k = 0; k < values.length; k++) {
            samples[k] = new Sample(clock.starts[k], values[k]);
        }
        return List.of(samples);
    }

    private static double roundUpTo100(double kw) {
        return Math.max(100, Math.ceil(kw / 100) * 100);
    }
}
