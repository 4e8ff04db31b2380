package org.gridfleet.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.asset.AssetCategory;
import org.gridfleet.model.asset.AssetInfo;
import org.gridfleet.model.asset.CostCurve;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.InitialState;
import org.gridfleet.model.asset.MaintenanceWindow;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.RunHourLimit;
import org.gridfleet.model.asset.StartUp;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.fleet.CustomerClass;
import org.gridfleet.model.fleet.EndUser;
import org.gridfleet.model.fleet.GridConnection;
import org.gridfleet.model.fleet.ReserveRequirement;
import org.gridfleet.model.problem.PlanningProblem;

/**
 * Seeded, reproducible random planning problems: the same seed always gives the same problem.
 *
 * <p>A problem has every one of the nine device types (when it has at least nine devices), all three forms of
 * cost curve, maintenance windows (availability 0 in the intervals they touch) and partial availability on some
 * devices, start-up costs, run-hour limits on emergency generators, storage with its type's losses, end-users of
 * the three classes with daily demand shapes, time-of-use tariffs, spinning reserve rules, and is islanded or
 * grid-connected. About one problem in seven is deliberately undersized: its generators together reach well
 * below the peak demand. Intervals are 15 minutes from midnight UTC.
 */
public final class RandomProblems {
    /** Nine types first, so that every problem with at least nine devices has all of them. */
    private static final DeviceType[] TYPES = DeviceType.values();
    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final Duration STEP = Duration.ofMinutes(15);

    private final SplittableRandom random;
    private final TimeGrid grid;

    private RandomProblems(long seed, int intervals) {
        this.random = new SplittableRandom(seed); // unlike java.util.Random, well mixed for consecutive seeds
        this.grid = new TimeGrid(START.plus(Duration.ofDays(Math.floorMod(seed, 300))), STEP, intervals);
    }

    /** A problem of 9 to 16 devices over one day of 15-minute intervals. */
    public static PlanningProblem problem(long seed) {
        int devices = 9 + new SplittableRandom(~seed).nextInt(8);
        return problem(seed, devices, 96);
    }

    /** A problem of {@code devices} devices (all nine types from nine on) over {@code intervals} 15-minute intervals. */
    public static PlanningProblem problem(long seed, int devices, int intervals) {
        if (devices < 1) {
            throw new IllegalArgumentException("devices must be >= 1: " + devices);
        }
        return new RandomProblems(seed, intervals).build("random-" + seed, devices);
    }

    private PlanningProblem build(String name, int devices) {
        ProblemBuilder builder = ProblemBuilder.on(name, grid);
        double peakKw = between(800, 4000);
        boolean undersized = random.nextDouble() < 0.15;
        addDemand(builder, peakKw);

        List<DeviceType> types = new ArrayList<>();
        for (int k = 0; k < devices; k++) {
            types.add(k < TYPES.length ? TYPES[k] : TYPES[random.nextInt(TYPES.length)]);
        }
        long generators = types.stream().filter(t -> t.category() == AssetCategory.DISPATCHABLE_GENERATOR).count();
        double generatorFleetKw = peakKw * (undersized ? between(0.3, 0.7) : between(1.4, 2.2));
        int costForm = random.nextInt(3);
        for (int k = 0; k < types.size(); k++) {
            DeviceType type = types.get(k);
            String id = prefix(type) + "-" + (k + 1);
            switch (type.category()) {
                case DISPATCHABLE_GENERATOR -> {
                    double share = type == DeviceType.EMERGENCY_GENERATOR ? 0.5 : between(0.7, 1.3);
                    builder.add(generator(id, type, round(generatorFleetKw * share / generators), costForm++ % 3));
                }
                case RENEWABLE -> {
                    Renewable renewable = new Renewable(info(id, type, round(peakKw * (type == DeviceType.PHOTOVOLTAIC
                            ? between(0.1, 0.6) : between(0.05, 0.3)))), random.nextDouble() < 0.7);
                    builder.add(renewable, forecast(renewable));
                }
                case STORAGE -> builder.add(storage(id, type, peakKw));
            }
        }

        if (random.nextBoolean()) {
            builder.connection(GridConnection.connected(round(peakKw * between(0, 0.5)), round(peakKw * between(0, 0.5))));
        }
        builder.reserve(new ReserveRequirement(random.nextDouble() < 0.7 ? between(0.02, 0.15) : 0,
                random.nextDouble() < 0.2, random.nextDouble() < 0.3 ? round(between(50, 200)) : 0));
        addPrices(builder);
        return builder.build();
    }

