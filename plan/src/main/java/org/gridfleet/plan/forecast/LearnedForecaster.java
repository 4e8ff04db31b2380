package org.gridfleet.plan.forecast;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A forecaster learned from history by {@link QuantileForecastTrainer}: a {@link PointModel} (a Tribuo random forest) for the point forecast,
 * a {@link QuantileLayer} of pinball-loss models around it, and the lag-1 error correlation for scenarios.
 */
public final class LearnedForecaster implements DayAheadForecaster {
    private final Quantity quantity;
    private final PointModel pointModel;
    private final QuantileLayer quantiles;
    private final double lag1Correlation;

    LearnedForecaster(Quantity quantity, PointModel pointModel, QuantileLayer quantiles, double lag1Correlation) {
        this.quantity = requireNonNull(quantity, "quantity");
        this.pointModel = requireNonNull(pointModel, "pointModel");
        this.quantiles = requireNonNull(quantiles, "quantiles");
        this.lag1Correlation = lag1Correlation;
    }

    @Override
    public Quantity quantity() {
        return quantity;
    }

    @Override
    public int contextDays() {
        return DayFeatures.CONTEXT_DAYS;
    }

    /** The correlation of neighbouring intervals' errors learned from the training history (normal scores). */
    public double lag1Correlation() {
        return lag1Correlation;
    }

    @Override
    public ProbabilisticForecast forecast(History recent, WeatherForecast weather) {
        DayFeatures day = DayFeatures.of(quantity, recent, weather);
        double[] pointPu = pointModel.predict(Arrays.asList(day.values()));
        return quantiles.forecast(pointPu, day, recent.site(), weather, lag1Correlation);
    }
}
