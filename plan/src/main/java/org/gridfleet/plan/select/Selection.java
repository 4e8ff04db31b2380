package org.gridfleet.plan.select;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.gridfleet.plan.candidates.Candidate;
import org.gridfleet.plan.candidates.CandidateSet;

/**
 * Which plan was chosen, who or what chose it, and for every candidate why it was kept or rejected.
 *
 * @param selectedBy the rules (by their name) or the operator (by id) that made the choice
 * @param chosen     the chosen candidate's name; empty when every plan was rejected
 * @param verdicts   one per candidate, in the candidates' order
 * @param reason     the outcome in one sentence, for people
 */
public record Selection(SelectedBy selectedBy, Optional<String> chosen, List<Verdict> verdicts, String reason) {
    public Selection {
        requireNonNull(selectedBy, "selectedBy");
        requireNonNull(chosen, "chosen");
        requireNonNull(reason, "reason");
        verdicts = List.copyOf(verdicts);
    }

    /** Who or what chose. */
    public sealed interface SelectedBy {
        /** A rules file, by its {@code name}. */
        record Rules(String ruleSet) implements SelectedBy {
            public Rules {
                requireNonNull(ruleSet, "ruleSet");
            }
        }

        /** An operator at the control center, by id. */
        record Operator(String operatorId) implements SelectedBy {
            public Operator {
                requireNonNull(operatorId, "operatorId");
                if (operatorId.isBlank()) {
                    throw new IllegalArgumentException("operatorId must not be blank");
                }
            }
        }

        /** For people: {@code rules 'default'} or {@code operator alice}. */
        default String describe() {
            return switch (this) {
                case Rules r -> "rules '" + r.ruleSet() + "'";
                case Operator o -> "operator " + o.operatorId();
            };
        }
    }

    /** What became of one candidate. */
    public enum Outcome {
        /** The chosen plan. */
        CHOSEN,
        /** Passed every reject rule, but another plan was preferred (or, with an operator, not chosen). */
        KEPT,
        /** A reject rule rejected it, or it could not be judged. */
        REJECTED
    }

    /**
     * One candidate's verdict.
     *
     * @param candidate   the candidate's name
     * @param rule        the rule that decided (1-based): the reject rule that rejected it, or the preference for plans
     *                    kept; 0 when an operator decided
     * @param explanation for people, e.g. {@code rejected by rule 1 (reject: lolp > 0.001): loss-of-load probability
     *                    above 0.1 % — lolp = 0.0042}
     * @param values      the figures the deciding rule looked at, by variable (a null value: the plan lacks it)
     * @param preference  the value of the preference, for plans that reached it
     */
    public record Verdict(String candidate, Outcome outcome, int rule, String explanation, Map<String, Object> values,
                          OptionalDouble preference) {
        public Verdict {
            requireNonNull(candidate, "candidate");
            requireNonNull(outcome, "outcome");
            requireNonNull(explanation, "explanation");
            requireNonNull(preference, "preference");
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values)); // null values allowed: a figure the plan lacks
        }
    }

    /** The verdict of the candidate named {@code name}. */
    public Optional<Verdict> verdict(String name) {
        return verdicts.stream().filter(v -> v.candidate().equals(name)).findFirst();
    }

    /**
     * An operator's choice among {@code candidates}: {@code chosenName} is chosen, the others are kept but not
     * chosen.
     *
     * @param note why, in the operator's words ("" for none)
     * @throws IllegalArgumentException when no candidate has that name
     */
    public static Selection byOperator(String operatorId, CandidateSet candidates, String chosenName, String note) {
        SelectedBy.Operator operator = new SelectedBy.Operator(operatorId);
        Candidate chosen = candidates.byName(chosenName).orElseThrow(() -> new IllegalArgumentException(
                "no candidate named " + chosenName + "; the candidates are " + candidates.candidates().stream().map(Candidate::name).toList()));
        String because = note == null || note.isBlank() ? "" : ": " + note.strip();
        List<Verdict> verdicts = new ArrayList<>();
        for (Candidate c : candidates.candidates()) {
            boolean isChosen = c == chosen;
            verdicts.add(new Verdict(c.name(), isChosen ? Outcome.CHOSEN : Outcome.KEPT, 0,
                    (isChosen ? "chosen by " : "not chosen by ") + operator.describe() + (isChosen ? because : ""), Map.of(), OptionalDouble.empty()));
        }
        return new Selection(operator, Optional.of(chosen.name()), verdicts, chosen.name() + " chosen by " + operator.describe() + because);
    }
}
