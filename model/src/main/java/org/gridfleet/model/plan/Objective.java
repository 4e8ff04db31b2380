package org.gridfleet.model.plan;

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
