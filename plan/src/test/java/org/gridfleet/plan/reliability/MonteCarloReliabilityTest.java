package org.gridfleet.plan.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.plan.reliability.UnreliableFleets.failing;
import static org.gridfleet.plan.reliability.UnreliableFleets.info;
import static org.gridfleet.plan.reliability.UnreliableFleets.unit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.Reliability;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.fleet.GridConnection;
import org.gridfleet.model.plan.DeviceSchedule;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.Objective;
import org.gridfleet.model.plan.ObjectiveKind;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.evaluate.PlanEvaluator;
import org.gridfleet.plan.evaluate.ReliabilityMetrics;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;
import org.gridfleet.testkit.ProblemBuilder;
import org.gridfleet.testkit.RandomProblems;
import org.junit.jupiter.api.Test;

/**
 * Monte Carlo reliability against figures computed independently: the binomial distribution of independent unit
 * outages (each unit down with probability FOR at any instant), the normal distribution of a forecast error, and
 * cases whose answer is plain (a unit that never fails, a store that holds enough energy or none).
 *
 * <pre>
 *   U1  U2  U3   three identical units, 100 kW each, FOR q, committed at 50 kW each: 100 kW of reserve
 *    │   │   │
 *   ─┴───┴───┴── B1 ── EU-1  demand 150 kW
 *
 *   the plant falls short when two or three units are down:
 *     LOLP = 3q²(1 − q) + q³               q = 0.1: 0.028
 *     EENS = 3q²(1 − q)·50 kWh + q³·150 kWh      1.5 kWh per hour
 * </pre>
 */
class MonteCarloReliabilityTest {
    private static final MonteCarloOptions OUTAGES_ONLY = MonteCarloOptions.DEFAULT.withoutForecastErrors();
    private static final double Q = 0.1;
    private static final double EXACT_LOLP = 3 * Q * Q * (1 - Q) + Q * Q * Q;
    private static final double EXACT_EENS_KWH = 3 * Q * Q * (1 - Q) * 50 + Q * Q * Q * 150;

    @Test
    void lossOfLoadOfThreeUnitsMatchesTheBinomialDistribution() {
        PlanningProblem problem = threeUnits(Q, 1, Duration.ofHours(1));
        DispatchPlan plan = allThreeAt50(problem);

        ReliabilityMetrics r = new MonteCarloReliability(OUTAGES_ONLY).assess(plan, problem);

        System.out.printf("3 units, FOR %.2f, 1 interval, %d samples, seed %d: LOLP %.5f [%.5f, %.5f] (exact %.5f), "
                        + "EENS %.4f kWh [%.4f, %.4f] (exact %.4f)%n", Q, r.samples(), r.seed(), r.devices().lolp(),
                r.devices().lolpRange().low(), r.devices().lolpRange().high(), EXACT_LOLP, r.devices().eensKwh(),
                r.devices().eensKwhRange().low(), r.devices().eensKwhRange().high(), EXACT_EENS_KWH);
        assertThat(r.samples()).isEqualTo(2_000);
        assertThat(r.devices().lolpRange().contains(EXACT_LOLP)).isTrue();
        assertThat(r.devices().lolpHorizonRange().contains(EXACT_LOLP)).isTrue();
        assertThat(r.devices().eensKwhRange().contains(EXACT_EENS_KWH)).isTrue();
        assertThat(r.devices().lolpHorizon()).isEqualTo(r.devices().lolp()); // one interval: the two shares agree
        assertThat(r.probabilityMet().get(0)).isCloseTo(1 - r.devices().lolp(), within(1e-12));
        assertThat(r.withImport()).isEqualTo(r.devices()); // islanded
    }

    @Test
    void forEverySeedTheEstimateIsWithinThreeStandardErrorsOfTheBinomialValue() {
        PlanningProblem problem = threeUnits(Q, 1, Duration.ofHours(1));
        DispatchPlan plan = allThreeAt50(problem);
        double standardError = Math.sqrt(EXACT_LOLP * (1 - EXACT_LOLP) / 2_000);
        List<Double> estimates = new ArrayList<>();
        for (long seed = 1; seed <= 20; seed++) {
            double lolp = new MonteCarloReliability(OUTAGES_ONLY.withSeed(seed)).assess(plan, problem).devices().lolp();
            estimates.add(lolp);
            assertThat(lolp).as("seed %d", seed).isCloseTo(EXACT_LOLP, within(3 * standardError));
        }
        System.out.printf("3 units, FOR %.2f: LOLP over seeds 1..20 = %s, exact %.5f, standard error %.5f%n", Q,
                estimates.stream().map(x -> String.format("%.4f", x)).toList(), EXACT_LOLP, standardError);
    }

