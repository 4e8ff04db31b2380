package org.gridfleet.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.gridfleet.model.control.Telemetry;

/**
 * A device's report as the store keeps it.
 *
 * @param receivedAt when the control center received it (the report's own time is {@code telemetry.time()})
 */
public record StoredTelemetry(Telemetry telemetry, Instant receivedAt) {
    public StoredTelemetry {
        requireNonNull(telemetry, "telemetry");
        requireNonNull(receivedAt, "receivedAt");
    }
}
