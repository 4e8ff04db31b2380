package org.gridfleet.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.gridfleet.control.Cause;
import org.gridfleet.control.ControlEvent;
import org.gridfleet.control.ControlListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control center's events, pushed to every browser on {@code GET /api/events} as server-sent events. The center
 * calls listeners with its lock held, so an event only joins each subscriber's bounded queue here (the oldest is
 * dropped when a slow client falls 1 000 events behind); one virtual thread per subscriber writes them out. Telemetry
 * and meter readings are not pushed (hundreds a second on a large fleet): clients read {@code /api/devices}.
 */
public final class EventHub implements ControlListener {
    private static final Logger log = LoggerFactory.getLogger(EventHub.class);
    static final int QUEUE = 1_000;
    /** A comment this often tells a silent stream from a dead one (and finds clients that left). */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    /** One event: its SSE name and its JSON body as a record. */
    record Frame(long id, String type, Object data) {}

    private final AtomicLong ids = new AtomicLong();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ObjectMapper mapper = Json.mapper();

    @Override
    public void on(ControlEvent event) {
        Object data = data(event);
        if (data == null || subscribers.isEmpty()) {
            return;
        }
        Frame frame = new Frame(ids.incrementAndGet(), type(event), data);
        for (Subscriber s : subscribers) {
            s.offer(frame);
        }
    }

    /** Subscribers connected now. */
    public int subscribers() {
        return subscribers.size();
    }

    /** Keeps {@code client} open and streams every event from now on to it, starting with a {@code ready} event. */
    void subscribe(SseClient client, String plant) {
        client.keepAlive();
        Subscriber s = new Subscriber(client);
        subscribers.add(s);
        client.onClose(() -> s.closed = true);
        s.offer(new Frame(ids.get(), "ready", Map.of("plant", plant)));
        Thread.ofVirtual().name("sse-subscriber").start(() -> {
            try {
                s.drain();
            } finally {
                subscribers.remove(s);
            }
        });
    }

    private final class Subscriber {
        final SseClient client;
        final BlockingQueue<Frame> queue = new ArrayBlockingQueue<>(QUEUE);
        volatile boolean closed;
        long dropped;

        Subscriber(SseClient client) {
            this.client = client;
        }

        void offer(Frame frame) {
            while (!queue.offer(frame)) {
                if (queue.poll() != null) {
                    dropped++;
                }
            }
        }

        void drain() {
            try {
                while (!closed && !client.terminated()) {
                    Frame f = queue.poll(KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
                    if (f == null) {
                        client.sendComment("keep-alive");
                    } else {
                        client.sendEvent(f.type(), mapper.writeValueAsString(f.data()), Long.toString(f.id()));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (JsonProcessingException | RuntimeException e) {
                log.debug("an events stream ended: {}", e.toString());
            } finally {
                if (dropped > 0) {
                    log.warn("a slow events client missed {} events", dropped);
                }
                client.close();
            }
        }
    }

    private static String type(ControlEvent event) {
        return switch (event) {
            case ControlEvent.AlarmRaised a -> "alarm";
            case ControlEvent.AlarmUpdated a -> "alarm";
            case ControlEvent.AlarmCleared a -> "alarm";
            case ControlEvent.AlarmAcknowledged a -> "alarm";
            case ControlEvent.Redispatched r -> "dispatch";
            case ControlEvent.Replanned r -> "replan";
            case ControlEvent.CommandSent c -> "command";
            case ControlEvent.AckReceived a -> "ack";
            case ControlEvent.StatusChanged s -> "site";
            case ControlEvent.OverrideSet o -> "override";
            case ControlEvent.OverrideEnded o -> "override";
            default -> "other";
        };
    }

    /** The event's JSON body, or null for events not pushed. */
    private static Object data(ControlEvent event) {
        return switch (event) {
            case ControlEvent.AlarmRaised a -> new AlarmChange("raised", PlantViews.alarm(a.alarm()));
            case ControlEvent.AlarmUpdated a -> new AlarmChange("updated", PlantViews.alarm(a.alarm()));
            case ControlEvent.AlarmCleared a -> new AlarmChange("cleared", PlantViews.alarm(a.alarm()));
            case ControlEvent.AlarmAcknowledged a -> new AlarmChange("acknowledged", PlantViews.alarm(a.alarm()));
            case ControlEvent.Redispatched r -> new DispatchEvent(r.time(), r.redispatch().intervalStart(),
                    r.redispatch().causes().stream().map(Cause::toString).toList(), r.redispatch().demandKw(), r.redispatch().result().devicesKw(),
                    r.redispatch().result().shortKw(), r.redispatch().commandsSent());
            case ControlEvent.Replanned r -> new ReplanEvent(r.time(), r.replan().from(), PlantViews.lower(r.replan().reason().name()),
                    r.replan().why(), r.replan().plan().generator());
            case ControlEvent.CommandSent c -> new CommandEvent(c.time(), c.command().id().value(), c.command().device().value(),
                    c.command().setpointKw(), c.attempt());
            case ControlEvent.AckReceived a -> new AckEvent(a.time(), a.ack().command().value(), a.ack().device().value(),
                    PlantViews.lower(a.ack().status().name()), a.ack().reason(), PlantViews.lower(a.outcome().name()));
            case ControlEvent.StatusChanged s -> new SiteEvent(s.time(), s.status().device().value(), PlantViews.lower(s.status().state().name()));
            case ControlEvent.OverrideSet o -> new OverrideEvent(o.time(), o.override().device().value(), "set", "", PlantViews.override(o.override()));
            case ControlEvent.OverrideEnded o -> new OverrideEvent(o.time(), o.override().device().value(), "ended", o.how(),
                    PlantViews.override(o.override()));
            default -> null;
        };
    }

    record AlarmChange(String change, org.gridfleet.server.view.AlarmView alarm) {}

    record DispatchEvent(Instant time, Instant intervalStart, List<String> causes, double demandKw, double devicesKw, double shortKw,
                         int commandsSent) {}

    record ReplanEvent(Instant time, Instant from, String reason, String why, String generator) {}

    record CommandEvent(Instant time, String command, String device, double setpointKw, int attempt) {}

    record AckEvent(Instant time, String command, String device, String status, String reason, String outcome) {}

    record SiteEvent(Instant time, String device, String state) {}

    /** A manual override set or ended ({@code how}: returned by whom, or lapsed). */
    record OverrideEvent(Instant time, String device, String change, String how, org.gridfleet.server.view.OverrideView override) {}
}
