package org.gridfleet.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.gridfleet.comm.mqtt.CenterHandler;
import org.gridfleet.comm.protocol.DemandReading;
import org.gridfleet.comm.protocol.Rejection;
import org.gridfleet.comm.protocol.SiteStatus;
import org.gridfleet.control.ControlEvent;
import org.gridfleet.control.ControlListener;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.Telemetry;

/**
 * What {@link LiveBench}'s control center receives, measured: a {@link CenterHandler} that hands every message on to
 * the real center (or to nothing, as a counting handler) and then records it. Telemetry lag is taken when the
 * center has taken the message (after the delegate returns), against the wall-clock instant at which the field's
 * simulated clock reached the telemetry's time stamp ({@link #anchor}); acks are matched to the commands
 * registered with {@link #sent}.
 */
final class LiveProbe implements CenterHandler {
    private volatile CenterHandler delegate = new CenterHandler() {};
    /** Wall-clock epoch nanos when the field's run began, and its simulated instant then; speed 1. */
    private volatile long wallStartNanos;
    private volatile long simStartNanos;
    private volatile boolean anchored;

    private final AtomicLong telemetry = new AtomicLong();
    private final AtomicLong acks = new AtomicLong();
    private final AtomicLong statuses = new AtomicLong();
    private final AtomicLong demand = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong unknownAcks = new AtomicLong();
    private final Set<AssetId> online = ConcurrentHashMap.newKeySet();
    private final Map<AssetId, Telemetry> latest = new ConcurrentHashMap<>();
    private final Map<String, Track> commands = new ConcurrentHashMap<>();
    private volatile String centerGroup = "center";
    private final Map<String, Long> rejectionReasons = new ConcurrentHashMap<>();
    private final Object lagLock = new Object();
    private long[] lags = new long[1 << 16];
    private int lagCount;

    /** Hands every message to {@code center} first (the full control center), instead of to nothing. */
    void delegateTo(CenterHandler center) {
        this.delegate = center;
    }

    /** From now on telemetry lag is measured: the field's simulated clock stood at {@code simStart} at wall-clock {@code wallStart}. */
    void anchor(Instant simStart, Instant wallStart) {
        simStartNanos = epochNanos(simStart);
        wallStartNanos = epochNanos(wallStart);
        anchored = true;
    }

    static long epochNanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    // ---- CenterHandler ----------------------------------------------------------------------------------------

    @Override
    public void telemetry(Telemetry t) {
        delegate.telemetry(t);
        if (anchored) {
            long lag = epochNanos(Instant.now()) - (wallStartNanos + (epochNanos(t.time()) - simStartNanos));
            synchronized (lagLock) {
                if (lagCount == lags.length) {
                    lags = Arrays.copyOf(lags, lags.length * 2);
                }
                lags[lagCount++] = lag;
            }
        }
        latest.put(t.device(), t);
        telemetry.incrementAndGet();
    }

    @Override
    public void ack(Ack ack) {
        delegate.ack(ack);
        long now = System.nanoTime();
        acks.incrementAndGet();
        Track track = commands.get(ack.command().value());
        if (track == null) {
            unknownAcks.incrementAndGet();
            return;
        }
        track.answer(ack.status(), now);
        if (ack.status() == Ack.Status.REJECTED) {
            String reason = ack.reason().replaceAll("[0-9]+([.][0-9]+)?", "#");
            rejectionReasons.merge(reason.length() > 160 ? reason.substring(0, 160) + "…" : reason, 1L, Long::sum);
        }
    }

    @Override
    public void status(SiteStatus status) {
        delegate.status(status);
        statuses.incrementAndGet();
        if (status.state() == SiteStatus.State.ONLINE) {
            online.add(status.device());
        } else {
            online.remove(status.device());
        }
    }

    @Override
    public void demand(DemandReading reading) {
        delegate.demand(reading);
        demand.incrementAndGet();
    }

    @Override
    public void rejected(Rejection rejection) {
        delegate.rejected(rejection);
        refused.incrementAndGet();
    }

    // ---- the center's own commands -----------------------------------------------------------------------------

    /** The group the center's next commands are counted in (its START dispatch, then the run's re-dispatches). */
    void centerGroup(String group) {
        centerGroup = group;
    }

    /** A listener for the control center: registers each command it sends (first attempts only). */
    ControlListener listener() {
        return event -> {
            if (event instanceof ControlEvent.CommandSent sent && sent.attempt() == 1) {
                sent(centerGroup, sent.command().id().value(), System.nanoTime());
            }
        };
    }

    // ---- commands and their answers ----------------------------------------------------------------------------

    void sent(String group, String commandId, long nanos) {
        commands.put(commandId, new Track(group, nanos));
    }

    void routed(String commandId, long nanos, boolean routed) {
        Track track = commands.get(commandId);
        if (track != null) {
            track.routedNanos = nanos;
            track.routed = routed;
        }
    }

    List<Track> group(String group) {
        List<Track> out = new ArrayList<>();
        for (Track t : commands.values()) {
            if (t.group.equals(group)) {
                out.add(t);
            }
        }
        return out;
    }

    static long answered(Collection<Track> tracks) {
        return tracks.stream().filter(t -> t.answerNanos != 0).count();
    }

    static long done(Collection<Track> tracks) {
        return tracks.stream().filter(t -> t.doneNanos != 0).count();
    }

    /** One command, from the moment it was handed to the link to its broker PUBACK, first answer and DONE. */
    static final class Track {
        final String group;
        final long sentNanos;
        volatile long routedNanos;
        volatile boolean routed;
        volatile long answerNanos;
        volatile Ack.Status answer;
        volatile long doneNanos;

        Track(String group, long sentNanos) {
            this.group = group;
            this.sentNanos = sentNanos;
        }

        synchronized void answer(Ack.Status status, long nanos) {
            if (status == Ack.Status.DONE) {
                if (doneNanos == 0) {
                    doneNanos = nanos;
                }
                if (answerNanos == 0) { // a DONE that overtook its ACCEPTED on the wire still answers
                    answerNanos = nanos;
                    answer = status;
                }
            } else if (answerNanos == 0 || answer == Ack.Status.DONE) {
                if (answerNanos == 0) {
                    answerNanos = nanos;
                }
                answer = status;
            }
        }
    }

    // ---- reading the figures -------------------------------------------------------------------------------

    /** The lags recorded since the last call, in nanoseconds, sorted. */
    long[] drainLags() {
        long[] out;
        synchronized (lagLock) {
            out = Arrays.copyOf(lags, lagCount);
            lagCount = 0;
        }
        Arrays.sort(out);
        return out;
    }

    long telemetryReceived() {
        return telemetry.get();
    }

    long acksReceived() {
        return acks.get();
    }

    long statusesReceived() {
        return statuses.get();
    }

    long demandReceived() {
        return demand.get();
    }

    long refused() {
        return refused.get();
    }

    long unknownAcks() {
        return unknownAcks.get();
    }

    /** Rejections of tracked commands by reason, digits replaced by {@code #}, most frequent first. */
    Map<String, Long> rejectionReasons() {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        rejectionReasons.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    int online() {
        return online.size();
    }

    Telemetry latest(AssetId device) {
        return latest.get(device);
    }
}
