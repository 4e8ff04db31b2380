package org.gridfleet.comm.protocol;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.OptionalDouble;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.control.Command;
import org.gridfleet.model.control.CommandId;

/**
 * A {@link Command} as it travels: the active set point and, for a device that can control it, a reactive
 * set point.
 *
 * <p>Issue 7 folded the reactive set point into {@link Command#setpointKvar()}; this wrapper stays as comm's
 * message type and keeps the two in step: a kvar given here is written into the command, and one the command
 * carries shows here. Two different values are a programming error.
 *
 * @param setpointKvar reactive set point, positive when the device supplies reactive power to the grid (exports
 *                     vars, like a capacitor); empty when only active power is commanded
 */
public record DeviceCommand(Command command, OptionalDouble setpointKvar) {
    public DeviceCommand {
        requireNonNull(command, "command");
        requireNonNull(setpointKvar, "setpointKvar");
        if (setpointKvar.isPresent() && !Double.isFinite(setpointKvar.getAsDouble())) {
            throw new IllegalArgumentException(command.device() + ": setpointKvar must be finite: " + setpointKvar.getAsDouble());
        }
        if (setpointKvar.isEmpty()) {
            setpointKvar = command.setpointKvar();
        } else if (command.setpointKvar().isEmpty()) {
            command = command.withSetpointKvar(setpointKvar);
        } else if (!command.setpointKvar().equals(setpointKvar)) {
            throw new IllegalArgumentException(command.device() + ": setpointKvar " + setpointKvar.getAsDouble()
                    + " differs from the command's " + command.setpointKvar().getAsDouble());
        }
    }

    /** The command as it is, with its reactive set point if it has one. */
    public static DeviceCommand of(Command command) {
        return new DeviceCommand(command, OptionalDouble.empty());
    }

    public CommandId id() {
        return command.id();
    }

    public AssetId device() {
        return command.device();
    }

    public double setpointKw() {
        return command.setpointKw();
    }

    public Instant validUntil() {
        return command.validUntil();
    }
}
