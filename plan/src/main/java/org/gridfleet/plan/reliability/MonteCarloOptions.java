package org.gridfleet.plan.reliability;

import static java.util.Objects.requireNonNull;

/**
 * What {@link MonteCarloReliability} samples and how many times.
 *
 * @param samples            sampled horizons, e.g. 2 000; the confidence intervals narrow with {@code 1/√samples}
 * @param seed               the random seed: the same seed gives identical figures, on any machine and thread count
 * @param photovoltaic       relative error of photovoltaic forecasts
 * @param wind               relative error of wind forecasts
 * @param demand             relative error of the aggregate demand
 * @param spatialCorrelation how alike the errors of two renewables of one type are, [0, 1]: 1 (the default) gives all
 *                           of them one error series (one weather over the plant, the cautious choice); below 1 each
 *                           device's error is {@code √ρ·common + √(1 − ρ)·own}, with the same σ and correlation in time
 * @param parallel           whether samples are spread over the common fork-join pool (the figures do not change)
 */
public record MonteCarloOptions(int samples, long seed, ForecastError photovoltaic, ForecastError wind, ForecastError demand,
                                double spatialCorrelation, boolean parallel) {
    /**
     * 2 000 samples, seed 1, photovoltaic σ 10 % and wind σ 15 % (errors an hour apart correlated 0.8 and 0.9),
     * demand σ 3 % (0.9), one weather for the plant, in parallel.
     */
    public static final MonteCarloOptions DEFAULT = new MonteCarloOptions(2_000, 1, new ForecastError(0.10, 0.8),
            new ForecastError(0.15, 0.9), new ForecastError(0.03, 0.9), 1.0, true);

    public MonteCarloOptions {
        requireNonNull(photovoltaic, "photovoltaic");
        requireNonNull(wind, "wind");
        requireNonNull(demand, "demand");
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1: " + samples);
        }
        if (!(spatialCorrelation >= 0 && spatialCorrelation <= 1)) {
            throw new IllegalArgumentException("spatialCorrelation must be within [0, 1]: " + spatialCorrelation);
        }
    }

    public MonteCarloOptions withSamples(int newSamples) {
        return new MonteCarloOptions(newSamples, seed, photovoltaic, wind, demand, spatialCorrelation, parallel);
    }

    public MonteCarloOptions withSeed(long newSeed) {
        return new MonteCarloOptions(samples, newSeed, photovoltaic, wind, demand, spatialCorrelation, parallel);
    }

    public MonteCarloOptions withForecastErrors(ForecastError newPhotovoltaic, ForecastError newWind, ForecastError newDemand) {
        return new MonteCarloOptions(samples, seed, newPhotovoltaic, newWind, newDemand, spatialCorrelation, parallel);
    }

    /** Forced outages only: forecasts and demand come true. */
    public MonteCarloOptions withoutForecastErrors() {
        return withForecastErrors(ForecastError.NONE, ForecastError.NONE, ForecastError.NONE);
    }

    public MonteCarloOptions withSpatialCorrelation(double correlation) {
        return new MonteCarloOptions(samples, seed, photovoltaic, wind, demand, correlation, parallel);
    }

    public MonteCarloOptions withParallel(boolean inParallel) {
        return new MonteCarloOptions(samples, seed, photovoltaic, wind, demand, spatialCorrelation, inParallel);
    }
}
