package org.gridfleet.comm.protocol;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.gridfleet.model.AssetId;

/**
 * Whether a device's site is connected to the network; retained by the broker, so whoever subscribes learns
 * every site's latest status at once.
 *
 * <p>Each connection of a site is identified by {@code connectedAt}, the time the site opened it. The lost
 * status is the site's MQTT last will, written when it connects, so it carries that connection's
 * {@code connectedAt}: a status whose {@code connectedAt} is older than the one already known describes an
 * earlier connection and is stale.
 *
 * @param connectedAt when the site opened the connection this status is about
 * @param time        when this status was written; for {@link State#LOST} the same as {@code connectedAt},
 *                    because a last will is written in advance (the receiver knows when it arrived)
 */
public record SiteStatus(AssetId device, State state, Instant connectedAt, Instant time) {
    /** A site's connection state. */
    public enum State {
        /** Connected. */
        ONLINE,
        /** Disconnected on purpose (shut down, maintenance). */
        OFFLINE,
        /** The connection broke without a goodbye; published by the broker as the site's last will. */
        LOST
    }

    public SiteStatus {
        requireNonNull(device, "device");
        requireNonNull(state, "state");
        requireNonNull(connectedAt, "connectedAt");
        requireNonNull(time, "time");
        if (time.isBefore(connectedAt)) {
            throw new IllegalArgumentException(device + ": status time " + time + " is before its connection opened at " + connectedAt);
        }
    }

    public static SiteStatus online(AssetId device, Instant connectedAt) {
        return new SiteStatus(device, State.ONLINE, connectedAt, connectedAt);
    }

    public static SiteStatus offline(AssetId device, Instant connectedAt, Instant time) {
        return new SiteStatus(device, State.OFFLINE, connectedAt, time);
    }

    /** The last will of the connection opened at {@code connectedAt}. */
    public static SiteStatus lost(AssetId device, Instant connectedAt) {
        return new SiteStatus(device, State.LOST, connectedAt, connectedAt);
    }

    public boolean isOnline() {
        return state == State.ONLINE;
    }
}
