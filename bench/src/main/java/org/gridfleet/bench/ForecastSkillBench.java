package org.gridfleet.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gridfleet.plan.forecast.ForecastSite;
import org.gridfleet.plan.forecast.HeldOutSkill;
import org.gridfleet.plan.forecast.History;
import org.gridfleet.plan.forecast.LearnedForecaster;
import org.gridfleet.plan.forecast.PersistenceForecaster;
import org.gridfleet.plan.forecast.ProbabilisticForecast;
import org.gridfleet.plan.forecast.Quantity;
import org.gridfleet.plan.forecast.QuantileForecastTrainer;
import org.gridfleet.plan.forecast.SkillScores;
import org.gridfleet.plan.forecast.history.HistoryGenerator;

/**
 * The skill of the learned probabilistic forecasts (docs/forecasting.md): a seeded synthetic history of the example
 * site, the forecasters trained on its first days and persistence fitted to the same days, both scored on the days
 * after them. Prints one markdown row per quantity: pinball loss, MAPE of the median and 5–95 % coverage of the model
 * and of persistence, their ratios, the learned lag-1 error correlation and the training time.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.gridfleet.bench.ForecastSkillBench [--train-days 300] [--test-days 60]
 *        [--seed 1] [--trees 20] [--step-minutes 60] [--start 2025-01-01]</pre>
 */
public final class ForecastSkillBench {
    /** Tribuo reports every training at INFO through java.util.logging; held so that the setting is kept. */
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

    private ForecastSkillBench() {}

    public static void main(String[] args) {
        int trainDays = 300;
        int testDays = 60;
        long seed = 1;
        int trees = 20;
        int stepMinutes = 60;
        LocalDate start = LocalDate.of(2025, 1, 1);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--train-days" -> trainDays = Integer.parseInt(args[++i]);
                case "--test-days" -> testDays = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--trees" -> trees = Integer.parseInt(args[++i]);
                case "--step-minutes" -> stepMinutes = Integer.parseInt(args[++i]);
                case "--start" -> start = LocalDate.parse(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        TRIBUO.setLevel(Level.WARNING);
        ForecastSite site = ForecastSite.example();
        long t0 = System.nanoTime();
        History history = new HistoryGenerator(site, seed).generate(start, trainDays + testDays, Duration.ofMinutes(stepMinutes));
        System.out.printf(Locale.ROOT, "history: %d days of %d-minute intervals from %s (seed %d) in %.1f s; trained on %d days, scored on the %d after"
                + " (%s to %s); %d trees%n", history.days(), stepMinutes, start, seed, (System.nanoTime() - t0) / 1e9, trainDays, testDays,
                history.date(trainDays), history.date(history.days() - 1), trees);
        System.out.printf(Locale.ROOT, "site: PV %.0f kW, wind %.0f kW, demand peak %.0f kW; MAPE over actuals >= 5 %% of the rating for PV and wind%n",
                site.pvRatingKw(), site.windRatingKw(), site.demandPeakKw());
        System.out.println("| quantity | pinball kW model | persistence | ratio | MAPE model | persistence | ratio | 5–95 % coverage model | persistence"
                + " | learned lag-1 ρ | training s |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        QuantileForecastTrainer trainer = new QuantileForecastTrainer(ProbabilisticForecast.STANDARD_LEVELS, trees, seed);
        History training = history.days(0, trainDays);
        for (Quantity quantity : Quantity.values()) {
            long t1 = System.nanoTime();
            LearnedForecaster model = trainer.train(training, quantity);
            double trainingSeconds = (System.nanoTime() - t1) / 1e9;
            PersistenceForecaster persistence = PersistenceForecaster.fit(training, quantity, ProbabilisticForecast.STANDARD_LEVELS);
            HeldOutSkill skill = HeldOutSkill.compare(model, persistence, history, trainDays, history.days());
            SkillScores m = skill.model();
            SkillScores p = skill.persistence();
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.2f | %.1f %% | %.1f %% | %.2f | %.1f %% | %.1f %% | %.2f | %.1f |%n",
                    quantity.label(), m.pinballKw(), p.pinballKw(), skill.pinballRatio(), 100 * m.mape(), 100 * p.mape(), skill.mapeRatio(),
                    100 * m.coverage90(), 100 * p.coverage90(), model.lag1Correlation(), trainingSeconds);
        }
    }
}
