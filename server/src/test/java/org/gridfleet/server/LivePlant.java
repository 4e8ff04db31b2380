package org.gridfleet.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gridfleet.comm.protocol.DemandReading;
import org.gridfleet.control.CommandSink;
import org.gridfleet.control.ControlCenter;
import org.gridfleet.control.ControlEvent;
import org.gridfleet.control.ControlOptions;
import org.gridfleet.control.SendOutcome;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.Telemetry;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.candidates.Candidate;
import org.gridfleet.plan.candidates.CandidateSet;
import org.gridfleet.plan.evaluate.PlanEvaluator;
import org.gridfleet.plan.io.CandidatesJson;
import org.gridfleet.plan.io.PlanJson;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;
import org.gridfleet.plan.select.RuleSelector;
import org.gridfleet.plan.select.RuleSet;
import org.gridfleet.plan.select.Selection;
import org.gridfleet.sim.Field;
import org.gridfleet.sim.FieldOptions;
import org.gridfleet.sim.MeterReading;
import org.gridfleet.testkit.Fleets;

/**
 * A real control center on sim's field in-process, on simulated time ({@code Fleets.twoGeneratorsOneBattery}: GEN-A,
 * GEN-B, BAT-1, EU-1, four hourly intervals), and a candidates run of two plans for it:
 * <pre>
 *   cheap   the merit-order plan                         kept by the rules, chosen (least cost)
 *   dear    the merit order without GEN-A (GEN-B, BAT-1)  rejected by rule 1: "the test rejects it"
 * </pre>
 * {@link #step} ticks the center, delivers acks, steps the field and feeds its reports back: no threads, no sleeps.
 */
final class LivePlant {
    static final AssetId GEN_A = AssetId.of("GEN-A");
    static final String RULES = """
            name: test
            rules:
              - reject: name == 'dear'
                because: the test rejects it
              - prefer: totalCost
            """;

    final PlanningProblem problem = Fleets.twoGeneratorsOneBattery();
    final Field field = Field.of(problem, FieldOptions.exact());
    final DispatchPlan plan = new MeritOrderPlanGenerator().generate(problem).getFirst();
    final DispatchPlan dear = new MeritOrderPlanGenerator().generate(withoutGenA(problem)).getFirst();
    final List<ControlEvent> events = new CopyOnWriteArrayList<>();
    final EventHub hub = new EventHub();
    final ControlCenter center;
    private final List<Ack> inFlight = new ArrayList<>();

    LivePlant() {
        CommandSink sink = command -> {
            synchronized (inFlight) {
                inFlight.add(field.send(command));
            }
            return CompletableFuture.completedFuture(SendOutcome.DELIVERED);
        };
        center = new ControlCenter(problem, plan, field.clock(), sink, ControlOptions.defaults(), e -> {
            events.add(e);
            hub.on(e);
        });
        field.telemetry().forEach(center::telemetry);
    }

    /** Ticks the center, delivers its commands' acks, steps the field by {@code dt} and feeds back what it reports. */
    synchronized void step(Duration dt) {
        center.tick();
        List<Ack> acks;
        synchronized (inFlight) {
            acks = List.copyOf(inFlight);
            inFlight.clear();
        }
        acks.forEach(center::ack);
        field.step(dt);
        for (Telemetry t : field.telemetry()) {
            center.telemetry(t);
        }
        field.drainAcks().forEach(center::ack);
        for (MeterReading r : field.readings()) {
            center.demand(new DemandReading(r.endUser(), r.time(), r.demandKw()));
        }
    }

    /** Writes the candidates run (above) into {@code dir}: the plan files, candidates.json; no selection.json yet. */
    Path writeRun(Path dir) {
        PlanEvaluator evaluator = new PlanEvaluator();
        CandidateSet set = new CandidateSet(problem.name(), false, List.of(
                new Candidate(List.of("cheap"), plan, evaluator.evaluate(plan, problem), 0.1, true, List.of()),
                new Candidate(List.of("dear"), dear, evaluator.evaluate(dear, problem), 0.1, false, List.of("cheap"))));
        Selection rules = new RuleSelector(RuleSet.parse(RULES, "test.yaml")).select(set);
        try {
            for (Candidate c : set.candidates()) {
                Files.writeString(dir.resolve(CandidatesJson.fileOf(c.name())), PlanJson.write(c.plan(), c.metrics()));
            }
            Files.writeString(dir.resolve(CandidatesJson.INDEX), CandidatesJson.writeIndex(set, rules));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static PlanningProblem withoutGenA(PlanningProblem p) {
        Map<AssetId, Profile> availability = new HashMap<>(p.availability());
        availability.put(GEN_A, Profile.zeros(p.grid().intervals()));
        return new PlanningProblem(p.name(), p.currency(), p.grid(), p.assets(), p.endUsers(), p.network(), availability, p.forecastKw(),
                p.demandKwByEndUser(), p.salePricePerKwh(), p.importTariffPerKwh(), p.gridConnection(), p.reserve(), p.flags());
    }
}