    @Test
    void everyIntervalOfADayMatchesTheBinomialValue() {
        // the chain starts from its stationary distribution, so every interval sees each unit down with probability q
        PlanningProblem problem = threeUnits(Q, 96, Duration.ofMinutes(15));
        DispatchPlan plan = allThreeAt50(problem);

        ReliabilityMetrics r = new MonteCarloReliability(OUTAGES_ONLY).assess(plan, problem);

        System.out.printf("3 units, FOR %.2f, 96 × 15 min: LOLP %.5f [%.5f, %.5f] (exact %.5f), EENS %.2f kWh [%.2f, %.2f] (exact %.2f), "
                        + "horizon %.4f, probabilityMet %.4f..%.4f%n", Q, r.devices().lolp(), r.devices().lolpRange().low(),
                r.devices().lolpRange().high(), EXACT_LOLP, r.devices().eensKwh(), r.devices().eensKwhRange().low(),
                r.devices().eensKwhRange().high(), EXACT_EENS_KWH * 24, r.devices().lolpHorizon(), r.probabilityMet().min(),
                r.probabilityMet().max());
        assertThat(r.devices().lolpRange().contains(EXACT_LOLP)).isTrue();
        assertThat(r.devices().eensKwhRange().contains(EXACT_EENS_KWH * 24)).isTrue(); // 24 hours of 1.5 kWh each
        for (int t = 0; t < 96; t++) {
            assertThat(r.probabilityMet().get(t)).as("interval %d", t).isCloseTo(1 - EXACT_LOLP, within(0.02));
        }
        // outages last hours: a sample that falls short does so in several intervals, so the horizon share is larger
        assertThat(r.devices().lolpHorizon()).isGreaterThan(2 * r.devices().lolp());
    }

    @Test
    void theSameSeedGivesIdenticalFiguresWhateverTheThreads() {
        PlanningProblem problem = UnreliableFleets.withRandomReliability(RandomProblems.problem(3), 3);
        DispatchPlan plan = new MeritOrderPlanGenerator().generate(problem).getFirst();

        ReliabilityMetrics first = new MonteCarloReliability(MonteCarloOptions.DEFAULT.withSamples(500)).assess(plan, problem);
        ReliabilityMetrics again = new MonteCarloReliability(MonteCarloOptions.DEFAULT.withSamples(500)).assess(plan, problem);
        ReliabilityMetrics sequential = new MonteCarloReliability(MonteCarloOptions.DEFAULT.withSamples(500).withParallel(false))
                .assess(plan, problem);
        ReliabilityMetrics otherSeed = new MonteCarloReliability(MonteCarloOptions.DEFAULT.withSamples(500).withSeed(2)).assess(plan, problem);

        assertThat(again).isEqualTo(first);
        assertThat(sequential).isEqualTo(first);
        assertThat(otherSeed.devices().eensKwh()).isNotEqualTo(first.devices().eensKwh());
        assertThat(first.seed()).isEqualTo(1);
        assertThat(first.settings()).containsEntry("photovoltaicSigma", 0.10).containsEntry("windSigma", 0.15)
                .containsEntry("demandSigma", 0.03);
    }

