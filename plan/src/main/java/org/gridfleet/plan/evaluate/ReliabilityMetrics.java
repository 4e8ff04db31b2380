package org.gridfleet.plan.evaluate;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.gridfleet.model.Profile;

/**
 * How likely a plan is to keep its promise, estimated by sampling forced outages and forecast errors
 * (docs/selection.md, "Monte Carlo reliability"). Two views of the same samples: {@code devices}, whether the
 * devices' combined output covers demand (the plant's promise, the one the evaluator's shortfall figures and the
 * plan's {@code DEMAND} shortfalls also use), and {@code withImport}, whether demand is served at all once grid
 * import up to its limit makes up the rest (equal to {@code devices} for an islanded plant).
 *
 * @param method          how the figures were obtained, {@code monte-carlo}
 * @param samples         number of sampled horizons
 * @param seed            the random seed; the same plan, problem, settings and seed give identical figures
 * @param confidenceLevel the level of every confidence interval below, 0.95
 * @param settings        the uncertainty model's parameters by name (forecast error σ and correlations), for the record
 * @param probabilityMet  per interval, the share of samples in which the devices' combined output is at least demand
 */
public record ReliabilityMetrics(String method, int samples, long seed, double confidenceLevel, Map<String, Double> settings,
                                 Risk devices, Risk withImport, Profile probabilityMet) {

    public ReliabilityMetrics {
        requireNonNull(method, "method");
        requireNonNull(devices, "devices");
        requireNonNull(withImport, "withImport");
        requireNonNull(probabilityMet, "probabilityMet");
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1: " + samples);
        }
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidenceLevel must be within (0, 1): " + confidenceLevel);
        }
        settings = Collections.unmodifiableMap(new TreeMap<>(settings));
        if (probabilityMet.size() > 0 && (probabilityMet.min() < 0 || probabilityMet.max() > 1)) {
            throw new IllegalArgumentException("probabilityMet must be within [0, 1]: " + probabilityMet);
        }
    }

    /**
     * Loss of load, as estimated from the samples, each with its confidence interval.
     *
     * @param lolp          loss-of-load probability: the share of sampled intervals (all samples × all intervals) with
     *                      output short of demand
     * @param lolpHorizon   the share of samples with a shortfall in at least one interval
     * @param eensKwh       expected energy not served over the horizon: the mean over samples of Σ shortfall·h, kWh
     */
    public record Risk(double lolp, Range lolpRange, double lolpHorizon, Range lolpHorizonRange, double eensKwh, Range eensKwhRange) {
        public Risk {
            requireNonNull(lolpRange, "lolpRange");
            requireNonNull(lolpHorizonRange, "lolpHorizonRange");
            requireNonNull(eensKwhRange, "eensKwhRange");
            if (!(lolp >= 0 && lolp <= 1) || !(lolpHorizon >= 0 && lolpHorizon <= 1)) {
                throw new IllegalArgumentException("probabilities must be within [0, 1]: " + lolp + ", " + lolpHorizon);
            }
            if (!(eensKwh >= 0) || !Double.isFinite(eensKwh)) {
                throw new IllegalArgumentException("eensKwh must be finite and >= 0: " + eensKwh);
            }
        }
    }

    /** A confidence interval {@code [low, high]}. */
    public record Range(double low, double high) {
        public Range {
            if (!(low <= high) || !Double.isFinite(low) || !Double.isFinite(high)) {
                throw new IllegalArgumentException("a range needs finite low <= high: [" + low + ", " + high + "]");
            }
        }

        public boolean contains(double value) {
            return value >= low && value <= high;
        }
    }
}
