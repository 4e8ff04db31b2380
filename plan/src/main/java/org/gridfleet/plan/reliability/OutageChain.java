package org.gridfleet.plan.reliability;

import java.util.Optional;
import java.util.SplittableRandom;
import org.gridfleet.model.asset.Reliability;

/**
 * A device's availability as a two-state Markov chain in continuous time: up → down at the failure rate
 * {@code λ = 1/MTTF}, down → up at the repair rate {@code μ = 1/MTTR}, per hour, started from its stationary
 * distribution ({@code P(down) = λ/(λ + μ)}, the forced outage rate). A device is taken as down for a whole interval
 * when it is down at the interval's start, so over a step of {@code h} hours the states form a discrete chain with
 * {@code P(up → down) = λ/(λ+μ)·(1 − e^{−(λ+μ)h})} and {@code P(down → up) = μ/(λ+μ)·(1 − e^{−(λ+μ)h})}.
 *
 * <p>The fleet file may give a forced outage rate, a mean time to failure and a mean time to repair that disagree
 * (the verifier warns and keeps the rate); then {@code λ = FOR / ((1 − FOR)·MTTR)}, the failure rate that keeps the
 * stated rate as the long-run share of time down. When the three agree this is {@code 1/MTTF}.
 *
 * <p>Sampled by drawing the exponential sojourn times, so a device that seldom fails costs a draw or two per
 * horizon instead of one per interval.
 */
final class OutageChain {
    private final double forcedOutageRate;
    private final double failuresPerHour;
    private final double repairsPerHour;
    private final double stepHours;

    /** Empty for a device that never fails (forced outage rate 0). */
    static Optional<OutageChain> of(Reliability reliability, double stepHours) {
        return reliability.forcedOutageRate() > 0
                ? Optional.of(new OutageChain(reliability.forcedOutageRate(), reliability.mttrHours(), stepHours))
                : Optional.empty();
    }

    OutageChain(double forcedOutageRate, double mttrHours, double stepHours) {
        if (!(forcedOutageRate > 0 && forcedOutageRate < 1)) {
            throw new IllegalArgumentException("forcedOutageRate must be within (0, 1): " + forcedOutageRate);
        }
        if (!(mttrHours > 0) || !Double.isFinite(mttrHours) || !(stepHours > 0)) {
            throw new IllegalArgumentException("mttrHours and stepHours must be positive and finite: " + mttrHours + ", " + stepHours);
        }
        this.forcedOutageRate = forcedOutageRate;
        this.repairsPerHour = 1 / mttrHours;
        this.failuresPerHour = forcedOutageRate / ((1 - forcedOutageRate) * mttrHours);
        this.stepHours = stepHours;
    }

    double failuresPerHour() {
        return failuresPerHour;
    }

    double repairsPerHour() {
        return repairsPerHour;
    }

    /**
     * Samples one horizon of {@code intervals}: writes the intervals the device is down in as half-open ranges
     * {@code [ranges[2k], ranges[2k+1])}, in time order, and returns how many there are. {@code ranges} needs room for
     * {@code 2·intervals} numbers.
     */
    int sample(SplittableRandom random, int intervals, int[] ranges) {
        boolean down = random.nextDouble() < forcedOutageRate;
        double hours = 0;
        double lastStartHours = (intervals - 1) * stepHours;
        int count = 0;
        while (hours <= lastStartHours) {
            // the residual time in the state is exponential whenever we look (memoryless), at the start as well
            double next = hours - Math.log(1 - random.nextDouble()) / (down ? repairsPerHour : failuresPerHour);
            if (down) {
                int from = (int) Math.ceil(hours / stepHours);              // first interval starting at or after the failure
                int to = (int) Math.min(intervals, Math.ceil(next / stepHours)); // intervals starting before the repair
                if (to > from) {
                    ranges[2 * count] = from;
                    ranges[2 * count + 1] = to;
                    count++;
                }
            }
            hours = next;
            down = !down;
        }
        return count;
    }
}
