package org.gridfleet.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gridfleet.ingest.IngestPipeline;
import org.gridfleet.ingest.collector.FileDataCollector;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;
import org.gridfleet.plan.milp.MilpOptions;
import org.gridfleet.plan.forecast.ForecastSite;
import org.gridfleet.plan.forecast.History;
import org.gridfleet.plan.forecast.LearnedForecaster;
import org.gridfleet.plan.forecast.QuantileForecastTrainer;
import org.gridfleet.plan.forecast.Quantity;
import org.gridfleet.plan.forecast.history.HistoryGenerator;
import org.gridfleet.plan.reliability.ForecastError;
import org.gridfleet.plan.reliability.MonteCarloOptions;
import org.gridfleet.plan.stochastic.ForecastErrors;
import org.gridfleet.plan.stochastic.OutOfSample;
import org.gridfleet.plan.stochastic.StochasticOptions;
import org.gridfleet.plan.stochastic.StochasticPlan;
import org.gridfleet.plan.stochastic.StochasticPlanGenerator;

/**
 * The stochastic plan against the deterministic MILP plan (its first round) and the merit order, on out-of-sample
 * scenarios: planned cost, expected cost, energy the devices left short, energy not served. Fleets are fleet files,
 * or synthetic fleets by device count, grid-connected or ({@code --islanded}) not.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.gridfleet.bench.StochasticBench [--time-limit 60s] [--intervals 24]
 *        [--target 0.01] [--islanded] [--learned-errors] (FLEET.yaml | DEVICES)...</pre>
 *
 * <p>{@code --learned-errors}: in- and out-of-sample scenarios draw the day-ahead errors of forecasts learned at the
 * example site instead of the defaults.
 */
public final class StochasticBench {
    /** Tribuo reports every training at INFO; held here so that the level set on it is not collected with it. */
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

    private StochasticBench() {}

    public static void main(String[] args) {
        Duration timeLimit = Duration.ofSeconds(60);
        int intervals = 24;
        double target = 0.01;
        boolean islanded = false;
        boolean learnedErrors = false;
        List<String> fleets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--time-limit" -> timeLimit = Duration.parse("PT" + args[++i].toUpperCase(Locale.ROOT));
                case "--intervals" -> intervals = Integer.parseInt(args[++i]);
                case "--target" -> target = Double.parseDouble(args[++i]);
                case "--islanded" -> islanded = true;
                case "--learned-errors" -> learnedErrors = true;
                default -> fleets.add(args[i]);
            }
        }
        StochasticOptions options = StochasticOptions.DEFAULT.withTargetLolp(target).withMilp(MilpOptions.DEFAULT.withTimeLimit(timeLimit));
        MonteCarloOptions outOfSample = OutOfSample.DEFAULT_SCENARIOS;
        if (learnedErrors) {
            ForecastError[] errors = learnedErrors();
            System.out.printf(Locale.ROOT, "forecast errors learned at the example site: photovoltaic %s, wind %s, demand %s%n", errors[0], errors[1], errors[2]);
            options = options.withScenarios(options.scenarios().withForecastErrors(errors[0], errors[1], errors[2]));
            outOfSample = outOfSample.withForecastErrors(errors[0], errors[1], errors[2]);
        }
        OutOfSample judge = new OutOfSample(outOfSample, 10);
        System.out.printf(Locale.ROOT, "target %.3f per interval, %d in-sample scenarios (seed %d), %d out-of-sample (seed %d), "
                        + "time limit %d s per solve, lost load at 10/kWh%n", target, options.scenarios().samples(), options.scenarios().seed(),
                judge.scenarios().samples(), judge.scenarios().seed(), timeLimit.toSeconds());
        System.out.println("| fleet | plan | rounds (MILP status) | s | planned cost | expected cost | short kWh (devices) | EENS kWh | LOLP | with lost load |");
        System.out.println("|---|---|---|---:|---:|---:|---:|---:|---:|---:|");
        for (String fleet : fleets) {
            if (fleet.matches("\\d+")) {
                int devices = Integer.parseInt(fleet);
                BenchFleet bench = BenchFleet.write(BenchFleet.spec(devices + "x" + devices * 10, intervals, 1).withIslanded(islanded));
                try {
                    run("synthetic " + devices + (islanded ? ", islanded" : ""), bench.ingestOnce(), options, judge);
                } finally {
                    bench.delete();
                }
            } else {
                var result = new IngestPipeline().run(new FileDataCollector(Path.of(fleet)));
                run(fleet, result.problem().orElseThrow(() -> new IllegalArgumentException(fleet + " did not ingest")), options, judge);
            }
        }
    }

    private static void run(String name, PlanningProblem problem, StochasticOptions options, OutOfSample judge) {
        long t0 = System.nanoTime();
        StochasticPlan result = new StochasticPlanGenerator(options).plan(problem);
        double seconds = (System.nanoTime() - t0) / 1e9;
        String rounds = result.rounds().size() + " (" + String.join(", ", result.rounds().stream().map(r -> status(r.status())).toList())
                + (result.targetMet() ? "; target met" : "; target NOT met") + ")";
        var plans = List.of(result.plan(), result.deterministic(), new MeritOrderPlanGenerator().generate(problem).getFirst());
        var names = List.of("stochastic", "deterministic", "merit-order");
        for (int k = 0; k < plans.size(); k++) {
            OutOfSample.Judged j = judge.judge(problem, plans.get(k));
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %,.2f | %,.2f | %,.1f | %,.2f | %.5f | %,.2f |%n", k == 0 ? name : "", names.get(k),
                    k == 0 ? rounds : "", k == 0 ? String.format(Locale.ROOT, "%.1f", seconds) : "", j.plannedCost(), j.expectedCost(),
                    j.eensDevicesKwh(), j.eensKwh(), j.lolp(), j.expectedCostWithLostLoad());
        }
    }

    /**
     * Day-ahead errors of forecasts learned at the example site ({@code ForecastSite.example()}, a seeded synthetic
     * history of 330 days, 300 to train): the mean over the 30 days after of each day's {@link ForecastErrors#of}.
     */
    private static ForecastError[] learnedErrors() {
        TRIBUO.setLevel(Level.WARNING);
        History history = new HistoryGenerator(ForecastSite.example(), 1).generate(LocalDate.of(2025, 1, 1), 330, Duration.ofHours(1));
        ForecastError[] errors = new ForecastError[3];
        Quantity[] quantities = {Quantity.PV, Quantity.WIND, Quantity.DEMAND};
        for (int q = 0; q < quantities.length; q++) {
            LearnedForecaster model = new QuantileForecastTrainer().train(history.days(0, 300), quantities[q]);
            double sigma = 0;
            double correlation = 0;
            for (int d = 300; d < 330; d++) {
                ForecastError e = ForecastErrors.of(model.forecast(history.days(d - 7, d), history.weatherForecast(d)));
                sigma += e.sigma() / 30;
                correlation += e.correlationPerHour() / 30;
            }
            errors[q] = new ForecastError(sigma, Math.min(1, correlation));
        }
        return errors;
    }

    private static String status(PlanStatus status) {
        return status instanceof PlanStatus.Feasible f ? String.format(Locale.ROOT, "gap %.2f %%", 100 * f.relativeGap()) : status.label();
    }
}
