package org.gridfleet.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridfleet.control.ControlCenter;
import org.gridfleet.control.ControlReport;
import org.gridfleet.control.Replan;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.plan.candidates.Candidate;
import org.gridfleet.plan.candidates.CandidateSet;
import org.gridfleet.plan.evaluate.PlanMetrics;
import org.gridfleet.plan.io.CandidatesJson;
import org.gridfleet.plan.io.CandidatesRun;
import org.gridfleet.plan.select.Selection;
import org.gridfleet.server.view.CandidatesView;
import org.gridfleet.server.view.SelectedView;

/**
 * The candidate plans of a run directory and the operator's choice among them, with the same rules as
 * {@code gridfleet select} ({@link CandidatesRun}); a chosen plan is handed to the running center, if any, before the
 * choice is recorded. One choice at a time.
 */
final class PlanViews {
    static final int MAX_NAME_CHARS = 200;
    static final int MAX_NOTE_CHARS = 2_000;
    private static final Set<String> FIELDS = Set.of("plan", "note", "override");

    private final Optional<ControlCenter> center;
    private final Optional<Path> runDir;

    PlanViews(Optional<ControlCenter> center, Optional<Path> runDir) {
        this.center = center;
        this.runDir = runDir;
    }

    /** What an operator asked for, validated. */
    record SelectionRequest(String plan, String note, boolean override) {
        static SelectionRequest of(JsonNode body) {
            if (body == null || !body.isObject()) {
                throw ApiProblem.badRequest("the body must be a JSON object such as {\"plan\": \"least-cost\", \"note\": \"why\", \"override\": false}");
            }
            List<String> unknown = new ArrayList<>();
            body.fieldNames().forEachRemaining(f -> {
                if (!FIELDS.contains(f)) {
                    unknown.add(f);
                }
            });
            if (!unknown.isEmpty()) {
                throw ApiProblem.badRequest("unknown field(s) " + unknown + ": expected plan, note and override");
            }
            JsonNode plan = body.get("plan");
            if (plan == null || !plan.isTextual() || plan.asText().isBlank()) {
                throw ApiProblem.badRequest("plan: required, the candidate's name as a string, e.g. \"least-cost\"");
            }
            if (plan.asText().length() > MAX_NAME_CHARS) {
                throw ApiProblem.badRequest("plan: at most " + MAX_NAME_CHARS + " characters");
            }
            JsonNode note = body.get("note");
            if (note != null && !note.isNull() && !note.isTextual()) {
                throw ApiProblem.badRequest("note: expected a string");
            }
            String noteText = note == null || note.isNull() ? "" : note.asText().strip();
            if (noteText.length() > MAX_NOTE_CHARS) {
                throw ApiProblem.badRequest("note: at most " + MAX_NOTE_CHARS + " characters");
            }
            JsonNode override = body.get("override");
            if (override != null && !override.isNull() && !override.isBoolean()) {
                throw ApiProblem.badRequest("override: expected true or false");
            }
            return new SelectionRequest(plan.asText().strip(), noteText, override != null && override.asBoolean());
        }
    }

    CandidatesView candidates() throws IOException {
        CandidatesRun run = run();
        CandidateSet set = readable(run::candidates);
        CandidatesJson.Index index = run.index();
        List<CandidatesView.Row> rows = new ArrayList<>();
        for (Candidate c : set.candidates()) {
            PlanMetrics m = c.metrics();
            Optional<Selection.Verdict> v = index.rules().verdict(c.name());
            rows.add(new CandidatesView.Row(c.name(), c.names(), c.plan().generator(), c.plan().status().label(), c.pareto(), c.dominatedBy(),
                    m.currency(), m.cost().totalCost(), m.energy().co2Kg(), m.service().unservedKwh(),
                    m.reliability().map(r -> r.devices().lolp()).orElse(null), m.reliability().map(r -> r.devices().eensKwh()).orElse(null),
                    m.network().map(n -> n.violations().size()).orElse(null), v.map(x -> PlantViews.lower(x.outcome().name())).orElse(null),
                    v.map(Selection.Verdict::rule).orElse(0), v.map(Selection.Verdict::explanation).orElse(null)));
        }
        Optional<CandidatesJson.Chosen> standing = readable(run::standing);
        return new CandidatesView(index.problem(), index.hasNetwork(), ruleSetName(index.rules()), index.rules().chosen().orElse(null),
                standing.flatMap(s -> s.selection().chosen()).orElse(null), rows);
    }

