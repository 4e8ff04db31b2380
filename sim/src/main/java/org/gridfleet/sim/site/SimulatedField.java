package org.gridfleet.sim.site;

import static java.util.Objects.requireNonNull;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.gridfleet.comm.broker.BrokerAddress;
import org.gridfleet.comm.mqtt.LinkOptions;
import org.gridfleet.comm.protocol.Topics;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.sim.DeviceController;
import org.gridfleet.sim.Field;
import org.gridfleet.sim.FieldOptions;
import org.gridfleet.sim.SimClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole field on the network: sim's {@link Field} for a planning problem, a {@link CommunicationDevice} for every
 * device, the meters' head-ends, and a run loop that moves simulated time at {@code speed} times the wall clock.
 * <pre>
 *   broker ◀── SiteNetwork (relay: cuts, ack delays and drops) ◀── CommunicationDevice × devices ── DeviceController
 *          ◀── MeterHeadEnds (a MeterLink per 1 000 meters) ◀────────────────────────────────── EndUserMeter × end-users
 *   run loop, every step: Field.step(step) → held acks due go on → meters → every device's tick
 * </pre>
 * One MQTT connection per device (per site), as a real field has, up to {@link Settings#maxConnections}; the links
 * run on the simulated clock, so statuses, acks and expiry checks are in simulated time. Publishing fans out over
 * virtual threads, {@value #DEVICES_PER_TASK} devices per task. Fault injection goes through {@link #field()}
 * ({@code trip}, {@code freeze}, {@code cutComms}, {@code delayAcks}, {@code dropAcks}) and takes effect at the next
 * step. See docs/simulator.md.
 *
 * <p>Either {@link #run} (paced by the wall clock, on its own thread) or {@link #advance} (as fast as it goes, on
 * the caller's thread), never both at once.
 */
public final class SimulatedField implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SimulatedField.class);
    /** Devices ticked by one virtual thread after a step. */
    static final int DEVICES_PER_TASK = 256;
    /** How many sites connect at once while the field starts. */
    private static final int CONNECTING_AT_ONCE = 32;
    /** File descriptors kept free for everything else in the process. */
    private static final int SPARE_FILE_DESCRIPTORS = 256;
    /** Falling further behind the wall clock than this, the loop stops trying to catch up and counts a slip. */
    private static final Duration MAX_LAG = Duration.ofSeconds(1);

    /** Runs each task on a new virtual thread. */
    static final Executor VIRTUAL = task -> Thread.ofVirtual().name("gridfleet-field").start(task);

    /** How the sites reach the broker. */
    public enum Network {
        /**
         * Through the field's {@link SiteNetwork}, a loopback relay that applies the communication faults on the
         * wire: a cut breaks the connection without a goodbye (the broker publishes the last will, {@code lost},
         * and keeps the session), acks (first answers too) are delayed or dropped. Three sockets per site in this
         * JVM.
         */
        RELAYED,
        /**
         * Straight to the broker, one socket per site: for the largest fields. A cut closes the link with a
         * goodbye ({@code offline}, session ended) and a restore connects anew; delays and drops apply only to the
         * acks the communication device sends itself (DONE, late REJECTED).
         */
        DIRECT
    }

    /**
     * How the field runs.
     *
     * @param field          the simulation's options (seed, noise, forced outages)
     * @param step           simulated time per step of the field
     * @param speed          simulated seconds per wall-clock second in {@link #run} (480: a day in 3 minutes)
     * @param reportEvery    telemetry period of every device, simulated time (staggered across the devices)
     * @param meterEvery     period of the meters' readings, simulated time (all meters at once)
     * @param network        how the sites reach the broker
     * @param maxConnections the most MQTT connections (one per device) the field may open
     * @param metersPerLink  meters per meter head-end (one MQTT connection each)
     * @param link           the links' options (topics, keep-alive, reconnect backoff, sessions); the clock is replaced
     *                       by the field's simulated clock
     */
    public record Settings(FieldOptions field, Duration step, double speed, Duration reportEvery, Duration meterEvery, Network network,
                           int maxConnections, int metersPerLink, LinkOptions link) {
        public Settings {
            requireNonNull(field, "field");
            requireNonNull(step, "step");
            requireNonNull(reportEvery, "reportEvery");
            requireNonNull(meterEvery, "meterEvery");
            requireNonNull(network, "network");
            requireNonNull(link, "link");
            requirePositive("step", step);
            requirePositive("reportEvery", reportEvery);
            requirePositive("meterEvery", meterEvery);
            if (!(speed > 0) || !Double.isFinite(speed)) {
                throw new IllegalArgumentException("speed must be a positive number: " + speed);
            }
            if (maxConnections < 1) {
                throw new IllegalArgumentException("maxConnections must be >= 1: " + maxConnections);
            }
            if (metersPerLink < 1) {
                throw new IllegalArgumentException("metersPerLink must be >= 1: " + metersPerLink);
            }
        }

        /**
         * {@link FieldOptions#seeded}, 1-s steps, real time (speed 1), telemetry every 5 s, meters every 15 s, the
         * relayed network, at most 5 000 connections, 1 000 meters per head-end, comm's default link options
         * with a reconnect backoff of 0.1 s to 2 s (wall clock: a restored site is back within about 2 s).
         */
        public static Settings defaults(long seed) {
            return new Settings(FieldOptions.seeded(seed), Duration.ofSeconds(1), 1, Duration.ofSeconds(5), Duration.ofSeconds(15), Network.RELAYED,
                    5_000, 1_000, LinkOptions.defaults().withReconnect(Duration.ofMillis(100), Duration.ofSeconds(2)));
        }

        public Settings withField(FieldOptions field) {
            return new Settings(field, step, speed, reportEvery, meterEvery, network, maxConnections, metersPerLink, link);
        }

        public Settings withStep(Duration step) {
            return new Settings(field, step, speed, reportEvery, meterEvery, network, maxConnections, metersPerLink, link);
        }

        public Settings withSpeed(double speed) {
            return new Settings(field, step, speed, reportEvery, meterEvery, network, maxConnections, metersPerLink, link);
        }

        public Settings withReportEvery(Duration reportEvery) {
            return new Settings(field, step, speed, reportEvery, meterEvery, network, maxConnections, metersPerLink, link);
        }

        public Settings withMeterEvery(Duration meterEvery) {
            return new Settings(field, step, speed, reportEvery, meterEvery, network, maxConnections, metersPerLink, link);
        }

        public Settings withNetwork(Network network) {
            return new Settings(field, step, speed, reportEvery, meterEvery, network, maxConnections, metersPerLink, link);
        }

        public Settings withMaxConnections(int maxConnections) {
            return new Settings(field, step, speed, reportEvery, meterEvery, network, maxConnections, metersPerLink, link);
        }

        public Settings withMetersPerLink(int metersPerLink) {
            return new Settings(field, step, speed, reportEvery, meterEvery, network, maxConnections, metersPerLink, link);
        }

        public Settings withLink(LinkOptions link) {
            return new Settings(field, step, speed, reportEvery, meterEvery, network, maxConnections, metersPerLink, link);
        }

        private static void requirePositive(String name, Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
        }
    }

    /**
     * The field at a glance.
     *
     * @param time     simulated time now
     * @param online   devices whose site is connected
     * @param outputKw total output of all devices, kW, positive into the grid
     * @param demandKw total demand of the end-users' latest readings, kW
     * @param speed    simulated seconds per wall-clock second over the latest {@link #run} (so far, while it runs; 0 before)
     * @param slips    times the loop fell more than a second behind the wall clock and gave up catching up
     */
    public record Status(Instant time, int devices, int online, double outputKw, double demandKw, double speed, long slips) {}

    private final Field field;
    private final Settings settings;
    private final BrokerAddress broker;
    private final Topics topics;
    private final SiteNetwork network;
    private final List<CommunicationDevice> devices;
    private final Map<AssetId, CommunicationDevice> byDevice;
    private final List<List<CommunicationDevice>> tasks;
    private final MeterHeadEnds meters;
    private final AtomicLong tickFailures = new AtomicLong();
    private final AtomicLong slips = new AtomicLong();
    private volatile boolean running;
    private volatile boolean stopRequested;
    private volatile CompletableFuture<Void> loop = CompletableFuture.completedFuture(null);
    private volatile long runWallStart;
    private volatile long runWallEnd;
    private volatile Instant runSimStart;
    private volatile boolean closed;

    private SimulatedField(Field field, Settings settings, BrokerAddress broker, SiteNetwork network, List<CommunicationDevice> devices,
                           MeterHeadEnds meters) {
        this.field = field;
        this.settings = settings;
        this.broker = broker;
        this.topics = settings.link().topics();
        this.network = network;
        this.devices = List.copyOf(devices);
        Map<AssetId, CommunicationDevice> map = new HashMap<>();
        for (CommunicationDevice device : devices) {
            map.put(device.device(), device);
        }
        this.byDevice = Collections.unmodifiableMap(map);
        List<List<CommunicationDevice>> chunks = new ArrayList<>();
        for (int from = 0; from < this.devices.size(); from += DEVICES_PER_TASK) {
            chunks.add(this.devices.subList(from, Math.min(this.devices.size(), from + DEVICES_PER_TASK)));
        }
        this.tasks = List.copyOf(chunks);
        this.meters = meters;
    }

    /**
     * Builds the field of {@code problem} at the start of its horizon and connects every site and the meters'
     * head-ends to the broker at {@code broker}; returns when all are online. Simulated time stands still until
     * {@link #run} or {@link #advance}.
     *
     * @throws IllegalArgumentException when the field needs more connections than {@code settings.maxConnections()}
     * @throws IllegalStateException    when this process may not open enough sockets, or the broker cannot be reached
     */
    public static SimulatedField connect(PlanningProblem problem, BrokerAddress broker, Settings settings) {
        requireNonNull(problem, "problem");
        requireNonNull(broker, "broker");
        requireNonNull(settings, "settings");
        int deviceCount = problem.assets().size();
        int meterLinks = (problem.endUsers().size() + settings.metersPerLink() - 1) / settings.metersPerLink();
        if (deviceCount > settings.maxConnections()) {
            throw new IllegalArgumentException(deviceCount + " devices need " + deviceCount + " MQTT connections, one per site, but at most "
                    + settings.maxConnections() + " are allowed: raise the limit, or split the fleet over several processes");
        }
        checkFileDescriptors(deviceCount, settings.network(), meterLinks);
        checkReachable(broker, settings.link().connectTimeout());

        long started = System.nanoTime();
        SimClock clock = new SimClock(problem.grid().start());
        Field field = new Field(problem, settings.field(), clock);
        LinkOptions options = settings.link().withClock(clock);
        SiteNetwork network = settings.network() == Network.RELAYED ? new SiteNetwork(broker, clock) : null;
        BrokerAddress sitesConnectTo = network == null ? broker : network.address();
        List<DeviceController> controllers = field.controllers();
        CommunicationDevice[] connected = new CommunicationDevice[controllers.size()];
        List<CompletableFuture<Void>> connecting = new ArrayList<>(controllers.size());
        Semaphore atOnce = new Semaphore(CONNECTING_AT_ONCE);
        Instant start = clock.now();
        long reportNanos = settings.reportEvery().toNanos();
        for (int i = 0; i < controllers.size(); i++) {
            int index = i;
            DeviceController controller = controllers.get(i);
            if (network != null) {
                network.register(controller.id(), siteClientId(options.topics(), controller.id()), options.topics().ack(controller.id()),
                        field.faults(controller.id()), seed(settings.field().seed(), "ack-drop", controller.id().value()));
            }
            // reports staggered over the first period, as independent devices are: each reports once per period
            Instant firstReport = start.plusNanos(reportNanos * (i + 1) / controllers.size());
            connecting.add(CompletableFuture.runAsync(() -> {
                atOnce.acquireUninterruptibly();
                try {
                    connected[index] = CommunicationDevice.connect(controller, field.faults(controller.id()), sitesConnectTo, options, network,
                            settings.reportEvery(), firstReport, seed(settings.field().seed(), "ack-drop", controller.id().value()));
                } finally {
                    atOnce.release();
                }
            }, VIRTUAL));
        }
        MeterHeadEnds meters = null;
        try {
            CompletableFuture.allOf(connecting.toArray(CompletableFuture[]::new)).join();
            String name = "field-" + UUID.randomUUID().toString().substring(0, 8);
            meters = MeterHeadEnds.connect(field.meters(), broker, options, settings.metersPerLink(), name, settings.meterEvery(), start);
        } catch (RuntimeException e) {
            closeAll(Arrays.asList(connected), network);
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        }
        log.info("field of {} devices and {} end-users connected to {} ({} network, {} meter head-ends) in {} ms", deviceCount,
                problem.endUsers().size(), broker, settings.network().name().toLowerCase(Locale.ROOT), meters.links(),
                (System.nanoTime() - started) / 1_000_000);
        return new SimulatedField(field, settings, broker, network, List.of(connected), meters);
    }

    /** comm's client id of a site: {@code {root with / as .}-site-{device}} (docs/comm-protocol.md). */
    static String siteClientId(Topics topics, AssetId device) {
        return topics.root().replace('/', '.') + "-site-" + device.value();
    }

    /** A seed for {@code purpose} of {@code id}, mixed from the field's seed (SplitMix64 finaliser). */
    static long seed(long seed, String purpose, String id) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (String text : new String[] {purpose, id}) {
            for (int i = 0; i < text.length(); i++) {
                h = mix(h + text.charAt(i));
            }
            h = mix(h + text.length());
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Fails fast, naming the broker, when nothing listens there (rather than every site timing out on its own). */
    private static void checkReachable(BrokerAddress broker, Duration timeout) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(broker.host(), broker.port()), (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        } catch (IOException e) {
            throw new IllegalStateException("no MQTT broker answers at " + broker + ": " + e.getMessage(), e);
        }
    }

    /** Refuses to start a field this process cannot open the sockets for, naming what to do instead. */
    private static void checkFileDescriptors(int devices, Network network, int meterLinks) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (!(os instanceof UnixOperatingSystemMXBean unix)) {
            return;
        }
        long perSite = network == Network.RELAYED ? 3 : 1;
        long needed = devices * perSite + meterLinks + SPARE_FILE_DESCRIPTORS;
        long free = unix.getMaxFileDescriptorCount() - unix.getOpenFileDescriptorCount();
        if (needed > free) {
            throw new IllegalStateException(devices + " devices on the " + network.name().toLowerCase(Locale.ROOT) + " network need about "
                    + needed + " file descriptors (" + perSite + " per site" + (perSite == 3 ? ": the site's socket and the relay's two" : "")
                    + ", plus the meters' links and " + SPARE_FILE_DESCRIPTORS + " spare), but this process has " + free + " left of "
                    + unix.getMaxFileDescriptorCount() + " (ulimit -n)"
                    + (network == Network.RELAYED ? ": use the direct network (3 times fewer)," : ":")
                    + " run the broker as a separate process (an in-process broker takes one more per site), raise ulimit -n,"
                    + " or split the fleet over several processes");
        }
    }

    // ---- what is inside ----------------------------------------------------------------------------------

    /** sim's field: controllers, meters, the clock, and fault injection. */
    public Field field() {
        return field;
    }

    public SimClock clock() {
        return field.clock();
    }

    public Settings settings() {
        return settings;
    }

    /** The broker the field publishes to. */
    public BrokerAddress broker() {
        return broker;
    }

    public Topics topics() {
        return topics;
    }

    /** Every communication device, in the problem's order of assets. */
    public List<CommunicationDevice> devices() {
        return devices;
    }

    public CommunicationDevice device(AssetId device) {
        CommunicationDevice d = byDevice.get(device);
        if (d == null) {
            throw new IllegalArgumentException("no device " + device + " in this field");
        }
        return d;
    }

    /** Readings the meters' head-ends published so far. */
    public long meterReadingsPublished() {
        return meters.published();
    }

    /** Acks of {@code device} dropped on the wire so far (relayed network; 0 on the direct one). */
    public long acksDroppedOnTheWire(AssetId device) {
        return network == null ? 0 : network.droppedAcks(device);
    }

    /** Acks of {@code device} held back on the wire so far (relayed network; 0 on the direct one). */
    public long acksDelayedOnTheWire(AssetId device) {
        return network == null ? 0 : network.delayedAcks(device);
    }

    /** Failures of a device's tick so far (each logged). */
    public long tickFailures() {
        return tickFailures.get();
    }

    public Status status() {
        int online = 0;
        for (CommunicationDevice device : devices) {
            if (device.isOnline()) {
                online++;
            }
        }
        double speed = 0;
        Instant simStart = runSimStart;
        if (simStart != null) {
            double wallSeconds = ((running ? System.nanoTime() : runWallEnd) - runWallStart) / 1e9;
            speed = wallSeconds > 0 ? Duration.between(simStart, field.now()).toNanos() / 1e9 / wallSeconds : 0;
        }
        return new Status(field.now(), devices.size(), online, field.totalPowerKw(), field.totalDemandKw(), speed, slips.get());
    }

    // ---- running -----------------------------------------------------------------------------------------

    /**
     * Runs the field on its own thread, {@code speed} simulated seconds per wall-clock second, for {@code simulated}
     * of simulated time or, when null, until {@link #stop}. Each step: the field steps by {@code step}, held acks
     * whose delay passed go on, the meters measure (and publish when due), every device ticks (outbox acks,
     * telemetry when due). When the machine cannot keep up, the loop runs flat out and, more than a second behind,
     * stops trying to catch up (counted as slips in {@link #status()}).
     *
     * @return completes when the run ends
     * @throws IllegalStateException when it is running already
     */
    public synchronized CompletableFuture<Void> run(Duration simulated) {
        if (closed) {
            throw new IllegalStateException("the field is closed");
        }
        if (running) {
            throw new IllegalStateException("the field is running already");
        }
        if (simulated != null && simulated.isNegative()) {
            throw new IllegalArgumentException("simulated duration must not be negative: " + simulated);
        }
        running = true;
        stopRequested = false;
        CompletableFuture<Void> done = new CompletableFuture<>();
        Instant end = simulated == null ? null : field.now().plus(simulated);
        Thread.ofPlatform().daemon(true).name("gridfleet-field-loop").start(() -> {
            Throwable failure = null;
            try {
                loop(end);
            } catch (Throwable t) {
                log.error("the field's run loop failed at {}", field.now(), t);
                failure = t;
            }
            runWallEnd = System.nanoTime();
            running = false; // before the future completes: whoever waits on it sees the field stopped
            if (failure == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(failure);
            }
        });
        loop = done;
        return done;
    }

    /** Asks the run loop to stop after its current step; {@link #run}'s future completes then. */
    public void stop() {
        stopRequested = true;
    }

    public boolean isRunning() {
        return running;
    }

    private void loop(Instant end) {
        Duration step = settings.step();
        double nanosPerSimNano = 1 / settings.speed();
        long wallStart = System.nanoTime();
        Instant simStart = field.now();
        runWallStart = wallStart;
        runSimStart = simStart;
        long maxLagNanos = MAX_LAG.toNanos();
        while (!stopRequested && (end == null || field.now().isBefore(end))) {
            Duration dt = end == null ? step : min(step, Duration.between(field.now(), end));
            long simAfterStep = Duration.between(simStart, field.now()).plus(dt).toNanos();
            long readyAt = wallStart + (long) (simAfterStep * nanosPerSimNano);
            long wait = readyAt - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(Math.min(wait, 50_000_000L));
                continue;
            }
            if (-wait > maxLagNanos) { // behind: carry on from here at the set speed
                slips.incrementAndGet();
                simStart = field.now();
                wallStart = System.nanoTime();
            }
            stepOnce(dt);
        }
        settle();
    }

    /**
     * Simulates {@code simulated} as fast as it goes on the caller's thread, step by step as {@link #run} does
     * (for tests and batch runs).
     *
     * @throws IllegalStateException while {@link #run} is running
     */
    public void advance(Duration simulated) {
        requireNonNull(simulated, "simulated");
        if (closed) {
            throw new IllegalStateException("the field is closed");
        }
        if (running) {
            throw new IllegalStateException("the field is running: stop it before advancing it by hand");
        }
        Instant end = field.now().plus(simulated);
        while (field.now().isBefore(end)) {
            stepOnce(min(settings.step(), Duration.between(field.now(), end)));
        }
        settle();
    }

    /**
     * When time stops, sends the acks from the outbox that are due but were waiting for their command's first
     * answer to go out first ({@link CommunicationDevice#FIRST_ANSWER_LEAD}), so that none stays behind.
     */
    private void settle() {
        Instant now = field.now();
        for (int attempt = 0; attempt < 3 && devices.stream().anyMatch(d -> d.hasDueAcks(now)); attempt++) {
            LockSupport.parkNanos(CommunicationDevice.FIRST_ANSWER_LEAD.toNanos());
            for (CommunicationDevice device : devices) {
                device.flush(now);
            }
        }
    }

    private void stepOnce(Duration dt) {
        field.step(dt);
        Instant now = field.now();
        if (network != null) {
            network.release();
        }
        meters.measure(dt);
        meters.tick(now);
        if (tasks.size() == 1) {
            tickAll(tasks.getFirst(), now);
        } else if (tasks.size() > 1) {
            List<CompletableFuture<Void>> ticking = new ArrayList<>(tasks.size());
            for (List<CommunicationDevice> task : tasks) {
                ticking.add(CompletableFuture.runAsync(() -> tickAll(task, now), VIRTUAL));
            }
            CompletableFuture.allOf(ticking.toArray(CompletableFuture[]::new)).join();
        }
    }

    private void tickAll(List<CommunicationDevice> task, Instant now) {
        for (CommunicationDevice device : task) {
            try {
                device.tick(now);
            } catch (RuntimeException e) {
                long n = tickFailures.incrementAndGet();
                if (n == 1 || n % 1000 == 0) {
                    log.warn("{}: its tick at {} failed ({} failures so far)", device.device(), now, n, e);
                }
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Stops the loop, says goodbye from every site (offline) and the meters, and closes the sites' network. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        stop();
        try {
            loop.exceptionally(t -> null).join();
        } finally {
            meters.close();
            closeAll(devices, network);
        }
    }

    private static void closeAll(List<CommunicationDevice> devices, SiteNetwork network) {
        List<CompletableFuture<Void>> closing = new ArrayList<>(devices.size());
        for (CommunicationDevice device : devices) {
            if (device != null) {
                closing.add(CompletableFuture.runAsync(device::close, VIRTUAL));
            }
        }
        CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).exceptionally(t -> null).join();
        if (network != null) {
            network.close();
        }
    }

    @Override
    public String toString() {
        return "SimulatedField[" + devices.size() + " devices via " + broker + ", " + settings.network() + ", at " + field.now() + "]";
    }
}
