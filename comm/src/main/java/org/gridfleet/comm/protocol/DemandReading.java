package org.gridfleet.comm.protocol;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.gridfleet.model.EndUserId;

/**
 * One end-user meter's reading.
 *
 * @param time     when the reading was taken (UTC)
 * @param demandKw average power drawn from the grid since the previous reading; negative when the end-user
 *                 feeds in more than it draws
 */
public record DemandReading(EndUserId endUser, Instant time, double demandKw) {
    public DemandReading {
        requireNonNull(endUser, "endUser");
        requireNonNull(time, "time");
        if (!Double.isFinite(demandKw)) {
            throw new IllegalArgumentException(endUser + ": demandKw must be finite: " + demandKw);
        }
    }
}
