package org.gridfleet.plan.io;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gridfleet.plan.candidates.Candidate;
import org.gridfleet.plan.candidates.CandidateSet;
import org.gridfleet.plan.select.Selection;

/**
 * The files of a planning run with several candidates (docs/selection.md, "Files"): {@code candidates.json}, the
 * index of the candidates (each plan in its own plan.json file beside it) with the rules' choice, and
 * {@code selection.json}, the choice that stands, by the rules or by an operator.
 *
 * <pre>{@code
 * candidates.json {"formatVersion": 1, "problem": "Riverside campus", "hasNetwork": true,
 *                  "candidates": [{"name": "least-cost/most-revenue", "names": ["least-cost", "most-revenue"],
 *                                  "file": "least-cost+most-revenue.json", "pareto": true, "dominatedBy": [],
 *                                  "seconds": 3.2}, ...],
 *                  "rules": {selection}}
 * selection.json  {"formatVersion": 1, "problem": ..., "at": "2026-11-23T08:00:00Z", "file": "least-cost.json",
 *                  "overridesRules": false, "selection": {selection}}
 * {selection}     {"selectedBy": {"rules": "default"} | {"operator": "alice"}, "chosen": "least-cost" | null,
 *                  "reason": "...", "verdicts": [{"candidate": ..., "outcome": "chosen|kept|rejected", "rule": 3,
 *                  "explanation": "..."}]}
 * }</pre>
 */
public final class CandidatesJson {
    public static final int FORMAT_VERSION = 1;
    /** The index's file name in a candidates directory. */
    public static final String INDEX = "candidates.json";
    /** The standing choice's file name in a candidates directory. */
    public static final String SELECTION = "selection.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private CandidatesJson() {}

    /** The plan file of a candidate: its name with {@code /} (merged names) as {@code +}. */
    public static String fileOf(String candidateName) {
        return candidateName.replace('/', '+') + ".json";
    }

    /** One candidate as the index lists it. */
    public record Entry(String name, List<String> names, String file, boolean pareto, List<String> dominatedBy, double seconds) {
        public Entry {
            requireNonNull(name, "name");
            names = List.copyOf(names);
            requireNonNull(file, "file");
            dominatedBy = List.copyOf(dominatedBy);
        }
    }

    /** The index: the candidates in order, and the rules' choice. */
    public record Index(String problem, boolean hasNetwork, List<Entry> candidates, Selection rules) {
        public Index {
            requireNonNull(problem, "problem");
            candidates = List.copyOf(candidates);
            requireNonNull(rules, "rules");
        }

        public Optional<Entry> entry(String name) {
            return candidates.stream().filter(e -> e.name().equals(name) || e.names().contains(name)).findFirst();
        }
    }

    /** The choice that stands. */
    public record Chosen(String problem, Instant at, String file, boolean overridesRules, Selection selection) {
        public Chosen {
            requireNonNull(problem, "problem");
            requireNonNull(at, "at");
            requireNonNull(file, "file");
            requireNonNull(selection, "selection");
        }
    }

