package org.gridfleet.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import org.gridfleet.comm.protocol.DemandReading;
import org.gridfleet.control.CommandBook.State;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.Command;
import org.gridfleet.model.control.CommandId;
import org.gridfleet.model.control.OperatingState;
import org.gridfleet.model.control.Telemetry;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;
import org.gridfleet.sim.SimClock;
import org.junit.jupiter.api.Test;

/**
 * A center restarted mid-day on the same field ({@link FieldLoop}), taking over the commands of the center before it
 * as a store would hand them over: every command still valid, with its sends and every ack it got.
 */
class ResumeTest {
    static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    static final double KW = 1e-3;
    static final AssetId G1 = AssetId.of("G1");
    static final AssetId G2 = AssetId.of("G2");
    static final AssetId G3 = AssetId.of("G3");
    static final AssetId PV = AssetId.of("PV-1");

    /** What a store keeps of {@code events} and hands over at {@code now}: the commands still valid, their sends and acks. */
    static ResumeState kept(List<ControlEvent> events, Instant now) {
        Map<CommandId, Command> commands = new LinkedHashMap<>();
        Map<CommandId, Instant> first = new LinkedHashMap<>();
        Map<CommandId, Instant> last = new LinkedHashMap<>();
        Map<CommandId, Integer> sends = new LinkedHashMap<>();
        Map<CommandId, List<Ack>> acks = new LinkedHashMap<>();
        for (ControlEvent e : events) {
            if (e instanceof ControlEvent.CommandSent s) {
                commands.putIfAbsent(s.command().id(), s.command());
                first.putIfAbsent(s.command().id(), s.time());
                last.put(s.command().id(), s.time());
                sends.merge(s.command().id(), 1, Integer::sum);
            } else if (e instanceof ControlEvent.AckReceived a) {
                acks.computeIfAbsent(a.ack().command(), id -> new ArrayList<>()).add(a.ack());
            }
        }
        List<ResumeState.SentCommand> out = new ArrayList<>();
        for (Command c : commands.values()) {
            if (c.validUntil().isAfter(now)) {
                out.add(new ResumeState.SentCommand(c, first.get(c.id()), last.get(c.id()), sends.get(c.id()), acks.getOrDefault(c.id(), List.of())));
            }
        }
        return new ResumeState(out);
    }

    @Test
    void aRestartedCenterKeepsTheAnsweredCommandsAndSendsTheUnansweredOneAgainWithItsId() {
        FieldLoop before = new FieldLoop(ControlFleets.campus());
        before.run(Duration.ofMinutes(15), TEN_SECONDS);
        before.acksLost.add(G2);   // G2's answers to the second interval's command never reach the center
        before.step(TEN_SECONDS);  // the tick at 08:15 sends the second interval's set points
        Command toG2 = before.center.currentCommand(G2).orElseThrow().command();
        assertThat(before.center.currentCommand(G2).orElseThrow().state()).isEqualTo(State.SENT);
        ResumeState resume = kept(before.events, before.field.now());

        FieldLoop after = new FieldLoop(before, ControlOptions.defaults(), resume, "d-");
        after.step(TEN_SECONDS);

        assertThat(after.sent).as("only G2's unanswered command, sent again unchanged").containsExactly(toG2);
        assertThat(after.center.currentCommand(G2).orElseThrow().state()).isIn(State.ACCEPTED, State.DONE);
        assertThat(after.center.currentCommand(G1).orElseThrow().command()).isEqualTo(before.center.currentCommand(G1).orElseThrow().command());
        Redispatch first = after.lastRedispatch();
        assertThat(first.hasCause(Cause.Trigger.START)).isTrue();
        assertThat(first.causes().getFirst().detail()).contains("resumed with " + resume.commands().size() + " commands");
        assertThat(first.commandsSent()).isZero();
        ControlReport report = after.center.report();
        assertThat(report.commandsResumed()).isEqualTo(resume.commands().size());
        assertThat(report.commandsSent()).isZero();
        assertThat(report.resends()).isEqualTo(1);
        assertThat(after.events).filteredOn(e -> e instanceof ControlEvent.CommandSent)
                .singleElement().satisfies(e -> assertThat(((ControlEvent.CommandSent) e).attempt()).isEqualTo(2));

        // the same answer again changes nothing; the next interval gets new commands, with the new center's ids
        Ack again = after.center.currentCommand(G1).orElseThrow().lastAck().orElseThrow();
        after.center.ack(again);
        assertThat(after.center.report().duplicateAcks()).isEqualTo(1);
        after.run(Duration.ofMinutes(15), TEN_SECONDS);

        assertThat(after.sentTo(G1)).isNotEmpty().allMatch(c -> c.id().value().startsWith("d-"));
        assertThat(after.field.totalPowerKw()).isGreaterThanOrEqualTo(after.field.totalDemandKw() - KW);
        assertThat(after.center.activeAlarms()).isEmpty();
    }

