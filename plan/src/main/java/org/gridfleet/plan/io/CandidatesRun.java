package org.gridfleet.plan.io;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.plan.candidates.Candidate;
import org.gridfleet.plan.candidates.CandidateSet;
import org.gridfleet.plan.evaluate.PlanMetrics;
import org.gridfleet.plan.select.Selection;

/**
 * A candidates directory ({@code candidates.json}, the plan files, {@code selection.json}) and the operator's choice
 * in it, with one set of rules for every way an operator chooses ({@code gridfleet select}, the server's API): a
 * plan the rules rejected needs an override and a note saying why. Unreadable files throw
 * {@link IllegalArgumentException} naming the file and the field.
 */
public final class CandidatesRun {
    private final Path dir;
    private final CandidatesJson.Index index;

    private CandidatesRun(Path dir, CandidatesJson.Index index) {
        this.dir = dir;
        this.index = index;
    }

    /**
     * Reads the index of the run in {@code dir}.
     *
     * @throws NoSuchFileException when there is no {@code candidates.json}
     * @throws IllegalArgumentException when it is not a valid index
     */
    public static CandidatesRun open(Path dir) throws IOException {
        Path file = dir.resolve(CandidatesJson.INDEX);
        String json = Files.readString(file);
        try {
            return new CandidatesRun(dir, CandidatesJson.readIndex(json));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    public CandidatesJson.Index index() {
        return index;
    }

    /** The candidates' names, in order (merged ones joined by {@code /}). */
    public List<String> names() {
        return index.candidates().stream().map(CandidatesJson.Entry::name).toList();
    }

    /** The candidates as they were judged, read back from their plan files. */
    public CandidateSet candidates() throws IOException {
        List<Candidate> candidates = new ArrayList<>();
        for (CandidatesJson.Entry e : index.candidates()) {
            Path file = dir.resolve(e.file());
            String json;
            try {
                json = Files.readString(file);
            } catch (NoSuchFileException missing) {
                throw new IllegalArgumentException("candidate " + e.name() + ": its plan " + file + " is missing", missing);
            }
            try {
                DispatchPlan plan = PlanJson.read(json);
                PlanMetrics metrics = PlanJson.readMetrics(json).orElseThrow(() -> new IllegalArgumentException("the plan has no metrics"));
                candidates.add(new Candidate(e.names(), plan, metrics, e.seconds(), e.pareto(), e.dominatedBy()));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("candidate " + e.name() + ": " + file + ": " + bad.getMessage(), bad);
            }
        }
        return new CandidateSet(index.problem(), index.hasNetwork(), candidates);
    }

    /** The choice that stands ({@code selection.json}), if any has been recorded. */
    public Optional<CandidatesJson.Chosen> standing() throws IOException {
        Path file = dir.resolve(CandidatesJson.SELECTION);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(CandidatesJson.readChosen(Files.readString(file)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** What became of an operator's choice. */
    public sealed interface Choice {
        /** Recorded in {@code selection.json}: the choice, the candidate's entry and its plan. */
        record Recorded(CandidatesJson.Chosen chosen, CandidatesJson.Entry entry, CandidateSet candidates, String rulesChose,
                        Selection.Verdict ruling) implements Choice {}

        /** No candidate has that name. */
        record UnknownPlan(String name, List<String> names) implements Choice {
            public String message() {
                return "no candidate '" + name + "'; the candidates are " + String.join(", ", names);
            }
        }

        /** An override without a note: the record must say why the rules do not apply. */
        record NoteRequired() implements Choice {
            public String message() {
                return "an override needs a note saying why the rules do not apply";
            }
        }

        /** The rules rejected the plan and the operator did not override them. */
        record RejectedByRules(String name, String explanation) implements Choice {
            public String message() {
                return "the rules rejected " + name + ": " + explanation;
            }
        }
    }

    /**
     * The operator {@code operator} chooses the candidate {@code name} (a merged name's part will do) at {@code at}; a
     * plan the rules rejected needs {@code override} and a {@code note}. Writes {@code selection.json} when the choice
     * stands.
     */
    public Choice choose(String name, String operator, String note, boolean override, Instant at) throws IOException {
        return choose(name, operator, note, override, at, plan -> {});
    }

    /**
     * As {@link #choose(String, String, String, boolean, Instant)}, handing the chosen plan to {@code adopt} (a running
     * control center) once the rules allow the choice and before it is recorded: when {@code adopt} throws, nothing is
     * recorded.
     */
    public Choice choose(String name, String operator, String note, boolean override, Instant at, Consumer<DispatchPlan> adopt) throws IOException {
        requireNonNull(name, "name");
        requireNonNull(adopt, "adopt");
        requireNonNull(operator, "operator");
        requireNonNull(at, "at");
        Optional<CandidatesJson.Entry> found = index.entry(name);
        if (found.isEmpty()) {
            return new Choice.UnknownPlan(name, names());
        }
        CandidatesJson.Entry entry = found.get();
        Selection.Verdict ruling = index.rules().verdict(entry.name()).orElseThrow(() -> new IllegalArgumentException(
                dir.resolve(CandidatesJson.INDEX) + ": the rules gave no verdict on " + entry.name()));
        boolean rejected = ruling.outcome() == Selection.Outcome.REJECTED;
        boolean noted = note != null && !note.isBlank();
        if (override && !noted) {
            return new Choice.NoteRequired();
        }
        if (rejected && !override) {
            return new Choice.RejectedByRules(entry.name(), ruling.explanation());
        }
        CandidateSet set = candidates();
        adopt.accept(set.byName(entry.name()).orElseThrow().plan());
        Selection selection = Selection.byOperator(operator, set, entry.name(), noted ? note : "");
        CandidatesJson.Chosen chosen = new CandidatesJson.Chosen(index.problem(), at, entry.file(), rejected, selection);
        write(chosen);
        return new Choice.Recorded(chosen, entry, set, index.rules().chosen().orElse("none"), ruling);
    }

    /** Writes {@code selection.json} whole or not at all (a reader never sees half a file). */
    private void write(CandidatesJson.Chosen chosen) {
        try {
            Path tmp = Files.createTempFile(dir, ".selection", ".json");
            Files.writeString(tmp, CandidatesJson.writeChosen(chosen));
            Files.move(tmp, dir.resolve(CandidatesJson.SELECTION), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
