package org.gridfleet.model.asset;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A span {@code [start, end)} during which a device is unavailable for planned maintenance. */
public record MaintenanceWindow(Instant start, Instant end, String reason) {
    public MaintenanceWindow {
        requireNonNull(start, "start");
        requireNonNull(end, "end");
        requireNonNull(reason, "reason");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("maintenance window must end after it starts: " + start + " .. " + end);
        }
    }

    /** True when this window overlaps {@code [from, to)}. */
    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && end.isAfter(from);
    }
}
