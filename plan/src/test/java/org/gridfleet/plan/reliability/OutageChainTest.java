package org.gridfleet.plan.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.gridfleet.model.asset.Reliability;
import org.junit.jupiter.api.Test;

/**
 * The availability chain against the two-state Markov model worked out by hand: long-run share of time down equal
 * to the forced outage rate, and one-step transition probabilities {@code λ/(λ+μ)·(1 − e^{−(λ+μ)h})} and
 * {@code μ/(λ+μ)·(1 − e^{−(λ+μ)h})}.
 */
class OutageChainTest {
    private static final int HORIZONS = 20;
    private static final int INTERVALS = 50_000;

    /** FOR 0.1, MTTR 8 h: MTTF 72 h, λ = 1/72, μ = 1/8 per hour; hourly steps. */
    private final OutageChain chain = OutageChain.of(new Reliability(0.1, 72, 8), 1.0).orElseThrow();

    @Test
    void failureRateIsOneOverTheMeanTimeToFailureWhenTheFiguresAgree() {
        assertThat(chain.failuresPerHour()).isCloseTo(1.0 / 72, within(1e-15));
        assertThat(chain.repairsPerHour()).isCloseTo(1.0 / 8, within(1e-15));
    }

    @Test
    void shareOfTimeDownOverALongHorizonIsTheForcedOutageRate() {
        double[] share = new double[HORIZONS];
        for (int k = 0; k < HORIZONS; k++) {
            share[k] = downShare(states(chain, new SplittableRandom(k), INTERVALS));
        }
        double mean = MonteCarloReliability.mean(share);
        double standardError = standardDeviation(share, mean) / Math.sqrt(HORIZONS);
        System.out.printf("Markov chain FOR 0.1, MTTR 8 h: share down over %d × %d h = %.5f (standard error %.5f)%n",
                HORIZONS, INTERVALS, mean, standardError);
        assertThat(mean).isCloseTo(0.1, within(3 * standardError)).isCloseTo(0.1, within(0.005));
    }

    @Test
    void oneStepTransitionsFollowTheExactDiscreteChain() {
        double lambda = 1.0 / 72;
        double mu = 1.0 / 8;
        double h = 0.25;
        OutageChain quarterHourly = OutageChain.of(new Reliability(0.1, 72, 8), h).orElseThrow();
        long up = 0;
        long failed = 0;
        long down = 0;
        long repaired = 0;
        for (int k = 0; k < HORIZONS; k++) {
            boolean[] states = states(quarterHourly, new SplittableRandom(100 + k), INTERVALS);
            for (int t = 1; t < states.length; t++) {
                if (!states[t - 1]) {
                    up++;
                    failed += states[t] ? 1 : 0;
                } else {
                    down++;
                    repaired += states[t] ? 0 : 1;
                }
            }
        }
        double decay = 1 - Math.exp(-(lambda + mu) * h);
        double pFail = lambda / (lambda + mu) * decay;
        double pRepair = mu / (lambda + mu) * decay;
        assertThat((double) failed / up).isCloseTo(pFail, within(4 * Math.sqrt(pFail * (1 - pFail) / up)));
        assertThat((double) repaired / down).isCloseTo(pRepair, within(4 * Math.sqrt(pRepair * (1 - pRepair) / down)));
    }

    @Test
    void figuresThatDisagreeKeepTheStatedRate() {
        // MTTF 1000 h would imply a rate of 0.8 %; the verifier keeps the stated 10 %, and so does the chain
        OutageChain disagreeing = OutageChain.of(new Reliability(0.1, 1000, 8), 1.0).orElseThrow();
        double[] share = new double[HORIZONS];
        for (int k = 0; k < HORIZONS; k++) {
            share[k] = downShare(states(disagreeing, new SplittableRandom(200 + k), INTERVALS));
        }
        assertThat(MonteCarloReliability.mean(share)).isCloseTo(0.1, within(0.005));
    }

    @Test
    void aDeviceWithoutFailureDataHasNoChain() {
        assertThat(OutageChain.of(Reliability.PERFECT, 0.25)).isEmpty();
    }

    /** True where the device is down. */
    static boolean[] states(OutageChain chain, SplittableRandom random, int intervals) {
        int[] ranges = new int[2 * intervals];
        int count = chain.sample(random, intervals, ranges);
        boolean[] down = new boolean[intervals];
        int previousEnd = 0;
        for (int r = 0; r < count; r++) {
            assertThat(ranges[2 * r]).isGreaterThanOrEqualTo(previousEnd).isLessThan(ranges[2 * r + 1]);
            previousEnd = ranges[2 * r + 1];
            for (int t = ranges[2 * r]; t < ranges[2 * r + 1]; t++) {
                down[t] = true;
            }
        }
        assertThat(previousEnd).isLessThanOrEqualTo(intervals);
        return down;
    }

    private static double downShare(boolean[] down) {
        int count = 0;
        for (boolean d : down) {
            count += d ? 1 : 0;
        }
        return (double) count / down.length;
    }

    private static double standardDeviation(double[] values, double mean) {
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }
}
