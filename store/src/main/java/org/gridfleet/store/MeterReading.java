package org.gridfleet.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.gridfleet.model.EndUserId;

/**
 * One verified end-user meter reading.
 *
 * @param time       when the reading was taken
 * @param demandKw   average power drawn since the previous reading; negative when the end-user feeds in
 * @param receivedAt when the control center received it
 */
public record MeterReading(EndUserId endUser, Instant time, double demandKw, Instant receivedAt) {
    public MeterReading {
        requireNonNull(endUser, "endUser");
        requireNonNull(time, "time");
        requireNonNull(receivedAt, "receivedAt");
        if (!Double.isFinite(demandKw)) {
            throw new IllegalArgumentException(endUser + ": meter reading demandKw must be finite: " + demandKw);
        }
    }
}