    private AssetInfo info(String id, DeviceType type, double ratedPowerKw) {
        double availability = random.nextDouble() < 0.25 ? between(0.3, 0.95) : 1.0;
        List<MaintenanceWindow> maintenance = new ArrayList<>();
        if (random.nextDouble() < 0.2) {
            int from = random.nextInt(grid.intervals());
            double hours = between(1, 8);
            maintenance.add(ProblemBuilder.maintenance(grid.startOf(from).plusSeconds(60L * random.nextInt(15)), hours, "planned maintenance"));
        }
        double omCostPerKwh = type.category() == AssetCategory.RENEWABLE ? between(0, 0.005) : between(0.005, 0.02);
        return Assets.info(id, type, ratedPowerKw, availability, random.nextDouble() < 0.7, omCostPerKwh,
                maintenance.toArray(MaintenanceWindow[]::new));
    }

    private Generator generator(String id, DeviceType type, double ratedKw, int costForm) {
        AssetInfo info = info(id, type, Math.max(ratedKw, 20));
        double rated = info.ratedPowerKw();
        double minStable = round(rated * switch (type) {
            case EMERGENCY_GENERATOR -> between(0.1, 0.3);
            case FUEL_CELL -> between(0.2, 0.5);
            case RECIPROCATING_ENGINE -> between(0.3, 0.5);
            default -> between(0.2, 0.4);
        });
        StartUp startUp = random.nextDouble() < 0.2 ? StartUp.FREE_AND_INSTANT : startUp();
        InitialState initial = random.nextDouble() < 0.3
                ? new InitialState(true, between(0.5, 10), Math.min(rated, round(between(minStable, rated))))
                : new InitialState(false, between(0, 48), 0);
        RunHourLimit runHours = type == DeviceType.EMERGENCY_GENERATOR ? runHourLimit() : RunHourLimit.NONE;
        return new Generator(info, minStable, rated * between(0.02, 0.5), rated * between(0.02, 0.5),
                between(0, 4), between(0, 4), startUp, initial, costCurve(type, rated, minStable, costForm), runHours,
                Assets.co2KgPerKwh(type));
    }

    private StartUp startUp() {
        double hot = round(between(5, 50));
        return new StartUp(hot, round(hot * between(1.5, 3)), between(2, 8), between(0, 15));
    }

    private RunHourLimit runHourLimit() {
        double max = round(between(50, 200));
        return new RunHourLimit(max, Math.max(0, max - between(0, 6)));
    }

    /** A quadratic (form 0), piecewise-linear (form 1) or fuel-based (form 2) curve around the type's price. */
    private CostCurve costCurve(DeviceType type, double rated, double minStable, int form) {
        double perKwh = switch (type) {
            case EMERGENCY_GENERATOR -> between(0.25, 0.40);
            case RECIPROCATING_ENGINE -> between(0.08, 0.14);
            case MICROTURBINE -> between(0.12, 0.20);
            default -> between(0.10, 0.16);
        };
        double noLoadPerHour = rated * between(0.005, 0.03);
        double perKw2h = perKwh * between(0, 0.2) / rated;
        return switch (form) {
            case 0 -> new CostCurve.Quadratic(noLoadPerHour, perKwh, perKw2h);
            case 1 -> {
                CostCurve.Quadratic shape = new CostCurve.Quadratic(noLoadPerHour, perKwh, perKw2h);
                double low = Math.max(minStable, 1);
                double middle = (low + rated) / 2;
                yield Assets.piecewise(low, shape.costPerHour(low), middle, shape.costPerHour(middle), rated, shape.costPerHour(rated));
            }
            default -> {
                double atRated = switch (type) {
                    case EMERGENCY_GENERATOR -> between(0.28, 0.35);
                    case RECIPROCATING_ENGINE -> between(0.33, 0.42);
                    case MICROTURBINE -> between(0.25, 0.32);
                    default -> between(0.40, 0.55);
                };
                String fuel = switch (type) {
                    case EMERGENCY_GENERATOR -> "diesel";
                    case FUEL_CELL -> random.nextBoolean() ? "hydrogen" : "natural-gas";
                    default -> "natural-gas";
                };
                double low = Math.max(minStable, 1);
                yield Assets.fuel(fuel, between(0.03, 0.09), low, atRated * between(0.8, 0.9), rated, atRated);
            }
        };
    }

