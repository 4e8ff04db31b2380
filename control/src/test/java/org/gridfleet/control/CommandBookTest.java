package org.gridfleet.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.gridfleet.control.CommandBook.AckOutcome;
import org.gridfleet.control.CommandBook.State;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.Command;
import org.gridfleet.model.control.CommandId;
import org.junit.jupiter.api.Test;

/** A command's life from sent to answered, and the answers that change nothing. */
class CommandBookTest {
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final AssetId GEN = AssetId.of("gen-1");

    final CommandBook book = new CommandBook();

    static Command command(String id, double kw) {
        return new Command(new CommandId(id), GEN, kw, T0, T0.plus(Duration.ofMinutes(16)));
    }

    static Ack ack(String id, Ack.Status status) {
        return new Ack(new CommandId(id), GEN, status, status == Ack.Status.REJECTED ? "below the minimum stable power" : "", T0.plusSeconds(1));
    }

    @Test
    void acceptedThenDone() {
        book.sent(command("c1", 250), T0);

        assertThat(book.acknowledge(ack("c1", Ack.Status.ACCEPTED))).isEqualTo(AckOutcome.APPLIED);
        assertThat(book.acknowledge(ack("c1", Ack.Status.DONE))).isEqualTo(AckOutcome.APPLIED);

        assertThat(book.find(new CommandId("c1")).orElseThrow().state()).isEqualTo(State.DONE);
        assertThat(book.acceptedCount()).isEqualTo(1);
        assertThat(book.doneCount()).isEqualTo(1);
    }

    @Test
    void duplicateAndLateAcksChangeNothing() {
        book.sent(command("c1", 250), T0);
        book.acknowledge(ack("c1", Ack.Status.ACCEPTED));
        book.acknowledge(ack("c1", Ack.Status.DONE));

        assertThat(book.acknowledge(ack("c1", Ack.Status.DONE))).isEqualTo(AckOutcome.DUPLICATE);
        assertThat(book.acknowledge(ack("c1", Ack.Status.ACCEPTED))).isEqualTo(AckOutcome.LATE);

        assertThat(book.find(new CommandId("c1")).orElseThrow().state()).isEqualTo(State.DONE);
        assertThat(book.acceptedCount()).isEqualTo(1);
        assertThat(book.doneCount()).isEqualTo(1);
        assertThat(book.duplicateAckCount()).isEqualTo(1);
        assertThat(book.lateAckCount()).isEqualTo(1);
    }

    @Test
    void aDoneCommandMayStillBeAbandoned() {
        book.sent(command("c1", 250), T0);
        book.acknowledge(ack("c1", Ack.Status.DONE));

        assertThat(book.acknowledge(ack("c1", Ack.Status.REJECTED))).isEqualTo(AckOutcome.APPLIED);
        assertThat(book.acknowledge(ack("c1", Ack.Status.DONE))).isEqualTo(AckOutcome.LATE);
        assertThat(book.current(GEN).orElseThrow().state()).isEqualTo(State.REJECTED);
    }

    @Test
    void unknownIdsAndOtherDevicesAreIgnored() {
        book.sent(command("c1", 250), T0);

        assertThat(book.acknowledge(ack("c9", Ack.Status.DONE))).isEqualTo(AckOutcome.UNKNOWN_COMMAND);
        assertThat(book.acknowledge(new Ack(new CommandId("c1"), AssetId.of("gen-2"), Ack.Status.DONE, "", T0))).isEqualTo(AckOutcome.WRONG_DEVICE);
        assertThat(book.current(GEN).orElseThrow().state()).isEqualTo(State.SENT);
        assertThat(book.unknownAckCount()).isEqualTo(2);
    }

    @Test
    void anUnansweredCommandIsDueForItsResendThenForGivingUp() {
        book.sent(command("c1", 250), T0);
        Duration timeout = Duration.ofSeconds(10);

        assertThat(book.unanswered(T0.plusSeconds(9), timeout)).isEmpty();
        assertThat(book.unanswered(T0.plusSeconds(10), timeout)).extracting(CommandBook.TrackedCommand::id).containsExactly(new CommandId("c1"));
        book.resent(new CommandId("c1"), T0.plusSeconds(10));
        assertThat(book.unanswered(T0.plusSeconds(15), timeout)).isEmpty();
        CommandBook.TrackedCommand due = book.unanswered(T0.plusSeconds(20), timeout).getFirst();
        assertThat(due.sends()).isEqualTo(2);
        book.noAnswer(due.id());

        assertThat(book.current(GEN).orElseThrow().state()).isEqualTo(State.NO_ANSWER);
        assertThat(book.noAnswerCount()).isEqualTo(1);
        assertThat(book.acknowledge(ack("c1", Ack.Status.ACCEPTED))).as("it answered after all").isEqualTo(AckOutcome.APPLIED);
        assertThat(book.noAnswerCount()).isZero();
    }

    @Test
    void aNewerCommandSupersedesTheOlderOne() {
        book.sent(command("c1", 250), T0);
        book.sent(command("c2", 300), T0.plusSeconds(5));

        assertThat(book.isCurrent(new CommandId("c1"))).isFalse();
        assertThat(book.find(new CommandId("c1")).orElseThrow().superseded()).isTrue();
        assertThat(book.unanswered(T0.plusSeconds(60), Duration.ofSeconds(10))).extracting(CommandBook.TrackedCommand::id)
                .containsExactly(new CommandId("c2"));
        book.forgetEndedBefore(T0.plus(Duration.ofHours(2)));
        assertThat(book.find(new CommandId("c1"))).isEmpty();
        assertThat(book.find(new CommandId("c2"))).isPresent();
    }
}
