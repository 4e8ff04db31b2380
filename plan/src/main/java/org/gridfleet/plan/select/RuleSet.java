package org.gridfleet.plan.select;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlScript;

/**
 * A rules file, read and checked: a name, ordered {@code reject} rules and a final preference (docs/selection.md).
 *
 * <pre>{@code
 * name: default
 * description: safe first, then cheap            # optional
 * rules:
 *   - reject: lolp > 0.001                       # a condition on the plan's figures (PlanVariables)
 *     because: loss-of-load probability above 0.1 %
 *   - reject: networkViolations > 0
 *     because: the plan breaks a network limit
 *   - prefer: totalCost                          # the least wins; or maximise: exportRevenue
 * }</pre>
 *
 * Every expression is parsed, its variables checked against {@link PlanVariables#names()}, and tried on sample
 * values when the file is read, so that a typo, a method call or a condition that is not true-or-false is reported
 * at once with the file, line and rule ({@link RuleSetException}), not when plans are judged.
 */
public final class RuleSet {
    private static final YAMLFactory YAML = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final YAMLMapper MAPPER = new YAMLMapper(YAML);
    private static final Set<String> TOP_FIELDS = Set.of("name", "description", "rules");

    private final String source;
    private final String name;
    private final String description;
    private final List<Rule> rules;
    private final List<JexlScript> scripts;

    private RuleSet(String source, String name, String description, List<Rule> rules, List<JexlScript> scripts) {
        this.source = source;
        this.name = name;
        this.description = description;
        this.rules = List.copyOf(rules);
        this.scripts = List.copyOf(scripts);
    }

