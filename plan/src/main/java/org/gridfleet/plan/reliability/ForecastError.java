package org.gridfleet.plan.reliability;

/**
 * A relative forecast error as a stationary first-order autoregressive series: {@code ε[0] ~ N(0, σ²)} and
 * {@code ε[t] = φ·ε[t−1] + σ·√(1 − φ²)·z[t]}, {@code z ~ N(0, 1)}, with {@code φ = correlationPerHour^h} for a step of
 * {@code h} hours. So every interval's error has standard deviation {@code σ}, and errors an hour apart are correlated
 * by {@code correlationPerHour}: a forecast that is too high now is likely too high in the next intervals as well.
 *
 * @param sigma              standard deviation of the relative error, e.g. 0.10 = 10 % of the forecast
 * @param correlationPerHour correlation of errors one hour apart, [0, 1]
 */
public record ForecastError(double sigma, double correlationPerHour) {
    /** No error at all: the forecast comes true. */
    public static final ForecastError NONE = new ForecastError(0, 0);

    public ForecastError {
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and >= 0: " + sigma);
        }
        if (!(correlationPerHour >= 0 && correlationPerHour <= 1)) {
            throw new IllegalArgumentException("correlationPerHour must be within [0, 1]: " + correlationPerHour);
        }
    }

    /** The autoregressive coefficient for one interval of {@code stepHours}. */
    public double coefficient(double stepHours) {
        return Math.pow(correlationPerHour, stepHours);
    }
}
