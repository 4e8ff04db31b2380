package org.gridfleet.plan.select;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.apache.commons.jexl3.JexlException;
import org.gridfleet.plan.candidates.Candidate;
import org.gridfleet.plan.candidates.CandidateSet;
import org.gridfleet.plan.select.Selection.Outcome;
import org.gridfleet.plan.select.Selection.SelectedBy;
import org.gridfleet.plan.select.Selection.Verdict;

/**
 * Chooses a plan by a {@link RuleSet}: each candidate meets the reject rules in order, and the first whose condition
 * holds rejects it; a rule that cannot judge the plan (it needs a figure the plan lacks, or its arithmetic fails)
 * rejects it as well, saying why, so that nothing unjudged slips through. Among the plans kept, the preference
 * chooses the least (or greatest) value; values within one part in 10⁹ tie, and ties go to the first name in
 * alphabetical order. When every plan is rejected, none is chosen and the selection says why each one went.
 */
public final class RuleSelector {
    /** Preference values within this share of each other tie. */
    public static final double TIE = 1e-9;

    private final RuleSet rules;

    public RuleSelector(RuleSet rules) {
        this.rules = requireNonNull(rules, "rules");
    }

    public RuleSet rules() {
        return rules;
    }

    public Selection select(CandidateSet candidates) {
        SelectedBy by = new SelectedBy.Rules(rules.name());
        Rule preference = rules.preference();
        List<Judged> judged = new ArrayList<>();
        for (Candidate candidate : candidates.candidates()) {
            judged.add(judge(candidate, candidates.hasNetwork()));
        }
        List<Judged> kept = judged.stream().filter(j -> j.preference().isPresent())
                .sorted(Comparator.comparingDouble((Judged j) -> preference.kind() == Rule.Kind.MAXIMISE
                        ? -j.preference().getAsDouble() : j.preference().getAsDouble()).thenComparing(j -> j.candidate().name()))
                .toList();
        // ties: the values within TIE of the best, alphabetically first among them
        Optional<Judged> best = kept.stream().filter(j -> ties(j.preference().getAsDouble(), kept.getFirst().preference().getAsDouble()))
                .min(Comparator.comparing(j -> j.candidate().name()));
        List<Verdict> verdicts = new ArrayList<>();
        for (Judged j : judged) {
            if (j.verdict() != null) {
                verdicts.add(j.verdict());
                continue;
            }
            boolean chosen = best.isPresent() && best.get() == j;
            int rank = kept.indexOf(j) + 1;
            double value = j.preference().getAsDouble();
            String figure = preference.expression() + " = " + format(value);
            String explanation;
            if (chosen) {
                List<String> tied = kept.stream().filter(k -> k != j && ties(k.preference().getAsDouble(), value)).map(k -> k.candidate().name()).toList();
                explanation = "chosen by " + preference.describe() + ": " + figure + ", " + preference.direction() + " of " + kept.size()
                        + (kept.size() == 1 ? " plan" : " plans") + " kept" + (tied.isEmpty() ? "" : " (tied with " + String.join(", ", tied)
                        + "; the first by name)") + becauseOf(preference);
            } else {
                explanation = "kept, not chosen: passed every reject rule; " + figure + ", " + ordinal(rank) + " of " + kept.size()
                        + " by " + preference.describe();
            }
            verdicts.add(new Verdict(j.candidate().name(), chosen ? Outcome.CHOSEN : Outcome.KEPT, preference.number(), explanation,
                    j.values(), j.preference()));
        }
        String reason;
        if (best.isPresent()) {
            Judged b = best.get();
            long rejected = judged.size() - kept.size();
            reason = b.candidate().name() + " chosen by " + by.describe() + ": " + preference.direction() + " " + preference.expression() + " ("
                    + format(b.preference().getAsDouble()) + ") of " + kept.size() + (kept.size() == 1 ? " plan" : " plans") + " kept"
                    + (rejected > 0 ? ", " + rejected + " rejected" : "");
        } else if (judged.isEmpty()) {
            reason = "no plan chosen by " + by.describe() + ": there were no candidates";
        } else {
            reason = "no plan chosen by " + by.describe() + ": every plan was rejected — " + verdicts.stream()
                    .map(v -> v.candidate() + " by rule " + v.rule() + " (" + summary(rules.rules().get(v.rule() - 1)) + ")")
                    .collect(Collectors.joining("; "));
        }
        return new Selection(by, best.map(j -> j.candidate().name()), verdicts, reason);
    }