    /** Reads and checks the rules file at {@code path}. */
    public static RuleSet read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules file " + path + ": " + e.getMessage(), e);
        }
        return parse(text, path.toString());
    }

    /**
     * Reads and checks a rules file's text; {@code source} names it in messages.
     *
     * @throws RuleSetException naming the line and the rule when the file is malformed
     */
    public static RuleSet parse(String yaml, String source) {
        requireNonNull(yaml, "yaml");
        requireNonNull(source, "source");
        String name = null;
        String description = "";
        List<Rule> rules = new ArrayList<>();
        List<JexlScript> scripts = new ArrayList<>();
        int rulesLine = 0;
        try (JsonParser p = YAML.createParser(yaml)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new RuleSetException(source, line(p), 0, "expected a mapping with name and rules");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                int fieldLine = line(p);
                p.nextToken();
                switch (field) {
                    case "name" -> name = scalar(p, source, fieldLine, 0, "name");
                    case "description" -> description = scalar(p, source, fieldLine, 0, "description");
                    case "rules" -> {
                        rulesLine = fieldLine;
                        if (p.currentToken() != JsonToken.START_ARRAY) {
                            throw new RuleSetException(source, fieldLine, 0, "'rules' must be a list of rules (each line starting with '- ')");
                        }
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            int ruleLine = line(p);
                            JsonNode node = MAPPER.readTree(p);
                            Rule rule = rule(node, source, rules.size() + 1, ruleLine);
                            scripts.add(check(rule, source));
                            rules.add(rule);
                        }
                    }
                    default -> throw new RuleSetException(source, fieldLine, 0, "unknown field '" + field + "'; expected " + TOP_FIELDS.stream().sorted().toList());
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new RuleSetException(source, at == null ? 0 : at.getLineNr(), 0, "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (name == null || name.isBlank()) {
            throw new RuleSetException(source, 1, 0, "missing 'name': every rules file is named, so that a selection can say which rules made it");
        }
        if (rules.isEmpty()) {
            throw new RuleSetException(source, rulesLine, 0, "no rules: give at least the preference, e.g. '- prefer: totalCost'");
        }
        for (Rule rule : rules) {
            if (rule.isPreference() && rule.number() != rules.size()) {
                throw new RuleSetException(source, rules.get(rule.number()).line(), rule.number() + 1,
                        "comes after the preference (" + rule.describe() + "): the preference must be the last rule");
            }
        }
        Rule last = rules.getLast();
        if (!last.isPreference()) {
            throw new RuleSetException(source, last.line(), last.number(),
                    "the last rule must be the preference ('prefer: <expression to minimise>' or 'maximise: <expression>'), not a reject");
        }
        return new RuleSet(source, name, description, rules, scripts);
    }

    /** Where the rules came from, e.g. the file's path. */
    public String source() {
        return source;
    }

    public String name() {
        return name;
    }

    /** "" when the file gives none. */
    public String description() {
        return description;
    }

    /** Every rule in order; the last is the preference. */
    public List<Rule> rules() {
        return rules;
    }

    /** The last rule: what to minimise or maximise among the plans kept. */
    public Rule preference() {
        return rules.getLast();
    }

    JexlScript script(Rule rule) {
        return scripts.get(rule.number() - 1);
    }

    // ---- reading one rule --------------------------------------------------------------------------------

    private static Rule rule(JsonNode node, String source, int number, int line) {
        if (!node.isObject()) {
            throw new RuleSetException(source, line, number, "a rule is a mapping such as 'reject: <condition>' with 'because: <text>', "
                    + "or 'prefer: <expression>'");
        }
        Rule.Kind kind = null;
        String expression = null;
        String because = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            Rule.Kind keyKind = switch (key) {
                case "reject" -> Rule.Kind.REJECT;
                case "prefer", "minimise", "minimize" -> Rule.Kind.MINIMISE;
                case "maximise", "maximize" -> Rule.Kind.MAXIMISE;
                case "because" -> null;
                default -> throw new RuleSetException(source, line, number, "unknown key '" + key
                        + "'; a rule has one of reject, prefer (or minimise), maximise, and because");
            };
            if (!e.getValue().isTextual() || e.getValue().textValue().isBlank()) {
                throw new RuleSetException(source, line, number, "'" + key + "' must be text, not " + describe(e.getValue())
                        + (keyKind != null ? " (quote an expression that YAML would read otherwise)" : ""));
            }
            String text = e.getValue().textValue().strip();
            if (keyKind == null) {
                because = text;
            } else if (kind != null) {
                throw new RuleSetException(source, line, number, "one rule, one of reject, prefer or maximise; split '" + kind.key() + "' and '" + key + "'");
            } else {
                kind = keyKind;
                expression = text;
            }
        }
        if (kind == null) {
            throw new RuleSetException(source, line, number, "a rule needs 'reject: <condition>' or 'prefer: <expression>' (or 'maximise:')");
        }
        if (kind == Rule.Kind.REJECT && because == null) {
            throw new RuleSetException(source, line, number, "'reject: " + expression + "' needs 'because: <why>', which the selector repeats for every plan it rejects");
        }
        return new Rule(number, line, kind, expression, because == null ? "" : because);
    }

    /** Parses the rule's expression and tries it on sample values; returns the script. */
    private static JexlScript check(Rule rule, String source) {
        JexlScript script;
        try {
            script = Expressions.parse(rule.expression());
        } catch (JexlException e) {
            throw new RuleSetException(source, rule.line(), rule.number(), "cannot use '" + rule.expression() + "': " + refusal(e));
        }
        List<String> unknown = Expressions.variables(script).stream().filter(v -> !PlanVariables.names().contains(v)).toList();
        if (!unknown.isEmpty()) {
            throw new RuleSetException(source, rule.line(), rule.number(), (unknown.size() == 1 ? "unknown variable '" + unknown.getFirst() + "'"
                    : "unknown variables " + unknown) + " in '" + rule.expression() + "'; the variables are " + PlanVariables.names());
        }
        Object value;
        try {
            value = Expressions.evaluate(script, PlanVariables.sample());
        } catch (JexlException | ArithmeticException e) {
            throw new RuleSetException(source, rule.line(), rule.number(), "cannot evaluate '" + rule.expression() + "': " + RuleSelector.message(e));
        }
        if (rule.kind() == Rule.Kind.REJECT && !(value instanceof Boolean)) {
            throw new RuleSetException(source, rule.line(), rule.number(), "'" + rule.expression() + "' must be a condition, true or false, "
                    + "such as 'lolp > 0.001'; it gives " + describeValue(value));
        }
        if (rule.isPreference() && !(value instanceof Number)) {
            throw new RuleSetException(source, rule.line(), rule.number(), "'" + rule.expression() + "' must give a number to "
                    + (rule.kind() == Rule.Kind.MAXIMISE ? "maximise" : "minimise") + ", such as 'totalCost'; it gives " + describeValue(value));
        }
        return script;
    }

    /** JEXL's reason, in the words of a rules file. */
    private static String refusal(JexlException e) {
        String detail = RuleSelector.message(e);
        if (e instanceof JexlException.Feature) {
            return "only arithmetic, comparisons and logic on the plan's figures are allowed (no method calls, 'new', assignments, "
                    + "loops, functions or lists): " + detail;
        }
        return "not a valid expression: " + detail;
    }

    private static String describe(JsonNode node) {
        return node.isTextual() ? "empty text" : node.isNull() ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + node;
    }

    private static String describeValue(Object value) {
        return value == null ? "nothing (null)" : value instanceof String s ? "text '" + s + "'" : value.toString();
    }

    private static int line(JsonParser p) {
        JsonLocation at = p.currentTokenLocation();
        return at == null ? 0 : at.getLineNr();
    }

    private static String scalar(JsonParser p, String source, int line, int rule, String field) throws IOException {
        if (!p.currentToken().isScalarValue()) {
            throw new RuleSetException(source, line, rule, "'" + field + "' must be text");
        }
        return p.getValueAsString("").strip();
    }
}