    public static String writeIndex(CandidateSet set, Selection rules) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("problem", set.problem());
        root.put("hasNetwork", set.hasNetwork());
        ArrayNode list = root.putArray("candidates");
        for (Candidate c : set.candidates()) {
            ObjectNode node = list.addObject();
            node.put("name", c.name());
            c.names().forEach(node.putArray("names")::add);
            node.put("file", fileOf(c.name()));
            node.put("pareto", c.pareto());
            c.dominatedBy().forEach(node.putArray("dominatedBy")::add);
            node.put("seconds", c.seconds());
        }
        writeSelection(root.putObject("rules"), rules);
        return text(root);
    }

    public static String writeChosen(Chosen chosen) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("problem", chosen.problem());
        root.put("at", chosen.at().toString());
        root.put("file", chosen.file());
        root.put("overridesRules", chosen.overridesRules());
        writeSelection(root.putObject("selection"), chosen.selection());
        return text(root);
    }

    /** Reads an index; a malformed one throws {@link IllegalArgumentException} naming the field. */
    public static Index readIndex(String json) {
        JsonNode root = parse(json);
        version(root);
        List<Entry> entries = new ArrayList<>();
        JsonNode list = array(root, "candidates");
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String at = "candidates[" + i + "].";
            entries.add(new Entry(text(node, at + "name"), strings(node, at + "names"), text(node, at + "file"),
                    bool(node, at + "pareto"), strings(node, at + "dominatedBy"), number(node, at + "seconds")));
        }
        return new Index(text(root, "problem"), bool(root, "hasNetwork"), entries, readSelection(object(root, "rules"), "rules."));
    }

    public static Chosen readChosen(String json) {
        JsonNode root = parse(json);
        version(root);
        Instant at;
        try {
            at = Instant.parse(text(root, "at"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("at: not an instant such as 2026-11-23T08:00:00Z: " + root.path("at").asText());
        }
        return new Chosen(text(root, "problem"), at, text(root, "file"), bool(root, "overridesRules"),
                readSelection(object(root, "selection"), "selection."));
    }

    private static void writeSelection(ObjectNode node, Selection selection) {
        ObjectNode by = node.putObject("selectedBy");
        switch (selection.selectedBy()) {
            case Selection.SelectedBy.Rules r -> by.put("rules", r.ruleSet());
            case Selection.SelectedBy.Operator o -> by.put("operator", o.operatorId());
        }
        if (selection.chosen().isPresent()) {
            node.put("chosen", selection.chosen().get());
        } else {
            node.putNull("chosen");
        }
        node.put("reason", selection.reason());
        ArrayNode verdicts = node.putArray("verdicts");
        for (Selection.Verdict v : selection.verdicts()) {
            ObjectNode vn = verdicts.addObject();
            vn.put("candidate", v.candidate());
            vn.put("outcome", v.outcome().name().toLowerCase(Locale.ROOT));
            vn.put("rule", v.rule());
            vn.put("explanation", v.explanation());
        }
    }

    private static Selection readSelection(JsonNode node, String at) {
        JsonNode by = object(node, at + "selectedBy");
        Selection.SelectedBy selectedBy;
        if (by.hasNonNull("rules")) {
            selectedBy = new Selection.SelectedBy.Rules(by.get("rules").asText());
        } else if (by.hasNonNull("operator")) {
            selectedBy = new Selection.SelectedBy.Operator(by.get("operator").asText());
        } else {
            throw new IllegalArgumentException(at + "selectedBy: needs \"rules\" or \"operator\"");
        }
        Optional<String> chosen = node.path("chosen").isTextual() ? Optional.of(node.get("chosen").asText()) : Optional.empty();
        List<Selection.Verdict> verdicts = new ArrayList<>();
        JsonNode list = array(node, at + "verdicts");
        for (int i = 0; i < list.size(); i++) {
            JsonNode v = list.get(i);
            String where = at + "verdicts[" + i + "].";
            Selection.Outcome outcome;
            try {
                outcome = Selection.Outcome.valueOf(text(v, where + "outcome").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + "outcome: expected chosen, kept or rejected, not " + v.path("outcome").asText());
            }
            verdicts.add(new Selection.Verdict(text(v, where + "candidate"), outcome, (int) number(v, where + "rule"),
                    text(v, where + "explanation"), java.util.Map.of(), java.util.OptionalDouble.empty()));
        }
        return new Selection(selectedBy, chosen, verdicts, text(node, at + "reason"));
    }

    // ---- small readers that name the field on failure ---------------------------------------------------

    private static JsonNode parse(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static void version(JsonNode root) {
        if (root.path("formatVersion").asInt(-1) != FORMAT_VERSION) {
            throw new IllegalArgumentException("formatVersion: expected " + FORMAT_VERSION + ", found " + root.path("formatVersion"));
        }
    }

    /** The last segment of a dotted path is the field of {@code node}. */
    private static JsonNode field(JsonNode node, String path) {
        return node.path(path.substring(path.lastIndexOf('.') + 1));
    }

    private static String text(JsonNode node, String path) {
        JsonNode value = field(node, path);
        if (!value.isTextual()) {
            throw new IllegalArgumentException(path + ": expected a string");
        }
        return value.asText();
    }

    private static boolean bool(JsonNode node, String path) {
        JsonNode value = field(node, path);
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(path + ": expected true or false");
        }
        return value.asBoolean();
    }

    private static double number(JsonNode node, String path) {
        JsonNode value = field(node, path);
        if (!value.isNumber()) {
            throw new IllegalArgumentException(path + ": expected a number");
        }
        return value.asDouble();
    }

    private static List<String> strings(JsonNode node, String path) {
        JsonNode value = field(node, path);
        if (!value.isArray()) {
            throw new IllegalArgumentException(path + ": expected a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : value) {
            out.add(item.asText());
        }
        return out;
    }

    private static JsonNode array(JsonNode node, String path) {
        JsonNode value = field(node, path);
        if (!value.isArray()) {
            throw new IllegalArgumentException(path + ": expected a list");
        }
        return value;
    }

    private static JsonNode object(JsonNode node, String path) {
        JsonNode value = field(node, path);
        if (!value.isObject()) {
            throw new IllegalArgumentException(path + ": expected an object");
        }
        return value;
    }

    private static String text(ObjectNode root) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
