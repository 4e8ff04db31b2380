package org.gridfleet.model.plan;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The weights of the objectives that produced a plan; a single objective has weight 1. */
public record Objective(Map<ObjectiveKind, Double> weights) {
    public Objective {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("an objective needs at least one weight");
        }
        for (var e : weights.entrySet()) {
            if (!(e.getValue() > 0) || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("objective weight of " + e.getKey() + " must be positive: " + e.getValue());
            }
        }
        weights = Map.copyOf(new EnumMap<>(weights));
    }

    public static Objective of(ObjectiveKind kind) {
        return new Objective(Map.of(kind, 1.0));
    }

    /**
     * Reads an objective as a person writes it: one kind ({@code cost}, {@code revenue}, {@code efficiency},
     * {@code reliability}, {@code emissions}) or a weighted combination, {@code cost=0.7,emissions=0.3}.
     *
     * @throws IllegalArgumentException naming the part it cannot read and what it accepts
     */
    public static Objective parse(String text) {
        String accepted = "expected one of " + Arrays.stream(ObjectiveKind.values()).map(k -> k.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")) + ", or weights such as cost=0.7,emissions=0.3";
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty objective: " + accepted);
        }
        Map<ObjectiveKind, Double> weights = new EnumMap<>(ObjectiveKind.class);
        for (String part : text.split(",", -1)) {
            String[] kindAndWeight = part.split("=", -1);
            if (kindAndWeight.length > 2) {
                throw new IllegalArgumentException("cannot read '" + part.strip() + "' in objective '" + text + "': " + accepted);
            }
            ObjectiveKind kind = kindOf(kindAndWeight[0].strip(), text, accepted);
            double weight = kindAndWeight.length == 1 ? 1.0 : weightOf(kindAndWeight[1].strip(), kind, text);
            if (weights.put(kind, weight) != null) {
                throw new IllegalArgumentException("objective '" + text + "' names " + kind.name().toLowerCase(Locale.ROOT) + " twice");
            }
        }
        return new Objective(weights);
    }

    private static ObjectiveKind kindOf(String name, String text, String accepted) {
        for (ObjectiveKind kind : ObjectiveKind.values()) {
            if (kind.name().equalsIgnoreCase(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown objective '" + name + "' in '" + text + "': " + accepted);
    }

    private static double weightOf(String number, ObjectiveKind kind, String text) {
        double weight;
        try {
            weight = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            weight = Double.NaN;
        }
        if (!(weight > 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("weight of " + kind.name().toLowerCase(Locale.ROOT) + " in '" + text
                    + "' must be a positive number: '" + number + "'");
        }
        return weight;
    }

    /** The weight of {@code kind}, 0 when the objective leaves it out. */
    public double weight(ObjectiveKind kind) {
        return weights.getOrDefault(kind, 0.0);
    }

    /** Human-readable, e.g. {@code cost} or {@code cost×0.7 + emissions×0.3}. */
    public String describe() {
        if (weights.size() == 1) {
            return weights.keySet().iterator().next().name().toLowerCase(Locale.ROOT);
        }
        return new EnumMap<>(weights).entrySet().stream()
                .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + "×" + e.getValue())
                .collect(Collectors.joining(" + "));
    }
}