    @Test
    void aUnitWithoutFailureDataNeverFails() {
        // SOLID never fails (no reliability data); FRAIL fails half the time but is not committed
        PlanningProblem problem = ProblemBuilder.hourly("solid", "2026-11-23T00:00:00Z", 24)
                .add(unit("SOLID", DeviceType.RECIPROCATING_ENGINE, 100, 0.1, 0.5, Reliability.PERFECT))
                .add(unit("FRAIL", DeviceType.RECIPROCATING_ENGINE, 100, 0.2, 0.6, failing(0.5, 10)))
                .demand("EU-1", constant(24, 50)).build();
        DispatchPlan plan = plan(problem, List.of(generator("SOLID", 24, 50), off("FRAIL", 24)));

        ReliabilityMetrics r = new MonteCarloReliability().assess(plan, problem); // with the demand error: 50 kW of reserve is plenty

        assertThat(r.devices().lolp()).isZero();
        assertThat(r.devices().lolpHorizon()).isZero();
        assertThat(r.devices().eensKwh()).isZero();
        assertThat(r.probabilityMet()).isEqualTo(Profile.constant(24, 1));
        // no shortfall seen in 2 000 samples: the horizon share is below about 3.84 / 2 000 with 95 % confidence
        assertThat(r.devices().lolpHorizonRange().low()).isZero();
        assertThat(r.devices().lolpHorizonRange().high()).isCloseTo(1.92e-3, within(1e-4));
    }

    /**
     * The same fleet, two commitments: two units at 75 kW (50 kW of reserve; one failure is a shortfall,
     * LOLP {@code 1 − (1 − q)²}) against three at 50 kW (100 kW of reserve; it takes two failures, LOLP
     * {@code 3q²(1 − q) + q³}).
     */
    @Test
    void moreReserveMeansLessLossOfLoad() {
        double q = 0.05;
        PlanningProblem problem = threeUnits(q, 96, Duration.ofMinutes(15));
        DispatchPlan lean = plan(problem, List.of(generator("U1", 96, 75), generator("U2", 96, 75), off("U3", 96)));
        DispatchPlan ample = allThreeAt50(problem);
        MonteCarloReliability assessor = new MonteCarloReliability(OUTAGES_ONLY);

        ReliabilityMetrics leanRisk = assessor.assess(lean, problem);
        ReliabilityMetrics ampleRisk = assessor.assess(ample, problem);

        System.out.printf("FOR %.2f: two units at 75 kW LOLP %.5f (exact %.5f), three at 50 kW LOLP %.5f (exact %.5f)%n", q,
                leanRisk.devices().lolp(), 1 - (1 - q) * (1 - q), ampleRisk.devices().lolp(), 3 * q * q * (1 - q) + q * q * q);
        assertThat(ampleRisk.devices().lolp()).isLessThan(leanRisk.devices().lolp() / 5);
        assertThat(ampleRisk.devices().eensKwh()).isLessThan(leanRisk.devices().eensKwh());
        assertThat(leanRisk.devices().lolpRange().contains(1 - (1 - q) * (1 - q))).isTrue();
        assertThat(ampleRisk.devices().lolpRange().contains(3 * q * q * (1 - q) + q * q * q)).isTrue();
    }

    /**
     * One interval: PV planned at 80 kW of an 80 kW forecast, a unit that never fails at 20 kW of 30 kW: 10 kW of
     * reserve. The plant falls short when the weather gives less than 70 kW, {@code 80·(1 + ε) < 70}, so with
     * {@code ε ~ N(0, 0.1²)}: {@code P = Φ(−1.25) = 0.10565}.
     */
    @Test
    void forecastErrorOfARenewableMatchesTheNormalDistribution() {
        PlanningProblem problem = ProblemBuilder.hourly("pv and a unit", "2026-06-21T12:00:00Z", 1)
                .add(new Renewable(info("PV-1", DeviceType.PHOTOVOLTAIC, 100, Reliability.PERFECT), true), 80)
                .add(unit("GEN-1", DeviceType.RECIPROCATING_ENGINE, 30, 0.1, 0.5, Reliability.PERFECT))
                .demand("EU-1", 100).build();
        DispatchPlan plan = plan(problem, List.of(DeviceSchedule.flows(AssetId.of("PV-1"), DeviceType.PHOTOVOLTAIC, new double[] {80},
                Profile.of()), generator("GEN-1", 1, 20)));
        MonteCarloOptions pvOnly = OUTAGES_ONLY.withForecastErrors(new ForecastError(0.10, 0.8), ForecastError.NONE, ForecastError.NONE)
                .withSamples(20_000);

        ReliabilityMetrics r = new MonteCarloReliability(pvOnly).assess(plan, problem);

        System.out.printf("PV σ 10 %%, 10 kW of reserve, %d samples: LOLP %.5f [%.5f, %.5f] (exact 0.10565), EENS %.4f kWh [%.4f, %.4f] "
                        + "(exact 0.40469)%n", r.samples(), r.devices().lolp(), r.devices().lolpRange().low(), r.devices().lolpRange().high(),
                r.devices().eensKwh(), r.devices().eensKwhRange().low(), r.devices().eensKwhRange().high());

        assertThat(r.devices().lolpRange().contains(0.10565)).isTrue();
        // short by 70 − 80(1 + ε) kW: E[max(0, 70 − 80(1 + ε))] = 8·(φ(1.25) − 1.25·Φ(−1.25)) = 0.40469 kWh
        assertThat(r.devices().eensKwhRange().contains(0.40469)).isTrue();
    }

