package org.gridfleet.comm.sunspec;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * One point of a model definition, as the SunSpec JSON gives it.
 *
 * @param name        the point's name, unique within its group ({@code W}, {@code WMaxLimPct})
 * @param type        its type
 * @param registers   how many 16-bit registers it takes
 * @param scaleFactor the name of the {@code sunssf} point that scales it, or a fixed exponent as text
 *                    ({@code "-2"}); empty when it is not scaled
 * @param units       its unit as SunSpec writes it ({@code W}, {@code % WMax}); empty when it has none
 * @param writable    whether the device accepts writes to it ({@code "access": "RW"})
 * @param mandatory   whether every device must implement it
 * @param symbols     the names of enum values or bit positions, by value
 */
public record PointDefinition(String name, PointType type, int registers, Optional<String> scaleFactor,
                              Optional<String> units, boolean writable, boolean mandatory, Map<Long, String> symbols) {
    public PointDefinition {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        requireNonNull(scaleFactor, "scaleFactor");
        requireNonNull(units, "units");
        symbols = Map.copyOf(symbols);
        if (registers < 1) {
            throw new IllegalArgumentException("point " + name + ": registers must be >= 1: " + registers);
        }
    }

    /** The fixed exponent when the scale factor is a number rather than a point's name. */
    Optional<Integer> fixedScaleFactor() {
        return scaleFactor.filter(sf -> sf.matches("-?\\d+")).map(Integer::parseInt);
    }
}