    @Test
    void aDeviceThatRejectedItsCommandBeforeTheRestartStaysOutUntilTheNextInterval() {
        FieldLoop before = new FieldLoop(ControlFleets.slowStarter());
        AssetId slow = AssetId.of("G-SLOW");
        AssetId fast = AssetId.of("G-FAST");
        before.step(TEN_SECONDS); // G-SLOW rejects the plan's start; the center has not re-dispatched yet
        assertThat(before.center.currentCommand(slow).orElseThrow().state()).isEqualTo(State.REJECTED);

        FieldLoop after = new FieldLoop(before, ControlOptions.defaults(), kept(before.events, before.field.now()), "d-");
        after.step(TEN_SECONDS);

        assertThat(after.center.excluded()).containsKey(slow);
        assertThat(after.sentTo(slow)).as("not asked again within the interval").isEmpty();
        assertThat(only(after.sentTo(fast)).setpointKw()).isCloseTo(400, within(KW));
        assertThat(after.lastRedispatch().result().started()).containsExactly(fast);
        assertThat(after.center.activeAlarm(Alarm.Kind.COMMAND_REJECTED, "G-SLOW").orElseThrow().message()).contains("before the restart");

        after.run(Duration.ofMinutes(2), TEN_SECONDS);
        assertThat(after.field.totalPowerKw()).isGreaterThanOrEqualTo(400 - KW);
    }

    @Test
    void anUnansweredCommandThatALaterOneSupersededIsNotSentAgain() {
        Instant start = ControlFleets.START;
        Command older = new Command(new CommandId("old"), G1, 300, start, start.plus(Duration.ofMinutes(16)));
        Command newer = new Command(new CommandId("new"), G1, 570, start.plusSeconds(1), start.plus(Duration.ofMinutes(16)));
        ResumeState resume = new ResumeState(List.of(
                ResumeState.SentCommand.unanswered(older, start, start, 1),
                new ResumeState.SentCommand(newer, start.plusSeconds(1), start.plusSeconds(1), 1,
                        List.of(new Ack(newer.id(), G1, Ack.Status.ACCEPTED, "", start.plusSeconds(1))))));
        FieldLoop plain = new FieldLoop(ControlFleets.campus());

        FieldLoop loop = new FieldLoop(plain, ControlOptions.defaults(), resume, "d-");
        loop.step(TEN_SECONDS);

        assertThat(loop.sentTo(G1)).as("the 570 kW in force stands; the superseded one is never sent").isEmpty();
        assertThat(loop.center.command(older.id()).orElseThrow().superseded()).isTrue();
        assertThat(loop.center.currentCommand(G1).orElseThrow().id()).isEqualTo(newer.id());
        assertThat(loop.center.report().resends()).isZero();
    }

