package org.gridfleet.server.view;

import java.time.Instant;

/**
 * A device's current command as the center tracks it.
 *
 * @param state     sent, accepted, done, rejected or no_answer
 * @param sends     1, or 2 after its resend
 * @param delivery  what the network said of its latest send (delivered, no-route, failed), null until known
 * @param lastAck   the latest ack that moved it on, null before any
 */
public record CommandView(String id, double setpointKw, Double setpointKvar, Instant validFrom, Instant validUntil, String state, int sends,
                          Instant firstSentAt, Instant lastSentAt, boolean superseded, String delivery, AckView lastAck) {
    /** An ack: accepted, rejected or done, with the device's reason. */
    public record AckView(String status, String reason, Instant time) {}
}
