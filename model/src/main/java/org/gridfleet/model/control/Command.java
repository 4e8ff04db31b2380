package org.gridfleet.model.control;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.OptionalDouble;
import org.gridfleet.model.AssetId;

/**
 * An order to one device's controller: hold {@code setpointKw} (and {@code setpointKvar} when given) from
 * {@code validFrom} until {@code validUntil}. After {@code validUntil} the controller falls back to its safe default.
 *
 * @param setpointKw   positive to produce or discharge, negative to charge
 * @param setpointKvar reactive set point, positive delivered to the grid (over-excited); empty when only active
 *                     power is commanded and the device keeps its own reactive setting
 */
public record Command(CommandId id, AssetId device, double setpointKw, Instant validFrom, Instant validUntil, OptionalDouble setpointKvar) {
    public Command {
        requireNonNull(id, "id");
        requireNonNull(device, "device");
        requireNonNull(validFrom, "validFrom");
        requireNonNull(validUntil, "validUntil");
        requireNonNull(setpointKvar, "setpointKvar");
        if (!Double.isFinite(setpointKw)) {
            throw new IllegalArgumentException("setpointKw must be finite: " + setpointKw);
        }
        if (setpointKvar.isPresent() && !Double.isFinite(setpointKvar.getAsDouble())) {
            throw new IllegalArgumentException(device + ": setpointKvar must be finite: " + setpointKvar.getAsDouble());
        }
        if (!validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("command validity must end after it starts: " + validFrom + " .. " + validUntil);
        }
    }

    /** An active-power command: the device keeps its own reactive setting. */
    public Command(CommandId id, AssetId device, double setpointKw, Instant validFrom, Instant validUntil) {
        this(id, device, setpointKw, validFrom, validUntil, OptionalDouble.empty());
    }

    /** This command with reactive set point {@code kvar} (empty for none). */
    public Command withSetpointKvar(OptionalDouble kvar) {
        return new Command(id, device, setpointKw, validFrom, validUntil, kvar);
    }

    public boolean isValidAt(Instant time) {
        return !time.isBefore(validFrom) && time.isBefore(validUntil);
    }
}
