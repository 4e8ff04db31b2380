package org.gridfleet.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridfleet.comm.protocol.DemandReading;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.Command;
import org.gridfleet.model.control.CommandId;
import org.gridfleet.model.control.Telemetry;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;
import org.gridfleet.sim.Field;
import org.gridfleet.sim.FieldOptions;
import org.gridfleet.sim.MeterReading;

/**
 * The control center driving sim's {@link Field} in-process, on the field's simulated clock:
 * <pre>
 *   tick the center ──commands──▶ FieldSink ──field.send──▶ controllers ──acks (queued)──┐
 *        ▲                                                                               │
 *        └── telemetry, acks from the outbox, meter readings ◀── field.step(dt) ◀─────────┘
 * </pre>
 * Each {@link #step} ticks the center, delivers the acks of the commands it sent, steps the field and feeds what the
 * field reports back to the center. No threads, no sleeps: the same run every time.
 */
final class FieldLoop {
    final Field field;
    final ControlCenter center;
    final DispatchPlan plan;
    final PlanningProblem problem;
    final List<Command> sent = new ArrayList<>();
    final List<ControlEvent> events = new ArrayList<>();
    private final List<Ack> inFlight = new ArrayList<>();
    /** Devices whose acks are lost on the way (their commands still arrive). */
    final Set<AssetId> acksLost = new HashSet<>();
    /** Factor on every meter reading, to make demand depart from the forecast. */
    double demandFactor = 1;

    FieldLoop(PlanningProblem problem, ControlOptions options) {
        this(Field.of(problem, FieldOptions.exact()), problem, new MeritOrderPlanGenerator().generate(problem).getFirst(), options,
                ResumeState.none(), "c-");
    }

    /**
     * A center restarted on the field of {@code before} (whose center is never ticked again), taking over {@code resume};
     * its commands' ids start with {@code idPrefix}, so they never collide with those of the center before. Acks of
     * the center before that were still on their way are lost with it.
     */
    FieldLoop(FieldLoop before, ControlOptions options, ResumeState resume, String idPrefix) {
        this(before.field, before.problem, before.plan, options, resume, idPrefix);
    }

    private FieldLoop(Field field, PlanningProblem problem, DispatchPlan plan, ControlOptions options, ResumeState resume, String idPrefix) {
        this.field = field;
        this.plan = plan;
        this.problem = problem;
        AtomicInteger ids = new AtomicInteger();
        CommandSink sink = command -> {
            sent.add(command);
            Ack ack = field.send(command);
            if (!acksLost.contains(command.device())) {
                inFlight.add(ack);
            }
            return CompletableFuture.completedFuture(SendOutcome.DELIVERED);
        };
        this.center = new ControlCenter(problem, plan, field.clock(), sink,
                options.withCommandIds(() -> new CommandId(idPrefix + ids.incrementAndGet())), events::add, resume);
        for (Telemetry t : field.telemetry()) {
            center.telemetry(t);
        }
    }

    FieldLoop(PlanningProblem problem) {
        this(problem, ControlOptions.defaults());
    }

    /** Ticks the center, delivers its commands' acks, steps the field by {@code dt} and feeds back what it reports. */
    void step(Duration dt) {
        center.tick();
        deliverAcks();
        field.step(dt);
        for (Telemetry t : field.telemetry()) {
            center.telemetry(t);
        }
        for (Ack a : field.drainAcks()) {
            if (!acksLost.contains(a.device())) {
                center.ack(a);
            }
        }
        for (MeterReading r : field.readings()) {
            center.demand(new DemandReading(r.endUser(), r.time(), r.demandKw() * demandFactor));
        }
    }

    void run(Duration total, Duration dt) {
        for (Duration done = Duration.ZERO; done.compareTo(total) < 0; done = done.plus(dt)) {
            step(dt);
        }
    }

    void deliverAcks() {
        List<Ack> now = List.copyOf(inFlight);
        inFlight.clear();
        now.forEach(center::ack);
    }

    List<Command> sentTo(AssetId device) {
        return sent.stream().filter(c -> c.device().equals(device)).toList();
    }

    List<Redispatch> redispatches() {
        return center.report().redispatches();
    }

    Redispatch lastRedispatch() {
        return center.lastDispatch().orElseThrow();
    }

    double demandKw() {
        return field.totalDemandKw() * demandFactor;
    }
}