    @Test
    void theLatestObservationsTakenOverCountAsLiveAndADeviceThatWasDownIsLeftOutAtOnce() {
        PlanningProblem campus = ControlFleets.campus();
        DispatchPlan plan = new MeritOrderPlanGenerator().generate(campus).getFirst();
        SimClock clock = new SimClock(ControlFleets.START.plus(Duration.ofMinutes(5)));
        Instant measured = clock.now().minusSeconds(5);
        List<Command> sent = new ArrayList<>();
        List<ControlEvent> events = new ArrayList<>();
        ResumeState resume = new ResumeState(List.of(), List.of(
                new Telemetry(G1, measured, 0, OptionalDouble.empty(), OperatingState.FAULT),
                new Telemetry(G2, measured, 400, OptionalDouble.empty(), OperatingState.RUNNING),
                new Telemetry(G3, measured, 0, OptionalDouble.empty(), OperatingState.STOPPED),
                new Telemetry(PV, clock.now().minus(Duration.ofMinutes(6)), 120, OptionalDouble.empty(), OperatingState.RUNNING)), // too old
                List.of(new DemandReading(EndUserId.of("EU-1"), measured, 300), new DemandReading(EndUserId.of("EU-2"), measured, 200)));

        ControlCenter center = new ControlCenter(campus, plan, clock, command -> {
            sent.add(command);
            return CompletableFuture.completedFuture(SendOutcome.DELIVERED);
        }, ControlOptions.defaults().withoutReplanning(), events::add, resume);
        center.tick();

        Redispatch first = center.lastDispatch().orElseThrow();
        assertThat(first.hasCause(Cause.Trigger.DEVICE_DOWN)).isTrue();
        assertThat(first.result().setpointsKw()).doesNotContainKey(G1);
        assertThat(first.demandKw()).as("the readings taken over, not the 800 kW forecast").isCloseTo(500, within(KW));
        assertThat(center.activeAlarm(Alarm.Kind.DEVICE_FAULT, "G1")).isPresent();
        assertThat(center.live().telemetry(PV)).as("six minutes old: not live").isEmpty();
        assertThat(sent).as("G3 is known stopped and stays stopped: no command").noneMatch(c -> c.device().equals(G3));
        assertThat(events).as("reported when first accepted").noneMatch(e -> e instanceof ControlEvent.TelemetryAccepted);
        assertThat(center.report().cost()).as("G2 running is no start this center saw").isZero();
    }

    @Test
    void aResumeStateRefusesAnIdTwiceAndAnotherCommandsAck() {
        Instant start = ControlFleets.START;
        Command c = new Command(new CommandId("c-1"), G1, 300, start, start.plus(Duration.ofMinutes(16)));

        assertThatThrownBy(() -> new ResumeState(List.of(ResumeState.SentCommand.unanswered(c, start, start, 1),
                ResumeState.SentCommand.unanswered(c, start, start, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("c-1 is twice");
        assertThatThrownBy(() -> new ResumeState.SentCommand(c, start, start, 1,
                List.of(new Ack(new CommandId("c-2"), G1, Ack.Status.DONE, "", start))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("an ack of command c-2");
        assertThatThrownBy(() -> ResumeState.SentCommand.unanswered(c, start, start, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBookTakesOverACommandInTheStateItsAcksBroughtItTo() {
        Instant start = ControlFleets.START;
        Command c = new Command(new CommandId("c-1"), G2, 200, start, start.plus(Duration.ofMinutes(16)));
        CommandBook book = new CommandBook();

        // DONE came before a late ACCEPTED: DONE stands; an ack naming another device never counted
        book.restore(new ResumeState.SentCommand(c, start, start.plusSeconds(10), 2, List.of(
                new Ack(c.id(), G2, Ack.Status.DONE, "", start.plusSeconds(2)),
                new Ack(c.id(), G2, Ack.Status.ACCEPTED, "", start.plusSeconds(3)),
                new Ack(c.id(), G1, Ack.Status.REJECTED, "spoofed", start.plusSeconds(4)))));

        CommandBook.TrackedCommand tracked = book.current(G2).orElseThrow();
        assertThat(tracked.state()).isEqualTo(State.DONE);
        assertThat(tracked.sends()).isEqualTo(2);
        assertThat(book.resumedCount()).isEqualTo(1);
        assertThat(book.sentCount()).isZero();
        assertThat(book.acknowledge(new Ack(c.id(), G2, Ack.Status.DONE, "", start.plusSeconds(20)))).isEqualTo(CommandBook.AckOutcome.DUPLICATE);
        assertThat(book.acceptedCount()).as("answered before the restart: the center before counted it").isZero();
        assertThatThrownBy(() -> book.restore(ResumeState.SentCommand.unanswered(c, start, start, 1))).isInstanceOf(IllegalArgumentException.class);
    }

    private static Command only(List<Command> commands) {
        assertThat(commands).hasSize(1);
        return commands.getFirst();
    }
}