    @Test
    void aStoreWithEnergyCoversAnOutageAndAnEmptyOneDoesNot() {
        for (double initialSoc : new double[] {1.0, 0.1}) {
            // BAT-1 holds 0.9 × 10 000 kWh above its minimum when full: a day at 100 kW; at its minimum it holds nothing
            PlanningProblem problem = ProblemBuilder.hourly("unit and battery", "2026-11-23T00:00:00Z", 24)
                    .add(unit("GEN-1", DeviceType.RECIPROCATING_ENGINE, 100, 0.1, 0.5, failing(0.1, 8)))
                    .add(new Storage(info("BAT-1", DeviceType.BATTERY, 100, Reliability.PERFECT), 10_000, 100, 100, 1, 1, 0, 0.1, 1,
                            initialSoc, 0))
                    .demand("EU-1", constant(24, 100)).build();
            DispatchPlan plan = plan(problem, List.of(generator("GEN-1", 24, 100), DeviceSchedule.flows(AssetId.of("BAT-1"),
                    DeviceType.BATTERY, new double[24], Profile.constant(24, initialSoc))));

            ReliabilityMetrics r = new MonteCarloReliability(OUTAGES_ONLY).assess(plan, problem);

            if (initialSoc == 1.0) {
                assertThat(r.devices().lolp()).isZero();
            } else {
                assertThat(r.devices().lolpRange().contains(0.1)).isTrue();
            }
        }
    }

    @Test
    void aSlowUnitCannotCoverWhatItCannotRampTo() {
        for (double rampKwPerMin : new double[] {0.5, 10}) {
            // SLOW rises at most 30 kW in an hour (0.5 kW/min), so it cannot replace FRAIL's 50 kW; at 10 kW/min it can
            Generator slow = unit("SLOW", DeviceType.RECIPROCATING_ENGINE, 100, 0.1, 0.5, Reliability.PERFECT);
            slow = new Generator(slow.info(), 0, rampKwPerMin, rampKwPerMin, 0, 0, slow.startUp(), slow.initialState(), slow.costCurve(),
                    slow.runHourLimit(), slow.co2KgPerKwh());
            PlanningProblem problem = ProblemBuilder.hourly("slow reserve", "2026-11-23T00:00:00Z", 1)
                    .add(unit("FRAIL", DeviceType.RECIPROCATING_ENGINE, 100, 0.1, 0.5, failing(0.2, 8)))
                    .add(slow)
                    .demand("EU-1", 100).build();
            DispatchPlan plan = plan(problem, List.of(generator("FRAIL", 1, 50), generator("SLOW", 1, 50)));

            ReliabilityMetrics r = new MonteCarloReliability(OUTAGES_ONLY).assess(plan, problem);

            if (rampKwPerMin < 1) {
                assertThat(r.devices().lolpRange().contains(0.2)).isTrue();
                assertThat(r.devices().eensKwhRange().contains(0.2 * 20)).isTrue(); // 50 − 30 kW short
            } else {
                assertThat(r.devices().lolp()).isZero();
            }
        }
    }

    @Test
    void importServesWhatTheDevicesCannot() {
        PlanningProblem problem = ProblemBuilder.hourly("connected", "2026-11-23T00:00:00Z", 24)
                .add(unit("GEN-1", DeviceType.RECIPROCATING_ENGINE, 100, 0.1, 0.5, failing(0.1, 8)))
                .demand("EU-1", constant(24, 80))
                .connection(GridConnection.connected(100, 0)).flatPrices(0.05, 0.2).build();
        DispatchPlan plan = plan(problem, List.of(generator("GEN-1", 24, 80)));

        ReliabilityMetrics r = new MonteCarloReliability(OUTAGES_ONLY).assess(plan, problem);

        assertThat(r.devices().lolpRange().contains(0.1)).isTrue();
        assertThat(r.withImport().lolp()).isZero();
        assertThat(r.withImport().eensKwh()).isZero();
    }

