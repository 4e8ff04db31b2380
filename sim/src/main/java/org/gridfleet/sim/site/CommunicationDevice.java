package org.gridfleet.sim.site;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.gridfleet.comm.broker.BrokerAddress;
import org.gridfleet.comm.mqtt.LinkCounters;
import org.gridfleet.comm.mqtt.LinkOptions;
import org.gridfleet.comm.mqtt.SiteLink;
import org.gridfleet.comm.protocol.CommandDecision;
import org.gridfleet.comm.protocol.DeviceCommand;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.control.Ack;
import org.gridfleet.sim.DeviceController;
import org.gridfleet.sim.SiteFaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The communication device at one device's site: wires the device's {@link DeviceController} to the network
 * through a comm {@link SiteLink}.
 * <ul>
 *   <li>Commands: the link's command intake hands each new command to {@link DeviceController#accept} once and
 *       sends its answer (ACCEPTED or REJECTED); a resend is answered again, not applied again.</li>
 *   <li>Later acks: after every step of the field ({@link #tick}) it sends what the controller left in its outbox
 *       (DONE, a late REJECTED), oldest first.</li>
 *   <li>Telemetry every {@code reportEvery} of simulated time (QoS 0; dropped while the link is down).</li>
 *   <li>The site's {@link SiteFaults}, read at every tick. On the relayed network ({@link SimulatedField.Network#RELAYED})
 *       the network applies them on the wire ({@link SiteNetwork}): a cut breaks the connection without a
 *       goodbye (the broker publishes the last will, {@code lost}), and every ack, first answers included, is
 *       delayed or dropped there. On the direct network a cut closes the link with a goodbye ({@code offline};
 *       the broker forgets the session) and a restore connects a new one, and the delay and drop apply to the
 *       acks this device sends itself (DONE, late REJECTED); the first answer goes out as it is.</li>
 * </ul>
 * A DONE for a command decided less than {@link #FIRST_ANSWER_LEAD} ago (wall clock) waits that long, so that it
 * follows the first answer, which the link sends on the network's thread just after the decision, onto the wire.
 *
 * <p>{@link #tick} is for the field's loop (one call at a time per device); commands arrive on the network's threads.
 */
public final class CommunicationDevice implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CommunicationDevice.class);
    /** How long (wall clock) an ack from the outbox waits after a command was decided: see the class comment. */
    static final Duration FIRST_ANSWER_LEAD = Duration.ofMillis(50);

    private final DeviceController controller;
    private final SiteFaults faults;
    private final BrokerAddress address;
    private final LinkOptions options;
    private final SiteNetwork network;
    private final Duration reportEvery;
    private final SplittableRandom dropRandom;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final AtomicLong commands = new AtomicLong();
    private final AtomicLong telemetrySent = new AtomicLong();
    private final AtomicLong acksSent = new AtomicLong();
    private final AtomicLong acksDropped = new AtomicLong();
    private volatile SiteLink link;
    private volatile long lastDecisionNanos = System.nanoTime() - FIRST_ANSWER_LEAD.toNanos();
    private volatile boolean closed;
    private Instant nextReport;
    private boolean cutApplied;
    private volatile CompletableFuture<Void> switching = CompletableFuture.completedFuture(null);

    /** An ack from the outbox waiting to be sent, not before {@code due} on the simulated clock. */
    private record Pending(Ack ack, Instant due) {}

    private CommunicationDevice(DeviceController controller, SiteFaults faults, BrokerAddress address, LinkOptions options,
                                SiteNetwork network, Duration reportEvery, Instant firstReport, long seed) {
        this.controller = requireNonNull(controller, "controller");
        this.faults = requireNonNull(faults, "faults");
        this.address = requireNonNull(address, "address");
        this.options = requireNonNull(options, "options");
        this.network = network;
        this.reportEvery = requireNonNull(reportEvery, "reportEvery");
        this.nextReport = requireNonNull(firstReport, "firstReport");
        this.dropRandom = new SplittableRandom(seed);
    }

    /**
     * Connects the site of {@code controller}'s device to the broker at {@code address} (the sites' network when
     * {@code network} is not null) and waits until it is online.
     *
     * @param options     the links' options, on the simulated clock
     * @param firstReport when the first telemetry is due; then every {@code reportEvery}
     * @param seed        the seed of this device's ack drops on the direct network
     * @throws IllegalStateException when the broker cannot be reached within the connect timeout
     */
    static CommunicationDevice connect(DeviceController controller, SiteFaults faults, BrokerAddress address, LinkOptions options,
                                       SiteNetwork network, Duration reportEvery, Instant firstReport, long seed) {
        CommunicationDevice device = new CommunicationDevice(controller, faults, address, options, network, reportEvery, firstReport, seed);
        device.link = SiteLink.connect(address, controller.id(), device::decide, options);
        return device;
    }

    public AssetId device() {
        return controller.id();
    }

    public DeviceController controller() {
        return controller;
    }

    /** Whether the site's link is connected to the broker now. */
    public boolean isOnline() {
        SiteLink l = link;
        return l != null && l.isConnected();
    }

    /**
     * The counters of the site's current link; empty while the direct network's link is cut (a new link after the
     * restore starts at zero).
     */
    public Optional<LinkCounters> counters() {
        SiteLink l = link;
        return l == null ? Optional.empty() : Optional.of(l.counters());
    }

    /** New commands decided so far (resends not counted). */
    public long commandsDecided() {
        return commands.get();
    }

    /** Telemetry samples sent so far. */
    public long telemetrySent() {
        return telemetrySent.get();
    }

    /** Acks from the controller's outbox handed to the link so far. */
    public long outboxAcksSent() {
        return acksSent.get();
    }

    /** Acks from the outbox dropped by this device (direct network only; the relayed network counts its own). */
    public long outboxAcksDropped() {
        return acksDropped.get();
    }

    // ---- commands ----------------------------------------------------------------------------------------

    /** The link's command handler: a new command goes to the controller once; its answer goes back as it is. */
    private CommandDecision decide(DeviceCommand command) {
        lastDecisionNanos = System.nanoTime();
        Ack answer = controller.accept(command.command()); // the reactive set point travels inside the command
        commands.incrementAndGet();
        lastDecisionNanos = System.nanoTime();
        return CommandDecision.of(answer);
    }

    // ---- the field's loop --------------------------------------------------------------------------------

    /** After a step of the field, at simulated instant {@code now}: faults, the outbox's acks, telemetry when due. */
    void tick(Instant now) {
        applyCut();
        if (controller.outbox().size() > 0) {
            List<Ack> drained = controller.outbox().drain();
            for (Ack ack : drained) {
                admit(ack, now);
            }
        }
        if (!pending.isEmpty()) {
            sendDue(now);
        }
        if (!now.isBefore(nextReport)) {
            report(now);
            do {
                nextReport = nextReport.plus(reportEvery);
            } while (!nextReport.isAfter(now));
        }
    }

    /** Whether acks from the outbox are due at {@code now} and a link is there to take them, but they still wait. */
    boolean hasDueAcks(Instant now) {
        return link != null && !pending.isEmpty() && !pending.peek().due().isAfter(now);
    }

    /** Sends the outbox's acks due at {@code now}, as {@link #tick} does, without telemetry; for the loop's end. */
    void flush(Instant now) {
        if (!pending.isEmpty()) {
            sendDue(now);
        }
    }

    /** An ack from the outbox: on the direct network dropped or held as the faults say; else queued to go now. */
    private void admit(Ack ack, Instant now) {
        if (network == null) {
            double p = faults.ackDropProbability();
            if (p > 0 && (p >= 1 || dropRandom.nextDouble() < p)) {
                acksDropped.incrementAndGet();
                return;
            }
            pending.add(new Pending(ack, now.plus(faults.ackDelay())));
        } else {
            pending.add(new Pending(ack, now));
        }
    }

    private void sendDue(Instant now) {
        if (System.nanoTime() - lastDecisionNanos < FIRST_ANSWER_LEAD.toNanos()) {
            return;
        }
        SiteLink l = link;
        if (l == null) {
            return; // the direct network's link is cut or being replaced: they go after the restore
        }
        while (!pending.isEmpty() && !pending.peek().due().isAfter(now)) {
            Ack ack = pending.poll().ack();
            try {
                l.acknowledge(ack); // QoS 1: the link queues it while reconnecting
                acksSent.incrementAndGet();
            } catch (RuntimeException e) {
                log.warn("{}: could not send the ack {} {}: {}", device(), ack.status(), ack.command(), e.toString());
            }
        }
    }

    private void report(Instant now) {
        SiteLink l = link;
        if (l != null && l.publish(controller.telemetry(now))) {
            telemetrySent.incrementAndGet();
        }
    }

    /** Follows the cut flag: on the relayed network the network cuts; on the direct one the link closes or reconnects. */
    private void applyCut() {
        boolean cut = faults.commsCut();
        if (cut == cutApplied) {
            return;
        }
        cutApplied = cut;
        if (network != null) {
            if (cut) {
                network.cut(device());
            } else {
                network.restore(device());
            }
            return;
        }
        if (cut) {
            SiteLink l = link;
            link = null;
            switching = switching.thenRunAsync(() -> {
                if (l != null) {
                    l.close(); // a goodbye: offline, and the broker forgets the session and the will
                }
            }, SimulatedField.VIRTUAL);
        } else {
            switching = switching.thenRunAsync(this::reconnect, SimulatedField.VIRTUAL);
        }
    }

    /** Direct network: connects a new link, retrying while the cut stays lifted and the device open. */
    private void reconnect() {
        while (!closed && !faults.commsCut()) {
            try {
                SiteLink fresh = SiteLink.connect(address, device(), this::decide, options);
                if (closed || faults.commsCut()) {
                    fresh.close();
                } else {
                    link = fresh;
                }
                return;
            } catch (IllegalStateException e) {
                log.warn("{}: reconnecting after the restored cut failed, trying again: {}", device(), e.getMessage());
            }
        }
    }

    /** Says goodbye (offline) and disconnects. */
    @Override
    public void close() {
        closed = true;
        switching.join();
        SiteLink l = link;
        link = null;
        if (l != null) {
            l.close();
        }
    }

    @Override
    public String toString() {
        return "CommunicationDevice[" + device() + (network == null ? ", direct" : ", relayed") + "]";
    }
}
