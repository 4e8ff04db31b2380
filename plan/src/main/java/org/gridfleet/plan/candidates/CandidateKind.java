package org.gridfleet.plan.candidates;

import java.util.Arrays;
import java.util.Optional;
import org.gridfleet.model.plan.Objective;
import org.gridfleet.model.plan.ObjectiveKind;

/** The candidates the MILP makes, one per objective. */
public enum CandidateKind {
    LEAST_COST("least-cost", ObjectiveKind.COST),
    MOST_REVENUE("most-revenue", ObjectiveKind.REVENUE),
    MOST_RELIABLE("most-reliable", ObjectiveKind.RELIABILITY),
    MOST_EFFICIENT("most-efficient", ObjectiveKind.EFFICIENCY),
    LEAST_EMISSIONS("least-emissions", ObjectiveKind.EMISSIONS);

    private final String label;
    private final ObjectiveKind objective;

    CandidateKind(String label, ObjectiveKind objective) {
        this.label = label;
        this.objective = objective;
    }

    /** The candidate's name, e.g. {@code least-cost}. */
    public String label() {
        return label;
    }

    public Objective objective() {
        return Objective.of(objective);
    }

    /** The kind named {@code label}, e.g. {@code most-reliable}. */
    public static Optional<CandidateKind> byLabel(String label) {
        return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst();
    }
}
