package org.gridfleet.ingest;

import static java.util.Objects.requireNonNull;

/**
 * One problem found in the data: which file, where in it, which rule, and what a person should do. An
 * {@link Severity#ERROR} removed the record it concerns; a {@link Severity#WARNING} kept it.
 *
 * @param where a field path such as {@code devices[3].minStablePowerKw}, or {@code line 41, column EU-17}
 */
public record Rejection(Severity severity, Rule rule, String file, String where, String message) {
    public enum Severity {
        /** The record was rejected. */
        ERROR,
        /** The record was kept; something about it deserves a look. */
        WARNING
    }

    public Rejection {
        requireNonNull(severity, "severity");
        requireNonNull(rule, "rule");
        requireNonNull(file, "file");
        requireNonNull(where, "where");
        requireNonNull(message, "message");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** One line for a terminal: {@code ERROR  range  fleet.yaml  devices[3].minStablePowerKw: ...}. */
    public String describe() {
        String place = where.isEmpty() ? file : file + " " + where;
        return String.format("%-7s %-12s %s: %s", severity, rule.id(), place, message);
    }
}
