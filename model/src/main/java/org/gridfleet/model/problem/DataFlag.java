package org.gridfleet.model.problem;

import static java.util.Objects.requireNonNull;

/**
 * A mark on data the formatter had to make up, so plans built on it can say so.
 *
 * @param series       which series, e.g. {@code demand EU-17}
 * @param fromInterval first interval affected (inclusive)
 * @param toInterval   last interval affected (inclusive)
 * @param kind         how the values were made
 * @param note         the rule applied, for a person
 */
public record DataFlag(String series, int fromInterval, int toInterval, Kind kind, String note) {
    public enum Kind {
        /** A short gap filled by the documented rule (linear interpolation, or holding the nearest value). */
        FILLED,
        /** A long gap replaced by a conservative value; the data was rejected there. */
        SUBSTITUTED
    }

    public DataFlag {
        requireNonNull(series, "series");
        requireNonNull(kind, "kind");
        requireNonNull(note, "note");
        if (fromInterval < 0 || toInterval < fromInterval) {
            throw new IllegalArgumentException("bad interval range " + fromInterval + ".." + toInterval);
        }
    }
}
