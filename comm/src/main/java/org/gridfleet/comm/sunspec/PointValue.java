package org.gridfleet.comm.sunspec;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;

/** A decoded value of a point that the device implements. A point it does not implement has no value at all. */
public sealed interface PointValue {
    /**
     * A number with its scale factor applied, in the point's SunSpec unit ({@code W}, {@code Pct}, ...).
     *
     * @param value the scaled value: {@code raw · 10^sf}
     * @param raw   the integer the registers hold (for a scale factor itself, the exponent)
     */
    record Number(double value, long raw) implements PointValue {
    }

    /** Text, with trailing NULs and spaces removed. */
    record Text(String text) implements PointValue {
        public Text {
            requireNonNull(text, "text");
        }
    }

    /** An enumerated value and the name the model gives it, if any. */
    record Symbol(long raw, Optional<String> name) implements PointValue {
        public Symbol {
            requireNonNull(name, "name");
        }
    }

    /** A bit field and the names of the bits that are set and named by the model. */
    record Bits(long raw, Set<String> names) implements PointValue {
        public Bits {
            names = Set.copyOf(names);
        }
    }

    /** A number to encode: the scaled value, turned into a raw integer with the model's scale factor. */
    static PointValue of(double value) {
        return new Number(value, 0);
    }
}
