package org.gridfleet.plan.reliability;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.plan.DeviceSchedule;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.evaluate.ReliabilityAssessor;
import org.gridfleet.plan.evaluate.ReliabilityMetrics;
import org.gridfleet.plan.evaluate.ReliabilityMetrics.Range;
import org.gridfleet.plan.evaluate.ReliabilityMetrics.Risk;

/**
 * Monte Carlo reliability of a plan: in each of {@code samples} seeded horizons every device fails and is repaired
 * as its {@link OutageChain} says, renewables' output and demand err as their {@link ForecastError}s say, and the
 * plan's own devices, with the reserve the plan holds, try to cover demand (docs/selection.md, "Monte Carlo
 * reliability").
 *
 * <p>In each sample and interval ({@code h} hours, {@code a} the availability of the device in the interval):
 * <ul>
 *   <li>demand is {@code D·max(0, 1 + δ)} plus the losses the plan covers, {@code δ} the demand error;</li>
 *   <li>a committed generator that is up produces its set point {@code p}; one that is down produces nothing.
 *       Units that are up hold the plan's spinning reserve: each can rise by {@code min(rated·a − p, rampUp·60·h)}
 *       to cover a shortfall. Uncommitted units do not help (they are not spinning);</li>
 *   <li>a renewable that is up produces its set point, limited by what the weather gives,
 *       {@code clip(forecast·(1 + ε), 0, rated)}; curtailed energy is not counted as reserve;</li>
 *   <li>a store that is up follows its set point as far as the energy it actually holds in this sample allows
 *       (which differs from the plan's when it failed earlier or covered an earlier shortfall); to cover a shortfall
 *       it first stops charging, then discharges up to its limit {@code min(maxDischarge·a, (E·κ − Emin)·ηd/h)}, after
 *       the generators' reserve. A store that is down neither charges nor discharges;</li>
 *   <li>what is then still missing is the interval's shortfall (the devices' view); grid import up to its limit
 *       serves the rest when the plant is grid-connected (the with-import view).</li>
 * </ul>
 *
 * <p>Reproducible and fair between plans: sample {@code k} draws its random numbers from a generator seeded by the
 * seed and {@code k} alone, in the problem's device order, and how many it draws depends on the problem and the
 * options, never on the plan. So two plans of one problem meet the same outages and forecast errors (common random
 * numbers), their difference is far less noisy than either figure, and the result does not depend on the number of
 * threads.
 */
public final class MonteCarloReliability implements ReliabilityAssessor {
    /** {@link ReliabilityMetrics#method()} of these figures. */
    public static final String METHOD = "monte-carlo";
    /** A shortfall below this many kW counts as none. */
    public static final double TOLERANCE_KW = 1e-6;
    /** The level of every confidence interval. */
    public static final double CONFIDENCE_LEVEL = 0.95;
    /** The standard normal quantile of a two-sided 95 % interval. */
    private static final double Z = 1.959963984540054;
    /** Samples per parallel task. */
    private static final int BLOCK = 32;

    private final MonteCarloOptions options;

    /** 2 000 samples, seed 1 and the default forecast errors ({@link MonteCarloOptions#DEFAULT}). */
    public MonteCarloReliability() {
        this(MonteCarloOptions.DEFAULT);
    }

    public MonteCarloReliability(MonteCarloOptions options) {
        this.options = requireNonNull(options, "options");
    }

    public MonteCarloOptions options() {
        return options;
    }

