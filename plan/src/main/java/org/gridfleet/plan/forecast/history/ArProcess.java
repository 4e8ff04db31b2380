package org.gridfleet.plan.forecast.history;

import java.util.Random;

/**
 * A stationary first-order autoregressive Gaussian process with unit variance,
 * {@code x[t] = φ·x[t−1] + √(1−φ²)·ε[t]}, stepped at any interval length: the memory of every weather variable here.
 */
final class ArProcess {
    private final Random random;
    private final double phi;
    private final double innovation;
    private double value;

    /**
     * @param correlationPerHour lag-1 correlation over one hour; {@code stepHours} long steps use its power
     * @param stepHours          length of one step, hours
     */
    ArProcess(Random random, double correlationPerHour, double stepHours) {
        this.random = random;
        this.phi = Math.pow(correlationPerHour, stepHours);
        this.innovation = Math.sqrt(1 - phi * phi);
        this.value = random.nextGaussian();
    }

    /** The next value, N(0, 1) at every step. */
    double next() {
        value = phi * value + innovation * random.nextGaussian();
        return value;
    }
}