    @Test
    void theEvaluatorCarriesTheReliabilityMetrics() {
        PlanningProblem problem = threeUnits(Q, 1, Duration.ofHours(1));
        DispatchPlan plan = allThreeAt50(problem);
        MonteCarloReliability assessor = new MonteCarloReliability(OUTAGES_ONLY);

        var metrics = new PlanEvaluator().withReliability(assessor).evaluate(plan, problem);

        assertThat(metrics.reliability()).contains(assessor.assess(plan, problem));
        assertThat(new PlanEvaluator().evaluate(plan, problem).reliability()).isEmpty();
    }

    /** Measures the size; prints, asserts nothing about time. */
    @Test
    void measuresTwoThousandSamplesOfADayOfAHundredDevices() {
        PlanningProblem problem = UnreliableFleets.withRandomReliability(RandomProblems.problem(7, 100, 96), 7);
        DispatchPlan plan = new MeritOrderPlanGenerator().generate(problem).getFirst();
        for (boolean parallel : new boolean[] {false, true}) {
            MonteCarloReliability assessor = new MonteCarloReliability(MonteCarloOptions.DEFAULT.withParallel(parallel));
            assessor.assess(plan, problem); // warm-up
            double[] seconds = new double[5];
            ReliabilityMetrics r = null;
            for (int run = 0; run < seconds.length; run++) {
                long start = System.nanoTime();
                r = assessor.assess(plan, problem);
                seconds[run] = (System.nanoTime() - start) / 1e9;
            }
            Arrays.sort(seconds);
            System.out.printf("Monte Carlo %d samples × %d intervals × %d devices (%s, %d cores): best %.3f s, median %.3f s of 5; "
                            + "LOLP %.5f, EENS %.1f kWh [%.1f, %.1f]%n", r.samples(), problem.grid().intervals(), problem.assets().size(),
                    parallel ? "parallel" : "one thread", Runtime.getRuntime().availableProcessors(), seconds[0], seconds[2],
                    r.devices().lolp(), r.devices().eensKwh(), r.devices().eensKwhRange().low(), r.devices().eensKwhRange().high());
        }
    }

    // ---- fixtures -------------------------------------------------------------------------------------------

    /** Three 100 kW units failing at {@code q} (repaired in 8 h on average), demand 150 kW, islanded. */
    static PlanningProblem threeUnits(double q, int intervals, Duration step) {
        ProblemBuilder builder = ProblemBuilder.on("three units", new TimeGrid(Instant.parse("2026-11-23T00:00:00Z"), step, intervals));
        for (String id : List.of("U1", "U2", "U3")) {
            builder.add(unit(id, DeviceType.RECIPROCATING_ENGINE, 100, 0.1, 0.5, failing(q, 8)));
        }
        return builder.demand("EU-1", constant(intervals, 150)).build();
    }

    static DispatchPlan allThreeAt50(PlanningProblem problem) {
        int n = problem.grid().intervals();
        return plan(problem, List.of(generator("U1", n, 50), generator("U2", n, 50), generator("U3", n, 50)));
    }

    static DispatchPlan plan(PlanningProblem problem, List<DeviceSchedule> schedules) {
        int n = problem.grid().intervals();
        return new DispatchPlan("test", Objective.of(ObjectiveKind.COST), new PlanStatus.Heuristic(), problem.grid(), schedules,
                Profile.zeros(n), Profile.zeros(n));
    }

    static DeviceSchedule generator(String id, int intervals, double kw) {
        boolean[] on = new boolean[intervals];
        Arrays.fill(on, true);
        return DeviceSchedule.generator(AssetId.of(id), DeviceType.RECIPROCATING_ENGINE, constant(intervals, kw), on);
    }

    static DeviceSchedule off(String id, int intervals) {
        return DeviceSchedule.generator(AssetId.of(id), DeviceType.RECIPROCATING_ENGINE, new double[intervals], new boolean[intervals]);
    }

    static double[] constant(int intervals, double value) {
        double[] values = new double[intervals];
        Arrays.fill(values, value);
        return values;
    }
}
