package org.gridfleet.sim;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Communication faults injected at one device's site, as flags that the site's communication device reads (the
 * controller behind it goes on as if nothing happened: commands stop arriving and expire, and it falls back to its
 * safe default). Nothing in this module acts on them; the communication device that wires a controller to the
 * network (module {@code comm}) is to:
 * <ul>
 *   <li>{@link #commsCut()}: neither receive commands nor publish telemetry or acks; on restore, resume (and
 *       publish its connection status as a real site would after a reconnect);</li>
 *   <li>{@link #ackDelay()}: hold every ack this long in simulated time before publishing it;</li>
 *   <li>{@link #ackDropProbability()}: drop each ack with this probability (1 = every ack), drawing from its own
 *       seeded random stream so that runs repeat.</li>
 * </ul>
 * Thread-safe: the field's thread sets, the communication device's threads read.
 */
public final class SiteFaults {
    private volatile boolean commsCut;
    private volatile Duration ackDelay = Duration.ZERO;
    private volatile double ackDropProbability;

    public boolean commsCut() {
        return commsCut;
    }

    public void cutComms() {
        commsCut = true;
    }

    public void restoreComms() {
        commsCut = false;
    }

    public Duration ackDelay() {
        return ackDelay;
    }

    public void delayAcks(Duration delay) {
        requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("ack delay must be >= 0: " + delay);
        }
        ackDelay = delay;
    }

    public double ackDropProbability() {
        return ackDropProbability;
    }

    public void dropAcks(double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("ack drop probability must be within [0, 1]: " + probability);
        }
        ackDropProbability = probability;
    }

    /** True when any fault is set. */
    public boolean any() {
        return commsCut || !ackDelay.isZero() || ackDropProbability > 0;
    }

    /** Clears every fault. */
    public void clear() {
        commsCut = false;
        ackDelay = Duration.ZERO;
        ackDropProbability = 0;
    }
}
