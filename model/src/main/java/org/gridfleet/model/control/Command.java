package org.gridfleet.model.control;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.gridfleet.model.AssetId;

/**
 * An order to one device's controller: hold {@code setpointKw} from {@code validFrom} until {@code validUntil}.
 * After {@code validUntil} the controller falls back to its safe default.
 *
 * @param setpointKw positive to produce or discharge, negative to charge
 */
public record Command(CommandId id, AssetId device, double setpointKw, Instant validFrom, Instant validUntil) {
    public Command {
        requireNonNull(id, "id");
        requireNonNull(device, "device");
        requireNonNull(validFrom, "validFrom");
        requireNonNull(validUntil, "validUntil");
        if (!Double.isFinite(setpointKw)) {
            throw new IllegalArgumentException("setpointKw must be finite: " + setpointKw);
        }
        if (!validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("command validity must end after it starts: " + validFrom + " .. " + validUntil);
        }
    }

    public boolean isValidAt(Instant time) {
        return !time.isBefore(validFrom) && time.isBefore(validUntil);
    }
}
