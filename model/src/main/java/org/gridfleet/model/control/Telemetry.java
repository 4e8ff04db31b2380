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
 * @param kvar        measured reactive power, positive delivered to the grid (over-excited); empty when the device
 *                    does not measure it (issue 7 added it last, so that older senders and readers need not change)
 */
public record Telemetry(AssetId device, Instant time, double powerKw, OptionalDouble socFraction, OperatingState state, OptionalDouble kvar) {
    public Telemetry {
        requireNonNull(device, "device");
        requireNonNull(time, "time");
        requireNonNull(socFraction, "socFraction");
        requireNonNull(state, "state");
        requireNonNull(kvar, "kvar");
        if (!Double.isFinite(powerKw)) {
            throw new IllegalArgumentException(device + ": telemetry powerKw must be finite: " + powerKw);
        }
        if (socFraction.isPresent() && !(socFraction.getAsDouble() >= 0 && socFraction.getAsDouble() <= 1)) {
            throw new IllegalArgumentException(device + ": socFraction must be within [0, 1]: " + socFraction.getAsDouble());
        }
        if (kvar.isPresent() && !Double.isFinite(kvar.getAsDouble())) {
            throw new IllegalArgumentException(device + ": telemetry kvar must be finite: " + kvar.getAsDouble());
        }
    }

    /** Telemetry without reactive power. */
    public Telemetry(AssetId device, Instant time, double powerKw, OptionalDouble socFraction, OperatingState state) {
        this(device, time, powerKw, socFraction, state, OptionalDouble.empty());
    }
}
