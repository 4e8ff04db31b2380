package org.gridfleet.ingest.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;
import org.gridfleet.ingest.Findings;
import org.gridfleet.ingest.Rule;
import org.gridfleet.model.Ids;

/**
 * Reads one object of the fleet document field by field. Every problem is recorded with the field's path, its
 * rule and what to do, and reading goes on, so one pass finds them all. A getter that met a problem returns a
 * harmless placeholder; {@link #isClean()} tells whether the record may be kept.
 */
final class Fields {
    private static final Pattern NOT_FINITE = Pattern.compile("(?i)[+-]?\\.?(nan|inf|infinity)");
    private final JsonNode node;
    private final String path;
    private final String subject;
    private final String file;
    private final Findings findings;
    private final int errorsAtStart;
    private final Set<String> read = new LinkedHashSet<>();

    private Fields(JsonNode node, String path, String subject, String file, Findings findings, int errorsAtStart) {
        this.node = node;
        this.path = path;
        this.subject = subject;
        this.file = file;
        this.findings = findings;
        this.errorsAtStart = errorsAtStart;
    }

    private Fields(JsonNode node, String path, String subject, String file, Findings findings) {
        this(node, path, subject, file, findings, findings.errorCount());
    }

    static Fields root(JsonNode node, String file, Findings findings) {
        return new Fields(node, "", "", file, findings);
    }

    /** The same object, with {@code subject} (e.g. {@code device GEN-1}) leading every message about it. */
    Fields about(String subject) {
        // the same record: errors found before (in its id, say) still make it unclean
        Fields copy = new Fields(node, path, subject, file, findings, errorsAtStart);
        copy.read.addAll(read);
        return copy;
    }

    String path() {
        return path;
    }

    String subject() {
        return subject;
    }

    /** True when no error was recorded since this object was opened (its children included). */
    boolean isClean() {
        return findings.errorCount() == errorsAtStart;
    }

    boolean isEmptyList(String name) {
        JsonNode value = node.get(name);
        return value != null && value.isArray() && value.isEmpty();
    }

    boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    // ---- scalars

    String text(String name) {
        JsonNode value = required(name);
        String text = value == null ? "" : asText(name, value).orElse("");
        if (value != null && value.isTextual() && text.isEmpty()) {
            error(Rule.SCHEMA, name, "must not be empty");
        }
        return text;
    }

    String text(String name, String fallback) {
        JsonNode value = optional(name);
        return value == null ? fallback : asText(name, value).orElse(fallback);
    }

    /** A required identifier; see {@link Ids}. YAML reads {@code id: 17} as a number, which is taken as the id "17". */
    String id(String name) {
        JsonNode raw = node.get(name);
        String value = raw != null && raw.isIntegralNumber() && raw.asLong() >= 0 ? markRead(name, raw.asText()) : text(name);
        if (!value.isEmpty() && !Ids.isValid(value)) {
            error(Rule.SCHEMA, name, "'" + value + "' is not a valid id: use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return value;
    }

    double number(String name, Quantity quantity) {
        JsonNode value = required(name);
        return value == null ? 0 : asNumber(name, value, quantity).orElse(0);
    }

    double number(String name, Quantity quantity, double fallback) {
        OptionalDouble value = optionalNumber(name, quantity);
        return value.isPresent() ? value.getAsDouble() : fallback;
    }

    OptionalDouble optionalNumber(String name, Quantity quantity) {
        JsonNode value = optional(name);
        return value == null ? OptionalDouble.empty() : asNumber(name, value, quantity);
    }

    int integer(String name, int min, int max) {
        JsonNode value = required(name);
        if (value == null) {
            return min;
        }
        if (!value.isIntegralNumber()) {
            error(Rule.SCHEMA, name, "must be a whole number, found " + describe(value));
            return min;
        }
        if (value.asLong() < min || value.asLong() > max) {
            error(Rule.RANGE, name, "must be within [" + min + ", " + max + "], found " + value.asLong());
            return min;
        }
        return value.asInt();
    }

    boolean bool(String name, boolean fallback) {
        JsonNode value = optional(name);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            error(Rule.SCHEMA, name, "must be true or false, found " + describe(value));
            return fallback;
        }
        return value.asBoolean();
    }

    Optional<Instant> instant(String name) {
        JsonNode value = required(name);
        return value == null ? Optional.empty() : asText(name, value).flatMap(text -> parseInstant(name, text));
    }

    Duration duration(String name, Duration fallback) {
        JsonNode value = optional(name);
        if (value == null) {
            return fallback;
        }
        Optional<String> text = asText(name, value);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return Duration.parse(text.get());
        } catch (DateTimeParseException e) {
            error(Rule.SCHEMA, name, "'" + text.get() + "' is not an ISO-8601 duration: write e.g. PT15M or PT1H");
            return fallback;
        }
    }

    /** One of {@code choices} (lower-case words); the fallback when absent. */
    String choice(String name, List<String> choices, String fallback) {
        String value = text(name, fallback);
        if (!choices.contains(value)) {
            error(Rule.SCHEMA, name, "'" + value + "' is not one of " + String.join(", ", choices));
            return fallback;
        }
        return value;
    }

