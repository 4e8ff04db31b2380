package org.gridfleet.control;

import static java.util.Objects.requireNonNull;

/** What became of a command handed to a {@link CommandSink}. Whether the device will follow it is its ack's business. */
public sealed interface SendOutcome {
    /** Taken by the network and on its way to the device's site (for MQTT: the broker routed it). */
    record Delivered() implements SendOutcome {}

    /** Taken, but nothing will carry it to the device now (for MQTT: no site subscribes to its command topic). */
    record NoRoute(String reason) implements SendOutcome {
        public NoRoute {
            requireNonNull(reason, "reason");
        }
    }

    /** Not taken: the link is down, closed, or refused it. */
    record Failed(String reason) implements SendOutcome {
        public Failed {
            requireNonNull(reason, "reason");
        }
    }

    SendOutcome DELIVERED = new Delivered();

    /** One word for reports: delivered, no-route or failed. */
    default String label() {
        return switch (this) {
            case Delivered d -> "delivered";
            case NoRoute n -> "no-route";
            case Failed f -> "failed";
        };
    }
}