    SelectedView selected() throws IOException {
        if (runDir.isEmpty() && center.isEmpty()) {
            throw ApiProblem.notFound("nothing is selected: this server has neither a candidates run nor a control center");
        }
        SelectedView.PlanInForce inForce = center.map(PlanViews::inForce).orElse(null);
        if (runDir.isEmpty()) {
            return new SelectedView(null, null, null, "the plan the control center was started with", false, inForce);
        }
        CandidatesRun run = run();
        Optional<CandidatesJson.Chosen> standing = readable(run::standing);
        if (standing.isPresent()) {
            CandidatesJson.Chosen c = standing.get();
            return new SelectedView(c.selection().chosen().orElse(null), c.selection().selectedBy().describe(), c.at(), c.selection().reason(),
                    c.overridesRules(), inForce);
        }
        Selection rules = run.index().rules();
        return new SelectedView(rules.chosen().orElse(null), rules.selectedBy().describe(), null, rules.reason(), false, inForce);
    }

    synchronized SelectedView select(SelectionRequest request, ApiToken caller) throws IOException {
        CandidatesRun run = run();
        CandidatesRun.Choice choice;
        try {
            choice = run.choose(request.plan(), caller.name(), request.note(), request.override(), center.map(ControlCenter::now).orElseGet(
                    java.time.Instant::now), plan -> center.ifPresent(c -> adopt(c, plan, request, caller)));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.unavailable("the candidates run cannot be read: " + e.getMessage());
        }
        return switch (choice) {
            case CandidatesRun.Choice.UnknownPlan u -> throw ApiProblem.notFound(u.message(), Map.of("candidates", u.names()));
            case CandidatesRun.Choice.NoteRequired n -> throw ApiProblem.badRequest("note: " + n.message());
            case CandidatesRun.Choice.RejectedByRules r -> throw ApiProblem.unprocessable(r.message()
                    + "; to choose it anyway, send \"override\": true with a note saying why", Map.of("plan", r.name()));
            case CandidatesRun.Choice.Recorded r -> selected();
        };
    }

    private static void adopt(ControlCenter center, DispatchPlan plan, SelectionRequest request, ApiToken caller) {
        try {
            center.adopt(plan, request.plan() + " chosen by operator " + caller.name() + (request.note().isEmpty() ? "" : ": " + request.note()));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.conflict("the control center cannot run " + request.plan() + ": " + e.getMessage()
                    + "; the candidates run is not for the plant this center runs");
        }
    }

    private static SelectedView.PlanInForce inForce(ControlCenter center) {
        DispatchPlan plan = center.plan();
        ControlReport report = center.report();
        List<Replan> replans = report.replans();
        Duration step = plan.grid().step();
        return new SelectedView.PlanInForce(plan.generator(), plan.objective().describe(), plan.status().label(), plan.grid().start(),
                plan.grid().end(), step.toString(), plan.grid().intervals(), replans.size(),
                replans.isEmpty() ? null : PlantViews.lower(replans.getLast().reason().name()) + ": " + replans.getLast().why());
    }

    private static String ruleSetName(Selection rules) {
        return rules.selectedBy() instanceof Selection.SelectedBy.Rules r ? r.ruleSet() : rules.selectedBy().describe();
    }

    private CandidatesRun run() throws IOException {
        Path dir = runDir.orElseThrow(() -> ApiProblem.notFound("no candidates run is attached to this server: start it with a candidates "
                + "directory (gridfleet candidates --out DIR)"));
        try {
            return CandidatesRun.open(dir);
        } catch (NoSuchFileException e) {
            throw ApiProblem.notFound("the candidates directory has no " + CandidatesJson.INDEX + " (yet)");
        } catch (IllegalArgumentException e) {
            throw ApiProblem.unavailable("the candidates run cannot be read: " + e.getMessage());
        }
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    /** A run's file that exists but cannot be read is the server's trouble, not the client's. */
    private static <T> T readable(IoSupplier<T> read) throws IOException {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw ApiProblem.unavailable("the candidates run cannot be read: " + e.getMessage());
        }
    }
}
