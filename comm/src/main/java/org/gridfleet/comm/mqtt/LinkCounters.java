package org.gridfleet.comm.mqtt;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.gridfleet.comm.protocol.MessageKind;
import org.gridfleet.comm.protocol.Rejection;

/** What one link has seen since it started; thread-safe, cheap to update from the network thread. */
public final class LinkCounters {
    private final Map<MessageKind, LongAdder> accepted = new EnumMap<>(MessageKind.class);
    private final Map<Rejection.Reason, LongAdder> rejected = new EnumMap<>(Rejection.Reason.class);
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder handlerFailures = new LongAdder();
    private final LongAdder publishFailures = new LongAdder();
    private final LongAdder droppedWhileOffline = new LongAdder();
    private final LongAdder connects = new LongAdder();
    private final LongAdder connectionLosses = new LongAdder();
    private final LongAdder failedConnectAttempts = new LongAdder();

    LinkCounters() {
        for (MessageKind kind : MessageKind.values()) {
            accepted.put(kind, new LongAdder());
        }
        for (Rejection.Reason reason : Rejection.Reason.values()) {
            rejected.put(reason, new LongAdder());
        }
    }

    /** Well-formed messages of {@code kind} received and handed on. */
    public long accepted(MessageKind kind) {
        return accepted.get(kind).sum();
    }

    /** Messages refused for {@code reason}. */
    public long rejected(Rejection.Reason reason) {
        return rejected.get(reason).sum();
    }

    /** All refused messages. */
    public long rejected() {
        return rejected.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Refused messages by reason, only reasons that occurred. */
    public Map<Rejection.Reason, Long> rejections() {
        Map<Rejection.Reason, Long> counts = new EnumMap<>(Rejection.Reason.class);
        rejected.forEach((reason, count) -> {
            if (count.sum() > 0) {
                counts.put(reason, count.sum());
            }
        });
        return Collections.unmodifiableMap(counts);
    }

    /** Resent commands answered again without being applied (sites only). */
    public long duplicates() {
        return duplicates.sum();
    }

    /** Exceptions thrown by the owner's handler, caught so the network thread goes on. */
    public long handlerFailures() {
        return handlerFailures.sum();
    }

    /** Messages the broker did not take. */
    public long publishFailures() {
        return publishFailures.sum();
    }

    /** Telemetry or demand readings not sent because the link was down (the next sample supersedes them). */
    public long droppedWhileOffline() {
        return droppedWhileOffline.sum();
    }

    /** Successful connections, the first one included. */
    public long connects() {
        return connects.sum();
    }

    /** Connections lost (not closed by us); each is followed by reconnect attempts. */
    public long connectionLosses() {
        return connectionLosses.sum();
    }

    /** Connection attempts that failed (the broker unreachable or refusing); the reconnect waits longer after each. */
    public long failedConnectAttempts() {
        return failedConnectAttempts.sum();
    }

    void countAccepted(MessageKind kind) {
        accepted.get(kind).increment();
    }

    void countRejected(Rejection.Reason reason) {
        rejected.get(reason).increment();
    }

    void countDuplicate() {
        duplicates.increment();
    }

    void countHandlerFailure() {
        handlerFailures.increment();
    }

    void countPublishFailure() {
        publishFailures.increment();
    }

    void countDroppedWhileOffline() {
        droppedWhileOffline.increment();
    }

    void countConnect() {
        connects.increment();
    }

    void countConnectionLoss() {
        connectionLosses.increment();
    }

    void countFailedConnectAttempt() {
        failedConnectAttempts.increment();
    }

    @Override
    public String toString() {
        return "LinkCounters[connects=" + connects() + ", losses=" + connectionLosses() + ", failedAttempts=" + failedConnectAttempts() + ", rejected=" + rejections()
                + ", duplicates=" + duplicates() + ", handlerFailures=" + handlerFailures() + ", publishFailures=" + publishFailures()
                + ", droppedWhileOffline=" + droppedWhileOffline() + "]";
    }
}