    @Override
    public ReliabilityMetrics assess(DispatchPlan plan, PlanningProblem problem) {
        Outcomes outcomes = simulate(plan, problem);
        int samples = outcomes.samples();
        int n = outcomes.intervals();
        double h = outcomes.stepHours();
        double[] eensKwh = new double[samples];
        double[] eensWithImportKwh = new double[samples];
        int[] shortIntervals = new int[samples];
        int[] shortIntervalsWithImport = new int[samples];
        int[] met = new int[n];
        for (int k = 0; k < samples; k++) {
            double[] shortKw = outcomes.shortfallKw()[k];
            for (int t = 0; t < n; t++) {
                if (shortKw[t] > TOLERANCE_KW) {
                    shortIntervals[k]++;
                    eensKwh[k] += shortKw[t] * h;
                } else {
                    met[t]++;
                }
                double unservedKw = shortKw[t] - outcomes.importLimitKw();
                if (unservedKw > TOLERANCE_KW) {
                    shortIntervalsWithImport[k]++;
                    eensWithImportKwh[k] += unservedKw * h;
                }
            }
        }
        double[] probabilityMet = new double[n];
        for (int t = 0; t < n; t++) {
            probabilityMet[t] = (double) met[t] / samples;
        }
        return new ReliabilityMetrics(METHOD, samples, options.seed(), CONFIDENCE_LEVEL, settings(options),
                risk(shortIntervals, eensKwh, n), risk(shortIntervalsWithImport, eensWithImportKwh, n), Profile.of(probabilityMet));
    }

    /**
     * Every sample of {@code plan}, interval by interval: what its devices left short after their reserve, and what
     * the reserve deployed and the failed units' lost output cost ({@link Outcomes}). {@link #assess} summarises these.
     */
    public Outcomes simulate(DispatchPlan plan, PlanningProblem problem) {
        if (!plan.grid().equals(problem.grid())) {
            throw new IllegalArgumentException("plan grid " + plan.grid() + " differs from the problem's " + problem.grid());
        }
        Fleet fleet = new Fleet(plan, problem, options);
        int samples = options.samples();
        double[][] shortfallKw = new double[samples][];
        double[] reserveCost = new double[samples];
        double[] failedOutputCost = new double[samples];
        int blocks = (samples + BLOCK - 1) / BLOCK;
        IntStream tasks = IntStream.range(0, blocks);
        if (options.parallel()) {
            tasks = tasks.parallel();
        }
        // each task writes only its own samples' slots
        tasks.forEach(block -> {
            Sampler sampler = new Sampler(fleet);
            for (int k = block * BLOCK; k < Math.min(samples, (block + 1) * BLOCK); k++) {
                shortfallKw[k] = new double[fleet.intervals];
                sampler.run(k, shortfallKw[k]);
                reserveCost[k] = sampler.reserveCost;
                failedOutputCost[k] = sampler.failedOutputCost;
            }
        });
        return new Outcomes(fleet.stepHours, fleet.importLimitKw, shortfallKw, reserveCost, failedOutputCost);
    }

    private static Map<String, Double> settings(MonteCarloOptions options) {
        Map<String, Double> settings = new LinkedHashMap<>();
        settings.put("photovoltaicSigma", options.photovoltaic().sigma());
        settings.put("photovoltaicCorrelationPerHour", options.photovoltaic().correlationPerHour());
        settings.put("windSigma", options.wind().sigma());
        settings.put("windCorrelationPerHour", options.wind().correlationPerHour());
        settings.put("demandSigma", options.demand().sigma());
        settings.put("demandCorrelationPerHour", options.demand().correlationPerHour());
        settings.put("spatialCorrelation", options.spatialCorrelation());
        return settings;
    }

    /**
     * The figures of one view from the per-sample counts of short intervals and energy not served. Means with normal
     * 95 % intervals of the per-sample values (samples are independent; intervals within a sample are not, so the
     * interval share's spread is taken over samples), the horizon share with a Wilson score interval (sound near 0).
     */
    private static Risk risk(int[] shortIntervals, double[] eensKwh, int intervals) {
        int samples = shortIntervals.length;
        double[] share = new double[samples];
        int anyShort = 0;
        for (int k = 0; k < samples; k++) {
            share[k] = (double) shortIntervals[k] / intervals;
            if (shortIntervals[k] > 0) {
                anyShort++;
            }
        }
        Range lolpRange = normalRange(share, 1);
        Range eensRange = normalRange(eensKwh, Double.POSITIVE_INFINITY);
        double horizon = (double) anyShort / samples;
        return new Risk(clamp(mean(share), 0, 1), lolpRange, horizon, wilson(anyShort, samples),
                Math.max(0, mean(eensKwh)), eensRange);
    }

