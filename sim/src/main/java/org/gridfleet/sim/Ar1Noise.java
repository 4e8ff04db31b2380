package org.gridfleet.sim;

import java.time.Duration;
import java.util.SplittableRandom;

/** One seeded realisation of a {@link NoiseModel}, started from its stationary distribution. Not thread-safe. */
final class Ar1Noise {
    private final NoiseModel model;
    private final SplittableRandom random;
    private final double correlationSeconds;
    private double value;

    Ar1Noise(NoiseModel model, long seed) {
        this.model = model;
        this.random = new SplittableRandom(seed);
        this.correlationSeconds = model.correlationTime().toNanos() / 1e9;
        this.value = model.isNone() ? 0 : model.sigma() * random.nextGaussian();
    }

    /** The current relative error ε. */
    double value() {
        return value;
    }

    /** Moves the error on by {@code dt} and returns it. */
    double advance(Duration dt) {
        if (model.isNone()) {
            return 0;
        }
        double phi = Math.exp(-(dt.toNanos() / 1e9) / correlationSeconds);
        value = phi * value + model.sigma() * Math.sqrt(1 - phi * phi) * random.nextGaussian();
        return value;
    }
}
