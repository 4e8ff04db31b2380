package org.gridfleet.plan.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * Measured skill: a forecaster learned on the first days of a history and persistence fitted to the same days, both
 * scored on the days after them, which neither has seen. Each held-out day is forecast as it would be in operation,
 * from the days before it and its day-ahead weather forecast.
 *
 * @param quantity    what was forecast
 * @param model       the learned forecaster's scores
 * @param persistence persistence's scores on the same days
 */
public record HeldOutSkill(Quantity quantity, SkillScores model, SkillScores persistence) {

    /** Trains on days {@code [0, trainingDays)} of {@code history} and scores on the rest. */
    public static HeldOutSkill measure(History history, int trainingDays, Quantity quantity, QuantileForecastTrainer trainer) {
        if (trainingDays >= history.days()) {
            throw new IllegalArgumentException("no held-out days: " + trainingDays + " training days of a " + history.days() + "-day history");
        }
        History training = history.days(0, trainingDays);
        LearnedForecaster learned = trainer.train(training, quantity);
        PersistenceForecaster persistence = PersistenceForecaster.fit(training, quantity, ProbabilisticForecast.STANDARD_LEVELS);
        return compare(learned, persistence, history, trainingDays, history.days());
    }

    /** {@code model} and {@code persistence} scored on days {@code [from, to)} of {@code history}. */
    public static HeldOutSkill compare(DayAheadForecaster model, DayAheadForecaster persistence, History history, int from, int to) {
        if (model.quantity() != persistence.quantity()) {
            throw new IllegalArgumentException("cannot compare a forecast of " + model.quantity().label() + " with one of " + persistence.quantity().label());
        }
        return new HeldOutSkill(model.quantity(), score(model, history, from, to), score(persistence, history, from, to));
    }

    /** Scores of {@code forecaster} on days {@code [from, to)} of {@code history}. */
    public static SkillScores score(DayAheadForecaster forecaster, History history, int from, int to) {
        if (from < forecaster.contextDays()) {
            throw new IllegalArgumentException("day " + from + " has fewer than the " + forecaster.contextDays() + " days of context the forecaster needs");
        }
        List<ProbabilisticForecast> forecasts = new ArrayList<>();
        List<double[]> actuals = new ArrayList<>();
        for (int d = from; d < to; d++) {
            forecasts.add(forecaster.forecast(history.days(d - forecaster.contextDays(), d), history.weatherForecast(d)));
            actuals.add(history.valuesKw(forecaster.quantity(), d));
        }
        return SkillScores.of(forecasts, actuals, forecaster.quantity().mapeFloorKw(history.site()));
    }

    /** The learned pinball loss as a share of persistence's: below 1 is better than persistence. */
    public double pinballRatio() {
        return model.pinballKw() / persistence.pinballKw();
    }

    /** The learned MAPE as a share of persistence's. */
    public double mapeRatio() {
        return model.mape() / persistence.mape();
    }
}
