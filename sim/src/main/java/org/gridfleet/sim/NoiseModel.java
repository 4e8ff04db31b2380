package org.gridfleet.sim;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * A relative error that wanders slowly: a stationary first-order autoregressive (AR(1), Ornstein–Uhlenbeck)
 * process with standard deviation {@code sigma} and correlation time {@code correlationTime}. Over a step of
 * {@code dt} it moves as {@code ε' = φ·ε + sigma·sqrt(1 − φ²)·z} with {@code φ = exp(−dt / correlationTime)} and
 * {@code z} standard normal, so its spread is {@code sigma} whatever the step and two values {@code correlationTime}
 * apart are correlated by 1/e.
 *
 * @param sigma           standard deviation of the relative error, e.g. 0.03 for ±3 %; 0 for none
 * @param correlationTime how long an error persists
 */
public record NoiseModel(double sigma, Duration correlationTime) {
    /** No noise: values are exactly their profile. */
    public static final NoiseModel NONE = new NoiseModel(0, Duration.ofMinutes(15));
    /** End-user demand: ±3 %, correlated over 15 minutes. */
    public static final NoiseModel DEMAND = new NoiseModel(0.03, Duration.ofMinutes(15));
    /** Irradiance against the forecast: ±10 %, correlated over 30 minutes (passing clouds). */
    public static final NoiseModel IRRADIANCE = new NoiseModel(0.10, Duration.ofMinutes(30));
    /** Wind speed against the forecast: ±8 %, correlated over an hour. */
    public static final NoiseModel WIND_SPEED = new NoiseModel(0.08, Duration.ofHours(1));

    public NoiseModel {
        requireNonNull(correlationTime, "correlationTime");
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("noise sigma must be finite and >= 0: " + sigma);
        }
        if (correlationTime.isNegative() || correlationTime.isZero()) {
            throw new IllegalArgumentException("noise correlationTime must be positive: " + correlationTime);
        }
    }

    public boolean isNone() {
        return sigma == 0;
    }
}