    /** Sum in sample order, so the mean is the same to the last bit whatever the threads did. */
    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** {@code mean ± z·s/√n}, within {@code [0, upper]}; a single sample gives its own value. */
    static Range normalRange(double[] values, double upper) {
        double mean = mean(values);
        if (values.length < 2) {
            return new Range(clamp(mean, 0, upper), clamp(mean, 0, upper));
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double halfWidth = Z * Math.sqrt(squares / (values.length - 1) / values.length);
        return new Range(clamp(mean - halfWidth, 0, upper), clamp(mean + halfWidth, 0, upper));
    }

    /** The Wilson score interval of a proportion {@code successes / trials}. */
    static Range wilson(int successes, int trials) {
        double p = (double) successes / trials;
        double z2 = Z * Z;
        double denominator = 1 + z2 / trials;
        double centre = (p + z2 / (2.0 * trials)) / denominator;
        double halfWidth = Z * Math.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials)) / denominator;
        // exact ends where the proportion is 0 or 1 (the formula leaves rounding dust there)
        return new Range(successes == 0 ? 0 : clamp(centre - halfWidth, 0, 1), successes == trials ? 1 : clamp(centre + halfWidth, 0, 1));
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }

    /** The random generator of sample {@code k}: a SplitMix64 mix of the seed and the sample's number. */
    static SplittableRandom randomOf(long seed, int sample) {
        long z = seed + (sample + 1L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }

    /** Fills {@code into} with a stationary AR(1) series of standard deviation {@code sigma} and coefficient {@code phi}. */
    static void autoregressive(SplittableRandom random, double sigma, double phi, double[] into) {
        double innovation = sigma * Math.sqrt(1 - phi * phi);
        double x = sigma * random.nextGaussian();
        into[0] = x;
        for (int t = 1; t < into.length; t++) {
            x = phi * x + innovation * random.nextGaussian();
            into[t] = x;
        }
    }

    // ---- the plan, prepared once --------------------------------------------------------------------------

    /** What the plan asks of every device, and what they hold in reserve, interval by interval. */
    private static final class Fleet {
        final MonteCarloOptions options;
        final int intervals;
        final double stepHours;
        final double[] demandKw;
        final double[] lossesKw;
        final double importLimitKw;
        /** Σ over all generators of the output and the reserve of committed units, as if none failed. */
        final double[] generatorKw;
        final double[] generatorReserveKw;
        /** Σ over committed units of reserve × its average cost per kWh, per hour: what deploying all of it costs. */
        final double[] generatorReserveCost;
        /** Every device in the problem's order (the order random numbers are drawn in). */
        final List<Device> devices = new ArrayList<>();
        final List<Store> stores = new ArrayList<>();
        final ForecastError photovoltaic;
        final ForecastError wind;

        Fleet(DispatchPlan plan, PlanningProblem problem, MonteCarloOptions options) {
            this.options = options;
            this.intervals = problem.grid().intervals();
            this.stepHours = problem.grid().stepHours();
            this.demandKw = problem.demandKw().toArray();
            this.lossesKw = plan.lossesKw().toArray();
            this.importLimitKw = problem.gridConnection().islanded() ? 0 : problem.gridConnection().maxImportKw();
            this.generatorKw = new double[intervals];
            this.generatorReserveKw = new double[intervals];
            this.generatorReserveCost = new double[intervals];
            this.photovoltaic = options.photovoltaic();
            this.wind = options.wind();
            Map<AssetId, DeviceSchedule> schedules = new HashMap<>();
            plan.schedules().forEach(s -> schedules.putIfAbsent(s.asset(), s));
            for (Asset asset : problem.assets()) {
                DeviceSchedule schedule = schedules.get(asset.id());
                if (schedule == null) {
                    throw new IllegalArgumentException("plan has no schedule for " + asset.id());
                }
                Optional<OutageChain> chain = OutageChain.of(asset.info().reliability(), stepHours);
                double[] powerKw = schedule.powerKw().toArray();
                double[] share = problem.availability().get(asset.id()).toArray();
                switch (asset) {
                    case Generator g -> {
                        double rampKw = g.rampUpKwPerMin() * 60 * stepHours;
                        double[] outputKw = new double[intervals];
                        double[] reserveKw = new double[intervals];
                        double[] reserveCostPerHour = new double[intervals];
                        double[] outputCost = new double[intervals];
                        for (int t = 0; t < intervals; t++) {
                            if (schedule.committed().get(t)) {
                                outputKw[t] = powerKw[t];
                                reserveKw[t] = Math.max(0, Math.min(g.ratedPowerKw() * share[t] - powerKw[t], rampKw));
                                double costPerHour = g.costCurve().costPerHour(powerKw[t]);
                                // a unit that fails saves its fuel; rising by its reserve costs the curve's increase
                                outputCost[t] = costPerHour * stepHours;
                                reserveCostPerHour[t] = Math.max(0, g.costCurve().costPerHour(powerKw[t] + reserveKw[t]) - costPerHour);
                            }
                            generatorKw[t] += outputKw[t];
                            generatorReserveKw[t] += reserveKw[t];
                            generatorReserveCost[t] += reserveCostPerHour[t];
                        }
                        devices.add(new Device.Unit(chain, outputKw, reserveKw, reserveCostPerHour, outputCost));
                    }
                    case Renewable r -> {
                        ForecastError error = r.type() == DeviceType.WIND_TURBINE ? wind : photovoltaic;
                        double[] plannedKw = new double[intervals];
                        for (int t = 0; t < intervals; t++) {
                            plannedKw[t] = Math.max(0, powerKw[t]);
                        }
                        devices.add(new Device.Weather(chain, r.type() == DeviceType.WIND_TURBINE, error, plannedKw,
                                problem.forecastKw().get(r.id()).toArray(), r.ratedPowerKw()));
                    }
                    case Storage s -> {
                        Store store = new Store(s, powerKw, share, stepHours, stores.size());
                        stores.add(store);
                        devices.add(new Device.Stored(chain, store));
                    }
                }
            }
        }
    }

    /** A device as the sampler sees it, with its outage chain (empty: never fails). */
    private sealed interface Device {
        Optional<OutageChain> chain();

        record Unit(Optional<OutageChain> chain, double[] outputKw, double[] reserveKw, double[] reserveCostPerHour, double[] outputCost)
                implements Device {}

        record Weather(Optional<OutageChain> chain, boolean wind, ForecastError error, double[] plannedKw, double[] forecastKw,
                       double ratedKw) implements Device {}

        record Stored(Optional<OutageChain> chain, Store store) implements Device {}
    }

    /** A store's limits and its set points. */
    private record Store(double capacityKwh, double minKwh, double maxKwh, double initialKwh, double kept, double chargeEfficiency,
                         double dischargeEfficiency, double[] plannedKw, double[] chargeLimitKw, double[] dischargeLimitKw, int index) {
        Store(Storage s, double[] plannedKw, double[] share, double stepHours, int index) {
            this(s.energyCapacityKwh(), s.minSoc() * s.energyCapacityKwh(), s.maxSoc() * s.energyCapacityKwh(),
                    s.initialSoc() * s.energyCapacityKwh(), Math.pow(1 - s.selfDischargePerHour(), stepHours), s.chargeEfficiency(),
                    s.dischargeEfficiency(), plannedKw, scaled(share, s.maxChargeKw()), scaled(share, s.maxDischargeKw()), index);
        }

        private static double[] scaled(double[] share, double kw) {
            double[] limit = new double[share.length];
            for (int t = 0; t < share.length; t++) {
                limit[t] = share[t] * kw;
            }
            return limit;
        }
    }

    // ---- one sample at a time ------------------------------------------------------------------------------

    /** Working arrays of one thread; {@link #run} fills the figures of one sample. */
    private static final class Sampler {
        private final Fleet fleet;
        private final int n;
        private final double h;
        private final double[] demandError;
        private final double[] photovoltaicError;
        private final double[] windError;
        private final double[] ownError;
        private final double[] generatorKw;
        private final double[] generatorReserveKw;
        private final double[] generatorReserveCost;
        private final double[] renewableKw;
        private final int[] ranges;
        private final boolean[] down;
        private final boolean[][] storeDown;
        private final double[] storeKw;
        private final double[] storeCanDischargeKw;
        private final double[] storeKwh;
        private final double rho;

        /** What deploying generators' reserve cost in the last sample, and what its failed units would have cost. */
        double reserveCost;
        double failedOutputCost;

        Sampler(Fleet fleet) {
            this.fleet = fleet;
            this.n = fleet.intervals;
            this.h = fleet.stepHours;
            this.demandError = new double[n];
            this.photovoltaicError = new double[n];
            this.windError = new double[n];
            this.ownError = new double[n];
            this.generatorKw = new double[n];
            this.generatorReserveKw = new double[n];
            this.generatorReserveCost = new double[n];
            this.renewableKw = new double[n];
            this.ranges = new int[2 * n];
            this.down = new boolean[n];
            this.storeDown = new boolean[fleet.stores.size()][n];
            this.storeKw = new double[fleet.stores.size()];
            this.storeCanDischargeKw = new double[fleet.stores.size()];
            this.storeKwh = new double[fleet.stores.size()];
            this.rho = fleet.options.spatialCorrelation();
        }

        /** Fills {@code shortfallKw} with what sample {@code sample} left short in each interval. */
        void run(int sample, double[] shortfallKw) {
            SplittableRandom random = randomOf(fleet.options.seed(), sample);
            // 1. errors common to the plant: demand, then the weather of each renewable type
            fill(random, fleet.options.demand(), demandError);
            fill(random, fleet.photovoltaic, photovoltaicError);
            fill(random, fleet.wind, windError);
            // 2. every device in the problem's order: its outages, and a renewable's own share of the error
            System.arraycopy(fleet.generatorKw, 0, generatorKw, 0, n);
            System.arraycopy(fleet.generatorReserveKw, 0, generatorReserveKw, 0, n);
            System.arraycopy(fleet.generatorReserveCost, 0, generatorReserveCost, 0, n);
            Arrays.fill(renewableKw, 0);
            failedOutputCost = 0;
            for (Device device : fleet.devices) {
                int outages = device.chain().isPresent() ? device.chain().get().sample(random, n, ranges) : 0;
                switch (device) {
                    case Device.Unit unit -> {
                        // the totals assume every unit up: take out what a failed unit would have given
                        for (int r = 0; r < outages; r++) {
                            for (int t = ranges[2 * r]; t < ranges[2 * r + 1]; t++) {
                                generatorKw[t] -= unit.outputKw()[t];
                                generatorReserveKw[t] -= unit.reserveKw()[t];
                                generatorReserveCost[t] -= unit.reserveCostPerHour()[t];
                                failedOutputCost += unit.outputCost()[t];
                            }
                        }
                    }
                    case Device.Weather weather -> addRenewable(random, weather, outages);
                    case Device.Stored stored -> {
                        boolean[] flags = storeDown[stored.store().index()];
                        Arrays.fill(flags, false);
                        mark(flags, outages);
                    }
                }
            }
            // 3. interval by interval: stores follow their set points within the energy they hold, reserve covers
            //    what is missing, generators' first, then stores'
            List<Store> stores = fleet.stores;
            for (int s = 0; s < stores.size(); s++) {
                storeKwh[s] = stores.get(s).initialKwh();
            }
            reserveCost = 0;
            for (int t = 0; t < n; t++) {
                double needKw = fleet.demandKw[t] * Math.max(0, 1 + demandError[t]) + fleet.lossesKw[t] - generatorKw[t] - renewableKw[t];
                for (int s = 0; s < stores.size(); s++) {
                    Store store = stores.get(s);
                    double carriedKwh = storeKwh[s] * store.kept();
                    if (storeDown[s][t]) {
                        storeKw[s] = 0;
                        storeCanDischargeKw[s] = 0;
                    } else {
                        double canDischargeKw = Math.max(0, Math.min(store.dischargeLimitKw()[t],
                                (carriedKwh - store.minKwh()) * store.dischargeEfficiency() / h));
                        double canChargeKw = Math.max(0, Math.min(store.chargeLimitKw()[t],
                                (store.maxKwh() - carriedKwh) / (store.chargeEfficiency() * h)));
                        double planned = store.plannedKw()[t];
                        storeKw[s] = planned > 0 ? Math.min(planned, canDischargeKw) : Math.max(planned, -canChargeKw);
                        storeCanDischargeKw[s] = canDischargeKw;
                    }
                    needKw -= storeKw[s];
                }
                if (needKw > 0) {
                    double deployedKw = Math.min(needKw, Math.max(0, generatorReserveKw[t]));
                    if (deployedKw > 0) {
                        // units rise in proportion to their reserve, each at its own average cost of rising
                        reserveCost += deployedKw / generatorReserveKw[t] * Math.max(0, generatorReserveCost[t]) * h;
                    }
                    needKw -= deployedKw;
                }
                for (int s = 0; s < stores.size() && needKw > 0; s++) {
                    double extraKw = Math.min(needKw, Math.max(0, storeCanDischargeKw[s] - storeKw[s]));
                    storeKw[s] += extraKw;
                    needKw -= extraKw;
                }
                for (int s = 0; s < stores.size(); s++) {
                    Store store = stores.get(s);
                    double p = storeKw[s];
                    storeKwh[s] = storeKwh[s] * store.kept() + store.chargeEfficiency() * Math.max(-p, 0) * h
                            - Math.max(p, 0) * h / store.dischargeEfficiency();
                }
                shortfallKw[t] = Math.max(0, needKw);
            }
        }

        private void addRenewable(SplittableRandom random, Device.Weather weather, int outages) {
            double[] common = weather.wind() ? windError : photovoltaicError;
            double[] error = common;
            if (rho < 1 && weather.error().sigma() > 0) {
                fill(random, weather.error(), ownError);
                double a = Math.sqrt(rho);
                double b = Math.sqrt(1 - rho);
                for (int t = 0; t < n; t++) {
                    ownError[t] = a * common[t] + b * ownError[t];
                }
                error = ownError;
            }
            if (outages > 0) {
                mark(down, outages);
            }
            double[] planned = weather.plannedKw();
            double[] forecast = weather.forecastKw();
            for (int t = 0; t < n; t++) {
                if (planned[t] > 0 && !(outages > 0 && down[t])) {
                    double weatherKw = Math.max(0, Math.min(weather.ratedKw(), forecast[t] * (1 + error[t])));
                    renewableKw[t] += Math.min(planned[t], weatherKw);
                }
            }
            if (outages > 0) {
                Arrays.fill(down, false);
            }
        }

        private void mark(boolean[] flags, int outages) {
            for (int r = 0; r < outages; r++) {
                Arrays.fill(flags, ranges[2 * r], ranges[2 * r + 1], true);
            }
        }

        private void fill(SplittableRandom random, ForecastError error, double[] into) {
            if (error.sigma() == 0) {
                Arrays.fill(into, 0);
            } else {
                autoregressive(random, error.sigma(), error.coefficient(h), into);
            }
        }
    }
}
