package org.gridfleet.sim;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.gridfleet.model.EndUserId;

/**
 * One end-user meter's reading.
 *
 * @param time     when it was taken: the end of the step it measures
 * @param demandKw average power drawn over that step, ≥ 0
 */
public record MeterReading(EndUserId endUser, Instant time, double demandKw) {
    public MeterReading {
        requireNonNull(endUser, "endUser");
        requireNonNull(time, "time");
        if (!(demandKw >= 0) || !Double.isFinite(demandKw)) {
            throw new IllegalArgumentException(endUser + ": demandKw must be finite and >= 0: " + demandKw);
        }
    }
}