    private String markRead(String name, String value) {
        read.add(name);
        return value;
    }

    // ---- structure

    Optional<Fields> object(String name) {
        JsonNode value = optional(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            error(Rule.SCHEMA, name, "must be a mapping of fields, found " + describe(value));
            return Optional.empty();
        }
        return Optional.of(new Fields(value, childPath(name), subject, file, findings));
    }

    Optional<Fields> requiredObject(String name) {
        if (!has(name)) {
            error(Rule.SCHEMA, name, "is required");
            return Optional.empty();
        }
        return object(name);
    }

    /** The elements of a list of mappings; elements that are not mappings are reported and skipped. */
    List<Fields> list(String name) {
        JsonNode value = optional(name);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            error(Rule.SCHEMA, name, "must be a list, found " + describe(value));
            return List.of();
        }
        List<Integer> objects = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (item.isObject()) {
                objects.add(i);
            } else {
                findings.error(Rule.SCHEMA, file, childPath(name) + "[" + i + "]", prefix() + "each entry must be a mapping of fields, found " + describe(item));
            }
        }
        // made as they are reached, so each entry counts only its own errors as unclean
        return new AbstractList<>() {
            @Override
            public Fields get(int index) {
                int i = objects.get(index);
                return new Fields(value.get(i), childPath(name) + "[" + i + "]", subject, file, findings);
            }

            @Override
            public int size() {
                return objects.size();
            }
        };
    }

    /** Reports every field that no getter asked for: almost always a typo, which would otherwise go unnoticed. */
    void rejectUnknownFields() {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!read.contains(name)) {
                String closest = closest(name, read);
                error(Rule.SCHEMA, name, "unknown field" + (closest == null ? "" : "; did you mean '" + closest + "'?")
                        + " (docs/fleet-format.md lists the fields)");
            }
        }
    }

    /** Marks fields as known without reading them (they are read elsewhere). */
    void known(String... names) {
        read.addAll(List.of(names));
    }

    // ---- reporting

    void error(Rule rule, String field, String message) {
        findings.error(rule, file, childPath(field), prefix() + fieldLabel(field) + message);
    }

    void warning(Rule rule, String field, String message) {
        findings.warning(rule, file, childPath(field), prefix() + fieldLabel(field) + message);
    }

    private String prefix() {
        return subject.isEmpty() ? "" : subject + ": ";
    }

    private static String fieldLabel(String field) {
        return field.isEmpty() ? "" : field + " ";
    }

    private String childPath(String name) {
        if (name.isEmpty()) {
            return path;
        }
        return path.isEmpty() ? name : path + "." + name;
    }

    // ---- internals

    private JsonNode required(String name) {
        read.add(name);
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            error(Rule.SCHEMA, name, "is required");
            return null;
        }
        return value;
    }

    private JsonNode optional(String name) {
        read.add(name);
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private Optional<String> asText(String name, JsonNode value) {
        if (!value.isTextual()) {
            error(Rule.SCHEMA, name, "must be text, found " + describe(value));
            return Optional.empty();
        }
        return Optional.of(value.asText().trim());
    }

    private OptionalDouble asNumber(String name, JsonNode value, Quantity quantity) {
        if (value.isTextual() && NOT_FINITE.matcher(value.asText().trim()).matches()) {
            // YAML's .nan and .inf may reach us as text, depending on the parser
            error(Rule.FINITE, name, "must be a finite number, found " + value.asText());
            return OptionalDouble.empty();
        }
        if (!value.isNumber()) {
            error(Rule.SCHEMA, name, "must be a number, found " + describe(value));
            return OptionalDouble.empty();
        }
        double v = value.asDouble();
        if (!Double.isFinite(v)) {
            error(Rule.FINITE, name, "must be a finite number, found " + v);
            return OptionalDouble.empty();
        }
        if (quantity.isUnitMistake(v)) {
            error(Rule.UNITS, name, v + " " + quantity.unitHint());
            return OptionalDouble.empty();
        }
        if (!quantity.inRange(v)) {
            error(Rule.RANGE, name, "must be " + quantity.describeRange() + ", found " + v);
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(v);
    }

    private Optional<Instant> parseInstant(String name, String text) {
        Optional<Instant> time = Times.parse(text);
        if (time.isEmpty()) {
            error(Rule.SCHEMA, name, "'" + text + "' is not " + Times.EXPECTED);
        }
        return time;
    }

    static String describe(JsonNode value) {
        if (value.isTextual()) {
            return "text '" + value.asText() + "'";
        }
        if (value.isContainerNode()) {
            return value.isArray() ? "a list" : "a mapping";
        }
        return value.getNodeType().toString().toLowerCase(Locale.ROOT) + " " + value;
    }

    /** The known name nearest to a misspelt one, if it is near enough to be the likely intent. */
    static String closest(String name, Set<String> known) {
        return known.stream()
                .min(Comparator.comparingInt(k -> distance(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT))))
                .filter(k -> distance(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT)) <= Math.max(2, k.length() / 3))
                .orElse(null);
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
