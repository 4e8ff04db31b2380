package org.gridfleet.comm.sunspec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one SunSpec model definition in the official JSON form ({@code sunspec/models}, {@code json/model_N.json})
 * into a {@link ModelDefinition}. Only what decoding and encoding need is kept: names, types, sizes, scale
 * factors, units, access and symbols; descriptions and labels of points stay in the JSON.
 */
public final class ModelDefinitionReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelDefinitionReader() {
    }

    /** Reads a definition; a malformed one throws {@link IllegalArgumentException} naming what is wrong. */
    public static ModelDefinition read(InputStream json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable SunSpec model definition", e);
        }
        if (root == null || !root.path("id").canConvertToInt() || !root.path("group").isObject()) {
            throw new IllegalArgumentException("a SunSpec model definition needs \"id\" and \"group\"");
        }
        int id = root.get("id").asInt();
        JsonNode group = root.get("group");
        return new ModelDefinition(id, group.path("label").asText(group.path("name").asText()), group(group, id));
    }

    private static GroupDefinition group(JsonNode node, int model) {
        String name = text(node, "name", model);
        List<PointDefinition> points = new ArrayList<>();
        for (JsonNode p : node.path("points")) {
            points.add(point(p, model));
        }
        List<GroupDefinition> groups = new ArrayList<>();
        for (JsonNode g : node.path("groups")) {
            groups.add(group(g, model));
        }
        return new GroupDefinition(name, node.path("count").asText("1"), points, groups);
    }

    private static PointDefinition point(JsonNode node, int model) {
        String name = text(node, "name", model);
        PointType type = PointType.of(text(node, "type", model));
        int registers = node.has("size") ? node.get("size").asInt() : type.defaultRegisters();
        if (registers < 1) {
            throw new IllegalArgumentException("model " + model + ", point " + name + ": no size for type " + type);
        }
        Map<Long, String> symbols = new LinkedHashMap<>();
        for (JsonNode s : node.path("symbols")) {
            symbols.put(s.path("value").asLong(), s.path("name").asText());
        }
        return new PointDefinition(name, type, registers, optional(node, "sf"), optional(node, "units"),
                node.path("access").asText("R").equals("RW"), node.path("mandatory").asText("O").equals("M"), symbols);
    }

    private static Optional<String> optional(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText().strip()).filter(s -> !s.isEmpty());
    }

    private static String text(JsonNode node, String field, int model) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException("model " + model + ": a group or point has no \"" + field + "\"");
        }
        return v.asText();
    }
}
