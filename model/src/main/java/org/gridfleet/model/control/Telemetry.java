package org.gridfleet.model.control;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.OptionalDouble;
import org.gridfleet.model.AssetId;

/**
 * Operating data one device reports about itself.
 *
 * @param powerKw     measured output, positive into the grid
 * @param socFraction storage only: state of charge 0..1
 */
public record Telemetry(AssetId device, Instant time, double powerKw, OptionalDouble socFraction, OperatingState state) {
    public Telemetry {
        requireNonNull(device, "device");
        requireNonNull(time, "time");
        requireNonNull(socFraction, "socFraction");
        requireNonNull(state, "state");
        if (!Double.isFinite(powerKw)) {
            throw new IllegalArgumentException(device + ": telemetry powerKw must be finite: " + powerKw);
        }
        if (socFraction.isPresent() && !(socFraction.getAsDouble() >= 0 && socFraction.getAsDouble() <= 1)) {
            throw new IllegalArgumentException(device + ": socFraction must be within [0, 1]: " + socFraction.getAsDouble());
        }
    }
}
