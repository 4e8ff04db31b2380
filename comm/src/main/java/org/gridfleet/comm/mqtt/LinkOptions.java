package org.gridfleet.comm.mqtt;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.InstantSource;
import org.gridfleet.comm.protocol.Topics;
import org.gridfleet.model.Ids;

/**
 * How a link talks to the broker.
 *
 * @param topics                 the topic root shared by the center and its sites
 * @param keepAlive              the longest silence before the broker declares a link dead and, for a site,
 *                               publishes its last will (after 1.5 times this); whole seconds
 * @param reconnectInitialDelay  the first wait before reconnecting; it doubles after each failed attempt
 * @param reconnectMaxDelay      the longest wait between attempts
 * @param connectTimeout         how long a first connection may take before {@code connect} gives up
 * @param sessionExpiry          how long the broker keeps a lost link's session: its subscriptions and the
 *                               QoS 1 messages that arrive meanwhile (commands for a site, acks for the center)
 * @param shareGroup             the shared-subscription group of control-center instances
 * @param clock                  the time written into statuses and acks
 */
public record LinkOptions(Topics topics, Duration keepAlive, Duration reconnectInitialDelay, Duration reconnectMaxDelay,
                          Duration connectTimeout, Duration sessionExpiry, String shareGroup, InstantSource clock) {
    public LinkOptions {
        requireNonNull(topics, "topics");
        requireNonNull(keepAlive, "keepAlive");
        requireNonNull(reconnectInitialDelay, "reconnectInitialDelay");
        requireNonNull(reconnectMaxDelay, "reconnectMaxDelay");
        requireNonNull(connectTimeout, "connectTimeout");
        requireNonNull(sessionExpiry, "sessionExpiry");
        requireNonNull(clock, "clock");
        if (keepAlive.toSeconds() < 1 || keepAlive.toSeconds() > 65535) {
            throw new IllegalArgumentException("keepAlive must be within 1..65535 s: " + keepAlive);
        }
        if (reconnectInitialDelay.isNegative() || reconnectInitialDelay.isZero()) {
            throw new IllegalArgumentException("reconnectInitialDelay must be > 0: " + reconnectInitialDelay);
        }
        if (reconnectMaxDelay.compareTo(reconnectInitialDelay) < 0) {
            throw new IllegalArgumentException("reconnectMaxDelay " + reconnectMaxDelay + " must be at least reconnectInitialDelay " + reconnectInitialDelay);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be > 0: " + connectTimeout);
        }
        if (sessionExpiry.isNegative() || sessionExpiry.toSeconds() > 0xFFFF_FFFEL) {
            throw new IllegalArgumentException("sessionExpiry must be within 0..4294967294 s: " + sessionExpiry);
        }
        if (!Ids.isValid(shareGroup)) {
            throw new IllegalArgumentException("shareGroup must match " + Ids.PATTERN.pattern() + ": '" + shareGroup + "'");
        }
    }

    /**
     * Topics under {@code gridfleet}; keep-alive 15 s; reconnect after 0.5 s, doubling up to 30 s; 10 s to
     * connect; sessions kept 5 minutes; share group {@code gridfleet-center}; the system clock.
     */
    public static LinkOptions defaults() {
        return new LinkOptions(Topics.standard(), Duration.ofSeconds(15), Duration.ofMillis(500), Duration.ofSeconds(30),
                Duration.ofSeconds(10), Duration.ofMinutes(5), "gridfleet-center", InstantSource.system());
    }

    public LinkOptions withTopics(Topics topics) {
        return new LinkOptions(topics, keepAlive, reconnectInitialDelay, reconnectMaxDelay, connectTimeout, sessionExpiry, shareGroup, clock);
    }

    public LinkOptions withKeepAlive(Duration keepAlive) {
        return new LinkOptions(topics, keepAlive, reconnectInitialDelay, reconnectMaxDelay, connectTimeout, sessionExpiry, shareGroup, clock);
    }

    public LinkOptions withReconnect(Duration initialDelay, Duration maxDelay) {
        return new LinkOptions(topics, keepAlive, initialDelay, maxDelay, connectTimeout, sessionExpiry, shareGroup, clock);
    }

    public LinkOptions withConnectTimeout(Duration connectTimeout) {
        return new LinkOptions(topics, keepAlive, reconnectInitialDelay, reconnectMaxDelay, connectTimeout, sessionExpiry, shareGroup, clock);
    }

    public LinkOptions withSessionExpiry(Duration sessionExpiry) {
        return new LinkOptions(topics, keepAlive, reconnectInitialDelay, reconnectMaxDelay, connectTimeout, sessionExpiry, shareGroup, clock);
    }

    public LinkOptions withShareGroup(String shareGroup) {
        return new LinkOptions(topics, keepAlive, reconnectInitialDelay, reconnectMaxDelay, connectTimeout, sessionExpiry, shareGroup, clock);
    }

    public LinkOptions withClock(InstantSource clock) {
        return new LinkOptions(topics, keepAlive, reconnectInitialDelay, reconnectMaxDelay, connectTimeout, sessionExpiry, shareGroup, clock);
    }

    /** A client id unique to this topic root: {@code <root with '/' as '.'>-<role>-<name>}. */
    String clientId(String role, String name) {
        return topics.root().replace('/', '.') + "-" + role + "-" + name;
    }
}
