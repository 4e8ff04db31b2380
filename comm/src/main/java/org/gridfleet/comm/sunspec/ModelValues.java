package org.gridfleet.comm.sunspec;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The decoded values of one model instance, by point path: a top-level point by its name ({@code W}), a point of
 * a child group as {@code Group.Point}, of a repeating group as {@code Group[i].Point} (i from 0).
 *
 * @param modelId        the model
 * @param values         the implemented points' values, in register order
 * @param notImplemented the points the device reports as not implemented (their sentinel value), and points whose
 *                       scale factor is not implemented
 */
public record ModelValues(int modelId, Map<String, PointValue> values, Set<String> notImplemented) {
    public ModelValues {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        notImplemented = Collections.unmodifiableSet(new LinkedHashSet<>(notImplemented));
        requireNonNull(values, "values");
    }

    public Optional<PointValue> get(String path) {
        return Optional.ofNullable(values.get(path));
    }

    /** The scaled number of a numeric point; empty when it is not implemented or not a number. */
    public OptionalDouble number(String path) {
        return values.get(path) instanceof PointValue.Number n ? OptionalDouble.of(n.value()) : OptionalDouble.empty();
    }

    /** The text of a string point; empty when not implemented. */
    public Optional<String> text(String path) {
        return values.get(path) instanceof PointValue.Text t ? Optional.of(t.text()) : Optional.empty();
    }

    /** The symbol name of an enumerated point; empty when not implemented or a value without a name. */
    public Optional<String> symbol(String path) {
        return values.get(path) instanceof PointValue.Symbol s ? s.name() : Optional.empty();
    }
}
