package org.gridfleet.plan.forecast;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gridfleet.plan.forecast.history.HistoryGenerator;

/**
 * One seeded history and the forecasters learned from its first 120 days, shared by the forecast tests so that each
 * quantity is trained once per test run (a few seconds each): 160 hourly days from 1 January 2025 (held out: 1 May to 9 June) at the example
 * site, the last 40 held out.
 */
final class TrainedForecasters {
    static final int TRAINING_DAYS = 120;
    static final int DAYS = 160;
    static final History HISTORY = new HistoryGenerator(ForecastSite.example(), 7).generate(LocalDate.of(2025, 1, 1), DAYS, Duration.ofHours(1));

    /** Tribuo reports every training at INFO through java.util.logging; held here so the setting is not collected. */
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");
    private static final Map<Quantity, LearnedForecaster> MODELS = new EnumMap<>(Quantity.class);
    private static final Map<Quantity, HeldOutSkill> SKILLS = new EnumMap<>(Quantity.class);

    static {
        TRIBUO.setLevel(Level.WARNING);
    }

    private TrainedForecasters() {
    }

    static synchronized LearnedForecaster model(Quantity quantity) {
        return MODELS.computeIfAbsent(quantity,
                q -> new QuantileForecastTrainer(ProbabilisticForecast.STANDARD_LEVELS, 10, 1).train(HISTORY.days(0, TRAINING_DAYS), q));
    }

    static synchronized HeldOutSkill skill(Quantity quantity) {
        return SKILLS.computeIfAbsent(quantity, q -> HeldOutSkill.compare(model(q),
                PersistenceForecaster.fit(HISTORY.days(0, TRAINING_DAYS), q, ProbabilisticForecast.STANDARD_LEVELS),
                HISTORY, TRAINING_DAYS, DAYS));
    }

    /** The learned forecast of held-out day {@code d}. */
    static ProbabilisticForecast forecastOfDay(Quantity quantity, int d) {
        return model(quantity).forecast(HISTORY.days(d - DayFeatures.CONTEXT_DAYS, d), HISTORY.weatherForecast(d));
    }
}