    private Storage storage(String id, DeviceType type, double peakKw) {
        double rated = round(peakKw * switch (type) {
            case BATTERY -> between(0.05, 0.25);
            default -> between(0.02, 0.1);
        });
        double hours = switch (type) {
            case BATTERY -> between(1, 4);
            case SMES -> between(0.05, 0.2);
            default -> between(0.1, 0.25);
        };
        double efficiency = switch (type) {
            case BATTERY -> between(0.92, 0.97);
            case SMES -> between(0.95, 0.98);
            default -> between(0.9, 0.95);
        };
        double selfDischargePerHour = switch (type) {
            case BATTERY -> 0.0002;
            case SMES -> 0.01;
            default -> 0.03;
        };
        double degradation = type == DeviceType.BATTERY ? between(0.01, 0.05) : between(0.001, 0.01);
        double minSoc = between(0, 0.2);
        double maxSoc = between(0.8, 1);
        AssetInfo info = info(id, type, Math.max(rated, 10));
        return new Storage(info, Math.max(rated * hours, 1), info.ratedPowerKw() * between(0.7, 1), info.ratedPowerKw(),
                efficiency, efficiency, selfDischargePerHour, minSoc, maxSoc, between(minSoc, maxSoc), degradation);
    }

    private Profile forecast(Renewable renewable) {
        double[] kw = new double[grid.intervals()];
        double rated = renewable.ratedPowerKw();
        if (renewable.type() == DeviceType.PHOTOVOLTAIC) {
            double clearness = between(0.3, 1);
            for (int k = 0; k < kw.length; k++) {
                double sun = Math.max(0, Math.sin(Math.PI * (hourOfDay(k) - 6) / 12));
                kw[k] = round(rated * sun * clamp(clearness + between(-0.15, 0.15)));
            }
        } else {
            double wind = random.nextDouble();
            for (int k = 0; k < kw.length; k++) {
                wind = clamp(wind + between(-0.08, 0.08));
                kw[k] = round(rated * wind * wind);
            }
        }
        return Profile.of(kw);
    }

    private void addDemand(ProblemBuilder builder, double peakKw) {
        int users = 1 + random.nextInt(4);
        for (int u = 0; u < users; u++) {
            CustomerClass customerClass = CustomerClass.values()[random.nextInt(3)];
            double userPeakKw = peakKw / users;
            double[] kw = new double[grid.intervals()];
            for (int k = 0; k < kw.length; k++) {
                kw[k] = round(userPeakKw * shape(customerClass, hourOfDay(k)) * between(0.95, 1.05));
            }
            EndUserId id = EndUserId.of("EU-" + (u + 1));
            builder.demand(new EndUser(id, id.value(), Assets.BUS, customerClass), Profile.of(kw));
        }
    }

    /** Daily demand shape, at most about 1 at the class's peak. */
    private static double shape(CustomerClass customerClass, double hour) {
        return switch (customerClass) {
            case RESIDENTIAL -> 0.35 + 0.3 * bump(hour, 7.5, 1.5) + 0.6 * bump(hour, 19, 2.5);
            case COMMERCIAL -> 0.3 + 0.7 * (hour >= 8 && hour < 18 ? 1 : bump(hour, hour < 8 ? 8 : 18, 1));
            case INDUSTRIAL -> 0.75 + 0.25 * (hour >= 6 && hour < 22 ? 1 : 0);
        };
    }

    private static double bump(double hour, double centre, double width) {
        double d = (hour - centre) / width;
        return Math.exp(-d * d);
    }

    private void addPrices(ProblemBuilder builder) {
        double offPeak = between(0.08, 0.12);
        double peak = between(0.20, 0.30);
        double sale = between(0.03, 0.10);
        double[] tariff = new double[grid.intervals()];
        double[] salePrice = new double[grid.intervals()];
        for (int k = 0; k < tariff.length; k++) {
            double hour = hourOfDay(k);
            tariff[k] = hour >= 16 && hour < 21 ? peak : offPeak;
            salePrice[k] = sale * (hour >= 16 && hour < 21 ? 1.5 : 1);
        }
        builder.prices(Profile.of(salePrice), Profile.of(tariff));
    }

    private double hourOfDay(int interval) {
        return (grid.startOf(interval).getEpochSecond() % 86_400) / 3600.0;
    }

    private double between(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    private static double clamp(double share) {
        return Math.max(0, Math.min(1, share));
    }

    /** To 0.1 kW, so that problems read well in failure messages. */
    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String prefix(DeviceType type) {
        return switch (type) {
            case EMERGENCY_GENERATOR -> "EMG";
            case FUEL_CELL -> "FC";
            case RECIPROCATING_ENGINE -> "RE";
            case MICROTURBINE -> "MT";
            case PHOTOVOLTAIC -> "PV";
            case WIND_TURBINE -> "WT";
            case BATTERY -> "BAT";
            case SMES -> "SMES";
            case FLYWHEEL -> "FW";
        };
    }
}