    /** A candidate after the rules: rejected (with its verdict), or kept with its preference value. */
    private record Judged(Candidate candidate, Verdict verdict, Map<String, Object> values, OptionalDouble preference) {}

    private Judged judge(Candidate candidate, boolean hasNetwork) {
        Map<String, Object> all = PlanVariables.of(candidate, hasNetwork);
        for (Rule rule : rules.rules()) {
            Map<String, Object> used = used(rule, all);
            Object value;
            try {
                value = Expressions.evaluate(rules.script(rule), all);
            } catch (JexlException | ArithmeticException e) {
                String why = e instanceof JexlException.Variable v && all.containsKey(v.getVariable()) && all.get(v.getVariable()) == null
                        ? v.getVariable() + " is unknown: " + PlanVariables.whyUnknown(v.getVariable(), candidate, hasNetwork)
                        : message(e);
                return rejected(candidate, rule, "cannot judge — " + why, used);
            }
            if (rule.isPreference()) {
                if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
                    return rejected(candidate, rule, "cannot rank — it gives " + value + ", not a finite number", used);
                }
                return new Judged(candidate, null, used, OptionalDouble.of(number.doubleValue()));
            }
            if (!(value instanceof Boolean holds)) {
                return rejected(candidate, rule, "cannot judge — the condition gives " + value + ", not true or false", used);
            }
            if (holds) {
                return rejected(candidate, rule, rule.because() + " — " + describe(used), used);
            }
        }
        throw new IllegalStateException("a rule set ends with its preference");
    }

    private static Judged rejected(Candidate candidate, Rule rule, String why, Map<String, Object> used) {
        String explanation = "rejected by " + rule.describe() + ": " + why;
        return new Judged(candidate, new Verdict(candidate.name(), Outcome.REJECTED, rule.number(), explanation, used, OptionalDouble.empty()),
                used, OptionalDouble.empty());
    }

    private Map<String, Object> used(Rule rule, Map<String, Object> all) {
        Map<String, Object> used = new LinkedHashMap<>();
        Expressions.variables(rules.script(rule)).forEach(name -> used.put(name, all.get(name)));
        return used;
    }

    private static String summary(Rule rule) {
        return rule.because().isEmpty() ? rule.kind().key() + ": " + rule.expression() : rule.because();
    }

    private static String becauseOf(Rule preference) {
        return preference.because().isEmpty() ? "" : " — " + preference.because();
    }

    private static boolean ties(double a, double b) {
        return Math.abs(a - b) <= TIE * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    /** {@code lolp = 0.0042, pareto = true}. */
    static String describe(Map<String, Object> values) {
        return values.entrySet().stream().map(e -> e.getKey() + " = " + format(e.getValue())).collect(Collectors.joining(", "));
    }

    /** Numbers to six significant digits without exponent or trailing zeros; text quoted. */
    static String format(Object value) {
        return switch (value) {
            case null -> "unknown";
            case Double d when !Double.isFinite(d) -> d.toString();
            case Number n -> {
                BigDecimal rounded = new BigDecimal(n.doubleValue()).round(new MathContext(6)).stripTrailingZeros();
                yield rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
            }
            case String s -> "'" + s + "'";
            default -> value.toString();
        };
    }

    private static String ordinal(int n) {
        String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    /** JEXL's message without its position prefix ({@code @1:3 }), or the arithmetic error's. */
    static String message(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return e instanceof JexlException ? message.replaceFirst("^\\S*@\\d+(:\\d+)?\\s+", "") : message;
    }
}
