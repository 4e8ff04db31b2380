package org.gridfleet.sim;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.control.CommandId;
import org.gridfleet.model.control.OperatingState;

/**
 * Everything a controller can say about itself, more than {@link org.gridfleet.model.control.Telemetry} carries:
 * the set point it follows, where it comes from, what it could give, and what limits it.
 *
 * @param powerKw     output at {@code time}, positive into the grid
 * @param setpointKw  the set point in force: the active command's, or the safe default when none is
 * @param command     the active command, empty when following the safe default
 * @param availableKw the most it could give now: a generator's rating × availability, a renewable's weather-bound
 *                    output, storage's discharge limit (0 when empty); 0 while unavailable
 * @param socFraction storage only: state of charge 0..1
 */
public record DeviceStatus(
        AssetId device,
        Instant time,
        OperatingState state,
        double powerKw,
        double setpointKw,
        Optional<CommandId> command,
        double availableKw,
        OptionalDouble socFraction,
        Limit limit) {
    public DeviceStatus {
        requireNonNull(device, "device");
        requireNonNull(time, "time");
        requireNonNull(state, "state");
        requireNonNull(command, "command");
        requireNonNull(socFraction, "socFraction");
        requireNonNull(limit, "limit");
    }
}
