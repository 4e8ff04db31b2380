package org.gridfleet.sim.site;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.gridfleet.comm.broker.BrokerAddress;
import org.gridfleet.model.AssetId;
import org.gridfleet.sim.SiteFaults;
import org.gridfleet.sim.site.MqttWire.Packet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sites' network: a loopback TCP relay between the communication devices and the broker that puts each site's
 * {@link SiteFaults} on the wire, where a real network shows them:
 * <pre>
 *   site links ──▶ 127.0.0.1:relay ──▶ broker          (one relayed TCP connection per site, 3 sockets in this JVM)
 *     cut      both sockets reset at once, no MQTT DISCONNECT: the broker publishes the site's last will (lost) and
 *              keeps its session; reconnection attempts are reset after their CONNECT until restored
 *     drop     an ack PUBLISH is not forwarded; the relay answers the site's PUBACK in the broker's stead
 *     delay    an ack PUBLISH is held until the simulated clock has moved on by the delay, then forwarded
 * </pre>
 * It reads just enough MQTT ({@link MqttWire}) to know which site a connection belongs to (the CONNECT's client id)
 * and which packets are acks (a PUBLISH on the site's ack topic), and turns topic aliases off in the CONNACK so
 * that every PUBLISH names its topic. Held acks are released by {@link #release}, which the run loop calls after
 * every step; an ack held on a connection that broke meanwhile is discarded, and the site's MQTT client sends it
 * again after reconnecting (it never had the broker's PUBACK), where it is held again.
 *
 * <p>Thread-safe. Each connection runs on two virtual threads, one per direction.
 */
final class SiteNetwork implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SiteNetwork.class);
    private static final int CONNECT_READ_TIMEOUT_MS = 10_000;
    private static final Duration DRAIN_ON_CLOSE = Duration.ofSeconds(2);

    private final BrokerAddress broker;
    private final InstantSource clock;
    private final ServerSocket server;
    private final Map<String, Site> byClientId = new ConcurrentHashMap<>();
    private final Map<AssetId, Site> byDevice = new ConcurrentHashMap<>();
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Starts relaying from a free port of 127.0.0.1 to {@code broker}; held acks are timed on {@code clock}. */
    SiteNetwork(BrokerAddress broker, InstantSource clock) {
        this.broker = requireNonNull(broker, "broker");
        this.clock = requireNonNull(clock, "clock");
        try {
            this.server = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("the sites' network could not listen on the loopback interface", e);
        }
        Thread.ofVirtual().name("site-network-accept").start(this::acceptLoop);
    }

    /** Where the sites connect instead of the broker. */
    BrokerAddress address() {
        return new BrokerAddress("127.0.0.1", server.getLocalPort());
    }

    /**
     * Makes the site of {@code device}, whose MQTT client connects as {@code clientId} and publishes its acks on
     * {@code ackTopic}, subject to {@code faults}; drops are drawn from a stream seeded with {@code seed}.
     */
    void register(AssetId device, String clientId, String ackTopic, SiteFaults faults, long seed) {
        Site site = new Site(device, ackTopic, faults, new SplittableRandom(seed));
        byClientId.put(clientId, site);
        byDevice.put(device, site);
    }

    /** Breaks the site's connection now, both ways, without a goodbye, and refuses it until {@link #restore}. */
    void cut(AssetId device) {
        Site site = site(device);
        Link link;
        synchronized (site) {
            site.cut = true;
            link = site.current;
            site.current = null;
        }
        if (link != null) {
            link.reset();
        }
    }

    /** Lets the site connect again; its MQTT client does so at its next reconnection attempt. */
    void restore(AssetId device) {
        Site site = site(device);
        synchronized (site) {
            site.cut = false;
        }
    }

    boolean isCut(AssetId device) {
        return site(device).cut;
    }

    /** Forwards every held ack whose delay has passed on the clock, in the order they arrived. */
    void release() {
        Instant now = clock.instant();
        for (Site site : byDevice.values()) {
            if (site.heldCount() > 0) {
                site.release(now);
            }
        }
    }

    /** Acks of {@code device} dropped so far. */
    long droppedAcks(AssetId device) {
        return site(device).dropped.get();
    }

    /** Acks of {@code device} held back so far (each counted when it was held). */
    long delayedAcks(AssetId device) {
        return site(device).delayed.get();
    }

    /** Acks of {@code device} held now. */
    int heldAcks(AssetId device) {
        return site(device).heldCount();
    }

    /** Connections relayed now. */
    int connections() {
        return links.size();
    }

    private Site site(AssetId device) {
        Site site = byDevice.get(device);
        if (site == null) {
            throw new IllegalArgumentException("no site of " + device + " on this network");
        }
        return site;
    }

    // ---- relaying ----------------------------------------------------------------------------------------

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    log.warn("the sites' network stopped accepting connections: {}", e.toString());
                }
                return;
            }
            Thread.ofVirtual().name("site-network-link").start(() -> relay(client));
        }
    }

    /** Reads the CONNECT to learn the site, then relays both ways; runs the site-to-broker direction itself. */
    private void relay(Socket client) {
        Link link = null;
        try {
            client.setTcpNoDelay(true);
            client.setSoTimeout(CONNECT_READ_TIMEOUT_MS);
            InputStream fromClient = new BufferedInputStream(client.getInputStream());
            Packet connect = MqttWire.read(fromClient);
            if (connect == null || connect.type() != MqttWire.CONNECT) {
                reset(client);
                return;
            }
            String clientId = MqttWire.connectClientId(connect);
            int level = MqttWire.protocolLevel(connect);
            client.setSoTimeout(0);
            Site site = byClientId.get(clientId);
            if (site != null && site.cut) {
                reset(client); // the network is down for this site
                return;
            }
            Socket upstream = new Socket();
            upstream.setTcpNoDelay(true);
            upstream.connect(new InetSocketAddress(broker.host(), broker.port()), CONNECT_READ_TIMEOUT_MS);
            link = new Link(client, upstream, site);
            links.add(link);
            if (site != null) {
                Link previous;
                synchronized (site) {
                    if (site.cut) { // cut while we were connecting upstream
                        link.reset();
                        return;
                    }
                    previous = site.current;
                    site.current = link;
                }
                if (previous != null) {
                    previous.close(); // a stale connection the client has given up on
                }
            }
            link.toBroker(connect);
            Link started = link;
            InputStream fromBroker = new BufferedInputStream(upstream.getInputStream());
            Thread.ofVirtual().name("site-network-down").start(() -> pumpDown(started, fromBroker, level));
            pumpUp(link, fromClient);
        } catch (IOException | RuntimeException e) {
            log.debug("site network: a relayed connection ended: {}", e.toString());
        } finally {
            if (link != null) {
                link.close();
            } else {
                closeQuietly(client);
            }
        }
    }

    private void pumpUp(Link link, InputStream fromClient) throws IOException {
        Packet packet;
        while ((packet = MqttWire.read(fromClient)) != null) {
            Site site = link.site;
            if (site != null && packet.type() == MqttWire.PUBLISH && site.ackTopic.equals(MqttWire.publishTopic(packet))) {
                site.ack(link, packet);
            } else {
                link.toBroker(packet);
            }
        }
    }

    private void pumpDown(Link link, InputStream fromBroker, int level) {
        try {
            Packet packet = MqttWire.read(fromBroker);
            if (packet != null && packet.type() == MqttWire.CONNACK && level >= 5) {
                packet = MqttWire.withoutTopicAliasMaximum(packet);
            }
            while (packet != null) {
                link.toClient(packet);
                packet = MqttWire.read(fromBroker);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("site network: the broker side of a connection ended: {}", e.toString());
        } finally {
            link.close();
        }
    }

    /** Stops accepting, lets the connections still closing finish briefly, then closes the rest. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        long deadline = System.nanoTime() + DRAIN_ON_CLOSE.toNanos();
        while (!links.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10); // the sites' DISCONNECTs are on their way through
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Link link : List.copyOf(links)) {
            link.close();
        }
    }

    @Override
    public String toString() {
        return "SiteNetwork[" + address() + " -> " + broker + "]";
    }

    // ---- one site, one connection ------------------------------------------------------------------------

    /** A held ack: the packet, the connection it came on, and when it may go on. */
    private record Held(Link link, Packet packet, Instant due) {}

    private final class Site {
        final AssetId device;
        final String ackTopic;
        final SiteFaults faults;
        final SplittableRandom random;
        final List<Held> held = new ArrayList<>();
        final AtomicLong dropped = new AtomicLong();
        final AtomicLong delayed = new AtomicLong();
        volatile boolean cut;
        volatile Link current;

        Site(AssetId device, String ackTopic, SiteFaults faults, SplittableRandom random) {
            this.device = device;
            this.ackTopic = ackTopic;
            this.faults = faults;
            this.random = random;
        }

        /** An ack PUBLISH from the site: dropped, held or forwarded. */
        void ack(Link link, Packet packet) throws IOException {
            double p = faults.ackDropProbability();
            boolean drop;
            synchronized (this) {
                drop = p > 0 && (p >= 1 || random.nextDouble() < p);
            }
            if (drop) {
                dropped.incrementAndGet();
                int packetId = MqttWire.publishPacketId(packet);
                if (packetId >= 0) {
                    link.toClient(MqttWire.pubAck(packetId)); // the site believes it delivered
                }
                return;
            }
            Duration delay = faults.ackDelay();
            synchronized (this) {
                if (!delay.isZero()) {
                    delayed.incrementAndGet();
                    held.add(new Held(link, packet, clock.instant().plus(delay)));
                    return;
                }
                if (!held.isEmpty()) { // the delay was lifted: this one follows those still held
                    held.add(new Held(link, packet, clock.instant()));
                    return;
                }
            }
            link.toBroker(packet);
        }

        synchronized int heldCount() {
            return held.size();
        }

        void release(Instant now) {
            List<Held> due = new ArrayList<>();
            synchronized (this) {
                for (Iterator<Held> it = held.iterator(); it.hasNext(); ) {
                    Held h = it.next();
                    if (!h.due().isAfter(now)) {
                        due.add(h);
                        it.remove();
                    }
                }
            }
            for (Held h : due) {
                if (h.link() == current && !h.link().closed) {
                    try {
                        h.link().toBroker(h.packet());
                    } catch (IOException e) {
                        h.link().close(); // the client sends it again after reconnecting
                    }
                }
            }
        }

        @Override
        public String toString() {
            return "site " + device;
        }
    }

    /** One relayed connection: the site's socket and ours to the broker. */
    private final class Link {
        final Socket client;
        final Socket upstream;
        final Site site;
        final OutputStream toClient;
        final OutputStream toBroker;
        volatile boolean closed;

        Link(Socket client, Socket upstream, Site site) throws IOException {
            this.client = client;
            this.upstream = upstream;
            this.site = site;
            this.toClient = new BufferedOutputStream(client.getOutputStream());
            this.toBroker = new BufferedOutputStream(upstream.getOutputStream());
        }

        void toBroker(Packet packet) throws IOException {
            synchronized (toBroker) {
                toBroker.write(packet.bytes());
                toBroker.flush();
            }
        }

        void toClient(Packet packet) throws IOException {
            synchronized (toClient) {
                toClient.write(packet.bytes());
                toClient.flush();
            }
        }

        /** Breaks both sides at once with a TCP reset, as a failing network does. */
        void reset() {
            forget();
            SiteNetwork.reset(client);
            SiteNetwork.reset(upstream);
        }

        /** An orderly close of both sides: what was sent is delivered first (a DISCONNECT on its way stays valid). */
        void close() {
            forget();
            closeQuietly(client);
            closeQuietly(upstream);
        }

        private void forget() {
            closed = true;
            links.remove(this);
            if (site != null) {
                synchronized (site) {
                    if (site.current == this) {
                        site.current = null;
                    }
                }
            }
        }
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // already closed
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
