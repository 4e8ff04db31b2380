package org.gridfleet.plan.select;

import static java.util.Objects.requireNonNull;


/**
 * One rule of a {@link RuleSet}, as written.
 *
 * @param number     1-based position in the file's {@code rules}
 * @param line       1-based line of the rule in the file
 * @param kind       reject, or the preference (minimise or maximise)
 * @param expression the JEXL expression: a condition for {@code reject}, a number for the preference
 * @param because    why, for people: required for {@code reject}, optional for the preference (then "")
 */
public record Rule(int number, int line, Kind kind, String expression, String because) {
    public enum Kind {
        /** Plans for which the condition holds are rejected. */
        REJECT,
        /** Among the plans kept, the one with the least value is chosen ({@code prefer:} or {@code minimise:}). */
        MINIMISE,
        /** Among the plans kept, the one with the greatest value is chosen ({@code maximise:}). */
        MAXIMISE;

        /** As written in rules files. */
        public String key() {
            return switch (this) {
                case REJECT -> "reject";
                case MINIMISE -> "prefer";
                case MAXIMISE -> "maximise";
            };
        }
    }

    public Rule {
        requireNonNull(kind, "kind");
        requireNonNull(expression, "expression");
        requireNonNull(because, "because");
    }

    /** For people: {@code rule 2 (reject: lolp > 0.001)}. */
    public String describe() {
        return "rule " + number + " (" + kind.key() + ": " + expression + ")";
    }

    boolean isPreference() {
        return kind != Kind.REJECT;
    }

    String direction() {
        return kind == Kind.MAXIMISE ? "the greatest" : "the least";
    }
}
