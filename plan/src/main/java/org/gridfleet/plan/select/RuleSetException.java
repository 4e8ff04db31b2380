package org.gridfleet.plan.select;

/**
 * A rules file that cannot be used: malformed YAML, a missing or unknown field, or an expression that does not parse,
 * names an unknown variable, tries anything but arithmetic and comparison, or gives the wrong kind of value. The
 * message names the file, the line and the rule.
 *
 * @see RuleSet#parse(String, String)
 */
public final class RuleSetException extends IllegalArgumentException {
    private final String source;
    private final int line;
    private final int rule;

    RuleSetException(String source, int line, int rule, String problem) {
        super(where(source, line, rule) + problem);
        this.source = source;
        this.line = line;
        this.rule = rule;
    }

    private static String where(String source, int line, int rule) {
        return "rules file " + source + (line > 0 ? ", line " + line : "") + (rule > 0 ? ", rule " + rule : "") + ": ";
    }

    /** The file (or other source) named when it was read. */
    public String source() {
        return source;
    }

    /** 1-based line of the problem; 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based number of the rule at fault; 0 when the problem is not in one rule. */
    public int rule() {
        return rule;
    }
}
