package org.gridfleet.sim.site;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.gridfleet.comm.broker.BrokerAddress;
import org.gridfleet.comm.mqtt.LinkOptions;
import org.gridfleet.comm.mqtt.MeterLink;
import org.gridfleet.comm.protocol.DemandReading;
import org.gridfleet.sim.EndUserMeter;

/**
 * The end-users' meters on the network: meter head-ends, each a comm {@link MeterLink} carrying up to a given
 * number of meters. Every {@code every} of simulated time each meter's reading goes out as the average power over
 * the window since its previous one (what comm's {@code demand} payload means), made from the meter's per-step
 * readings; a frozen meter (sim's stuck register) goes on publishing its frozen value on time.
 *
 * <p>For the field's loop: {@link #measure} after every step, then {@link #tick}.
 */
final class MeterHeadEnds implements AutoCloseable {
    private final List<HeadEnd> headEnds;
    private final Duration every;
    private final AtomicLong published = new AtomicLong();
    private Instant windowStart;
    private Instant nextPublish;

    /** One link and its meters, with the energy each has measured in the current window, kW·ns. */
    private record HeadEnd(MeterLink link, List<EndUserMeter> meters, double[] energyKwNanos) {}

    private MeterHeadEnds(List<HeadEnd> headEnds, Duration every, Instant start) {
        this.headEnds = headEnds;
        this.every = every;
        this.windowStart = start;
        this.nextPublish = start.plus(every);
    }

    /**
     * Connects head-ends named {@code name-0}, {@code name-1}, ... for {@code meters}, at most {@code perLink} each.
     *
     * @throws IllegalStateException when the broker cannot be reached (the head-ends connected so far are closed)
     */
    static MeterHeadEnds connect(List<EndUserMeter> meters, BrokerAddress broker, LinkOptions options, int perLink, String name,
                                 Duration every, Instant start) {
        requireNonNull(meters, "meters");
        List<HeadEnd> headEnds = new ArrayList<>();
        try {
            for (int from = 0, k = 0; from < meters.size(); from += perLink, k++) {
                List<EndUserMeter> group = List.copyOf(meters.subList(from, Math.min(meters.size(), from + perLink)));
                headEnds.add(new HeadEnd(MeterLink.connect(broker, name + "-" + k, options), group, new double[group.size()]));
            }
        } catch (RuntimeException e) {
            headEnds.forEach(h -> h.link().close());
            throw e;
        }
        return new MeterHeadEnds(List.copyOf(headEnds), every, start);
    }

    /** Adds the step just simulated, {@code dt} long, to every meter's window. */
    void measure(Duration dt) {
        double nanos = dt.toNanos();
        for (HeadEnd headEnd : headEnds) {
            List<EndUserMeter> meters = headEnd.meters();
            double[] energy = headEnd.energyKwNanos();
            for (int i = 0; i < energy.length; i++) {
                energy[i] += meters.get(i).reading().demandKw() * nanos;
            }
        }
    }

    /** Publishes every meter's average over its window when one is due at {@code now}, each head-end on its own virtual thread. */
    void tick(Instant now) {
        if (now.isBefore(nextPublish)) {
            return;
        }
        double windowNanos = Duration.between(windowStart, now).toNanos();
        List<CompletableFuture<Void>> sending = new ArrayList<>(headEnds.size());
        for (HeadEnd headEnd : headEnds) {
            sending.add(CompletableFuture.runAsync(() -> publish(headEnd, now, windowNanos), SimulatedField.VIRTUAL));
        }
        CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new)).join();
        windowStart = now;
        do {
            nextPublish = nextPublish.plus(every);
        } while (!nextPublish.isAfter(now));
    }

    private void publish(HeadEnd headEnd, Instant now, double windowNanos) {
        double[] energy = headEnd.energyKwNanos();
        for (int i = 0; i < energy.length; i++) {
            double averageKw = windowNanos > 0 ? energy[i] / windowNanos : headEnd.meters().get(i).reading().demandKw();
            energy[i] = 0;
            if (headEnd.link().publish(new DemandReading(headEnd.meters().get(i).endUser(), now, averageKw))) {
                published.incrementAndGet();
            }
        }
    }

    /** Readings published so far. */
    long published() {
        return published.get();
    }

    int links() {
        return headEnds.size();
    }

    boolean allConnected() {
        return headEnds.stream().allMatch(h -> h.link().isConnected());
    }

    @Override
    public void close() {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (HeadEnd headEnd : headEnds) {
            closing.add(CompletableFuture.runAsync(headEnd.link()::close, SimulatedField.VIRTUAL));
        }
        CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).join();
    }
}
