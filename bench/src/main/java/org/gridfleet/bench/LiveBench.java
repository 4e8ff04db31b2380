package org.gridfleet.bench;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.gridfleet.comm.broker.BrokerAddress;
import org.gridfleet.comm.mqtt.CenterLink;
import org.gridfleet.comm.mqtt.LinkOptions;
import org.gridfleet.comm.mqtt.SendResult;
import org.gridfleet.comm.protocol.DeviceCommand;
import org.gridfleet.comm.protocol.Topics;
import org.gridfleet.control.CenterLinkSink;
import org.gridfleet.control.ControlCenter;
import org.gridfleet.control.ControlOptions;
import org.gridfleet.control.ControlReport;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.Command;
import org.gridfleet.model.control.CommandId;
import org.gridfleet.model.control.OperatingState;
import org.gridfleet.model.control.Telemetry;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;
import org.gridfleet.sim.FieldOptions;
import org.gridfleet.sim.site.SimulatedField;
import org.gridfleet.sim.site.SimulatedField.Network;

/**
 * The live plant over MQTT, measured (issue 7): a seeded synthetic fleet of N devices simulated by sim's
 * {@link SimulatedField} against a broker, every device reporting telemetry once per second of simulated time at speed
 * 1 (real time), and a control center on the same broker, either comm's {@link CenterLink} with a counting handler
 * ({@code --center counting}) or the full {@link ControlCenter} behind it ({@code --center full}, on the fleet's
 * merit-order plan, ticked every second). A plain program, like {@link PlanBench}: one run of minutes is no JMH
 * operation.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.gridfleet.bench.LiveBench [--devices 1000] [--end-users N]
 *        [--center counting|full] [--field-jvm] [--broker tcp://127.0.0.1:1883] [--network direct|relayed]
 *        [--warm-up 30s] [--duration 3m] [--window 10s] [--fan-outs 3] [--fan-out-gap 15s] [--step 1s]
 *        [--answer-wait 30s] [--report-every 1s] [--meter-every 60s] [--intervals 8] [--seed 1] [--broker-pid PID]</pre>
 *
 * <p>Prints, as markdown tables: one row per window of the run (telemetry sent and received per second, lag p50/p99/max,
 * CPU of this JVM (the center's, with the field, or without it with {@code --field-jvm}), of the field's JVM and of the
 * broker in cores, heap and resident memory), one row per fan-out
 * (the center sends one set point to every device at once: time to hand them all to the link, to the last PUBACK, to
 * every first answer and DONE; latency from send to ACCEPTED and to DONE), and a summary row of the steady window.
 *
 * <p>Lag is the wall-clock time from the instant the field's simulated clock reached a report's time stamp (the step
 * that ends there begins no earlier, so a field that keeps real time has lag from 0) to the moment the center has
 * taken the report (its handler returned). With {@code --field-jvm} the field runs in a second JVM started by this
 * one (same options and class path), so that field and center each have a JVM, a heap and an MQTT client of their own.
 */
public final class LiveBench {
    private LiveBench() {}

    enum CenterKind { COUNTING, FULL }

    /** How the field runs: shared by this JVM and the field's own ({@link LiveFieldProcess}). */
    record FieldConfig(int devices, long seed, Network network, Duration step, Duration reportEvery, Duration meterEvery) {
        SimulatedField.Settings settings(Topics topics) {
            return SimulatedField.Settings.defaults(seed).withField(FieldOptions.seeded(seed)).withSpeed(1).withStep(step)
                    .withReportEvery(reportEvery).withMeterEvery(meterEvery).withNetwork(network).withMaxConnections(devices)
                    .withLink(LinkOptions.defaults().withTopics(topics).withReconnect(Duration.ofMillis(500), Duration.ofSeconds(5))
                            .withConnectTimeout(Duration.ofSeconds(60)));
        }

        List<String> args() {
            return List.of("--devices", Integer.toString(devices), "--seed", Long.toString(seed), "--network", network.name(),
                    "--step", step.toMillis() + "ms", "--report-every", reportEvery.toMillis() + "ms", "--meter-every", meterEvery.toMillis() + "ms");
        }

        static FieldConfig parse(List<String> args) {
            int devices = 0;
            long seed = 1;
            Network network = Network.DIRECT;
            Duration step = Duration.ofSeconds(1);
            Duration reportEvery = Duration.ofSeconds(1);
            Duration meterEvery = Duration.ofSeconds(60);
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--devices" -> devices = Integer.parseInt(args.get(++i));
                    case "--seed" -> seed = Long.parseLong(args.get(++i));
                    case "--network" -> network = Network.valueOf(args.get(++i).toUpperCase(Locale.ROOT));
                    case "--step" -> step = duration(args.get(++i));
                    case "--report-every" -> reportEvery = duration(args.get(++i));
                    case "--meter-every" -> meterEvery = duration(args.get(++i));
                    default -> throw new IllegalArgumentException("unknown field option " + args.get(i));
                }
            }
            return new FieldConfig(devices, seed, network, step, reportEvery, meterEvery);
        }
    }

    record Options(int devices, int endUsers, int intervals, BrokerAddress broker, CenterKind center, boolean fieldJvm, FieldConfig field,
                   Duration warmUp, Duration duration, Duration window, int fanOuts, Duration fanOutGap, Duration answerWait, OptionalLong brokerPid) {}

    public static void main(String[] args) throws Exception {
        int devices = 1000;
        int endUsers = -1;
        int intervals = 8;
        long seed = 1;
        BrokerAddress broker = BrokerAddress.parse("tcp://127.0.0.1:1883");
        CenterKind center = CenterKind.COUNTING;
        boolean fieldJvm = false;
        Network network = Network.DIRECT;
        Duration step = Duration.ofSeconds(1);
        Duration reportEvery = Duration.ofSeconds(1);
        Duration meterEvery = Duration.ofSeconds(60);
        Duration warmUp = Duration.ofSeconds(30);
        Duration duration = Duration.ofMinutes(3);
        Duration window = Duration.ofSeconds(10);
        int fanOuts = 3;
        Duration fanOutGap = Duration.ofSeconds(15);
        Duration answerWait = Duration.ofSeconds(30);
        OptionalLong brokerPid = OptionalLong.empty();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--devices" -> devices = Integer.parseInt(args[++i]);
                case "--end-users" -> endUsers = Integer.parseInt(args[++i]);
                case "--intervals" -> intervals = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--broker" -> broker = BrokerAddress.parse(args[++i]);
                case "--center" -> center = CenterKind.valueOf(args[++i].toUpperCase(Locale.ROOT));
                case "--field-jvm" -> fieldJvm = true;
                case "--network" -> network = Network.valueOf(args[++i].toUpperCase(Locale.ROOT));
                case "--step" -> step = duration(args[++i]);
                case "--report-every" -> reportEvery = duration(args[++i]);
                case "--meter-every" -> meterEvery = duration(args[++i]);
                case "--warm-up" -> warmUp = duration(args[++i]);
                case "--duration" -> duration = duration(args[++i]);
                case "--window" -> window = duration(args[++i]);
                case "--fan-outs" -> fanOuts = Integer.parseInt(args[++i]);
                case "--fan-out-gap" -> fanOutGap = duration(args[++i]);
                case "--answer-wait" -> answerWait = duration(args[++i]);
                case "--broker-pid" -> brokerPid = OptionalLong.of(Long.parseLong(args[++i]));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (see the class comment of " + LiveBench.class.getName() + ")");
            }
        }
        if (endUsers < 0) {
            endUsers = devices;
        }
        if (brokerPid.isEmpty()) {
            brokerPid = ProcStats.findProcess("mosquitto");
        }
        Options o = new Options(devices, endUsers, intervals, broker, center, fieldJvm,
                new FieldConfig(devices, seed, network, step, reportEvery, meterEvery), warmUp, duration, window, fanOuts, fanOutGap, answerWait, brokerPid);
        new Run(o).execute();
    }

    /** {@code 250ms}, {@code 30s}, {@code 3m}, {@code 1h}. */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> throw new IllegalArgumentException("a duration is a number and ms, s, m or h: " + text);
        };
    }

    /** The simulated clock of a field in another JVM, read from the wall clock: frozen at its start until the run. */
    static final class MappedClock implements InstantSource {
        private final Instant simStart;
        private volatile Instant wallStart;

        MappedClock(Instant simStart) {
            this.simStart = simStart;
        }

        void anchor(Instant wallStart) {
            this.wallStart = wallStart;
        }

        @Override
        public Instant instant() {
            Instant w = wallStart;
            return w == null ? simStart : simStart.plus(Duration.between(w, Instant.now()));
        }
    }

    /** One window of the run, as measured. */
    record Window(double fromS, double toS, String phase, double sentPerS, double receivedPerS, long[] lags, double benchCpu, double fieldCpu,
                  double brokerCpu, long heapMib, long rssMib, long fieldHeapMib, long fieldRssMib, long slips) {}

    /** One fan-out's figures. */
    record FanOut(String name, int commands, double loopMs, double lastPubackMs, int routed, long answered, long accepted, long rejected,
                  double[] answerMs, double allAnsweredMs, long done, double[] doneMs, double allDoneMs) {}

    private static final class Run {
        private final Options o;
        private final String runId = UUID.randomUUID().toString().substring(0, 8);
        private final Topics topics;
        private final LiveProbe probe = new LiveProbe();
        private final List<Window> windows = new ArrayList<>();
        private final List<FanOut> fanOuts = new ArrayList<>();
        private final List<Long> tickNanos = new ArrayList<>();
        private volatile String phase = "warm-up";
        private PlanningProblem problem;
        private SimulatedField field;
        private LiveFieldProcess fieldProcess;
        private InstantSource clock;
        private CenterLink link;
        private ControlCenter center;
        private long runStartNanos;
        // the sampler's previous values
        private long lastNanos;
        private long lastSent;
        private long lastReceived;
        private long lastBenchCpu;
        private long lastFieldCpu;
        private long lastBrokerCpu;
        private volatile long fieldPeakRssMib = -1;
        private volatile long brokerPeakRssMib = -1;

        Run(Options o) {
            this.o = o;
            this.topics = new Topics("gridfleet-bench/" + runId);
        }

        void execute() throws Exception {
            header();
            BenchFleet fleet = BenchFleet.write(o.devices() + "x" + o.endUsers(), o.intervals(), o.field().seed());
            try {
                execute(fleet);
            } finally {
                closeAll();
                fleet.delete();
            }
        }

        /** Closes the center's link and the field (every site says goodbye), and clears the sites' retained statuses. */
        private void closeAll() {
            try {
                if (link != null) {
                    link.close();
                    link = null;
                }
                if (field != null) {
                    field.close();
                    field = null;
                }
                if (fieldProcess != null) {
                    fieldProcess.close();
                    fieldProcess = null;
                }
                if (problem != null) {
                    clearRetainedStatuses();
                    problem = null;
                }
            } catch (RuntimeException e) {
                System.err.println("closing failed: " + e);
            }
        }

        private void execute(BenchFleet fleet) throws Exception {
            long t0 = System.nanoTime();
            if (o.fieldJvm()) {
                fieldProcess = LiveFieldProcess.start(fleet.fleetYaml(), o.broker(), topics, o.field());
            }
            problem = fleet.ingestOnce();
            log("fleet of %d devices and %d end-users ingested in %.1f s", problem.assets().size(), problem.endUsers().size(), seconds(t0));
            DispatchPlan plan = null;
            if (o.center() == CenterKind.FULL) {
                long tp = System.nanoTime();
                plan = new MeritOrderPlanGenerator().generate(problem).getFirst();
                log("merit-order plan in %.1f s", seconds(tp));
            }
            double fieldConnectS;
            MappedClock mapped = null;
            if (fieldProcess == null) {
                long tc = System.nanoTime();
                field = SimulatedField.connect(problem, o.broker(), o.field().settings(topics));
                fieldConnectS = seconds(tc);
                clock = field.clock();
            } else {
                mapped = new MappedClock(problem.grid().start());
                clock = mapped;
                fieldConnectS = Double.NaN;
            }
            CenterLinkSink sink = null;
            if (o.center() == CenterKind.FULL) {
                sink = new CenterLinkSink();
                center = new ControlCenter(problem, plan, clock, sink, ControlOptions.defaults(), probe.listener());
                probe.delegateTo(center);
            }
            link = CenterLink.connect(o.broker(), "bench-" + runId, probe, LinkOptions.defaults().withTopics(topics).withClock(clock)
                    .withConnectTimeout(Duration.ofSeconds(60)));
            if (sink != null) {
                sink.attach(link);
            }
            if (fieldProcess != null) {
                fieldConnectS = fieldProcess.awaitReady(Duration.ofMinutes(5)) / 1000.0;
            }
            log("field connected in %.1f s (%s network, %s)", fieldConnectS, o.field().network().name().toLowerCase(Locale.ROOT),
                    fieldProcess == null ? "in this JVM" : "in its own JVM, pid " + fieldProcess.pid());
            awaitOnline(Duration.ofSeconds(60));

            String startDispatch = null;
            long startTickNanos = 0;
            if (center != null) { // the plan's first set points, before time moves (as gridfleet demo does)
                startDispatch = "center's START dispatch";
                probe.centerGroup(startDispatch);
                long ts = System.nanoTime();
                center.tick();
                startTickNanos = System.nanoTime() - ts;
                awaitAnswers(startDispatch, ts, o.answerWait(), false);
                probe.centerGroup("center's re-dispatches during the run");
            }

            Instant simStart;
            Instant wallStart;
            if (fieldProcess == null) {
                simStart = field.clock().now();
                wallStart = Instant.now();
                field.run(null);
            } else {
                Instant[] started = fieldProcess.run();
                simStart = started[0];
                wallStart = started[1];
                mapped.anchor(wallStart);
            }
            runStartNanos = System.nanoTime();
            probe.anchor(simStart, wallStart);
            log("running from %s (simulated) at %s (wall clock)", simStart, wallStart);

            ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, r -> {
                Thread t = new Thread(r, "live-bench");
                t.setDaemon(true);
                return t;
            });
            sampleBaseline();
            printWindowHeader();
            timers.scheduleAtFixedRate(this::sample, o.window().toNanos(), o.window().toNanos(), TimeUnit.NANOSECONDS);
            if (center != null) {
                timers.scheduleWithFixedDelay(() -> {
                    long ts = System.nanoTime();
                    try {
                        center.tick();
                    } catch (RuntimeException e) {
                        System.err.println("the center's tick failed: " + e);
                    }
                    long d = System.nanoTime() - ts;
                    synchronized (tickNanos) {
                        tickNanos.add(d);
                    }
                }, 1, 1, TimeUnit.SECONDS);
            }

            sleepUntil(o.warmUp());
            phase = "steady";
            sleepUntil(o.warmUp().plus(o.duration()));
            phase = "fan-out";
            for (int i = 1; i <= o.fanOuts(); i++) {
                fanOut("fan-out " + i);
                if (i < o.fanOuts()) {
                    Thread.sleep(o.fanOutGap().toMillis());
                }
            }
            // let the last window after the fan-outs close
            long elapsed = System.nanoTime() - runStartNanos;
            long windowNanos = o.window().toNanos();
            Thread.sleep((windowNanos - elapsed % windowNanos) / 1_000_000 + 200);
            phase = "after";
            timers.shutdownNow();
            timers.awaitTermination(10, TimeUnit.SECONDS);

            // the center's report while every site is still online (stopping the field takes them offline)
            ControlReport report = center == null ? null : center.report();
            long sentTotal;
            long slips;
            long tickFailures;
            if (fieldProcess == null) {
                field.stop();
                while (field.isRunning()) {
                    Thread.sleep(10);
                }
                sentTotal = LiveFieldProcess.sent(field);
                slips = field.status().slips();
                tickFailures = field.tickFailures();
            } else {
                long[] fin = fieldProcess.stop();
                sentTotal = fin[0];
                slips = fin[1];
                tickFailures = fin[2];
            }
            Thread.sleep(3000); // the last reports on their way
            long receivedTotal = probe.telemetryReceived();

            if (center != null) {
                System.out.println();
                System.out.printf(Locale.ROOT, "The center's START dispatch: one tick of %.0f ms (inputs, the LP, %d commands handed to the link)%n",
                        startTickNanos / 1e6, probe.group(startDispatch).size());
            }
            printFanOuts(startDispatch);
            printSummary(sentTotal, receivedTotal, slips, tickFailures, report);
        }

        // ---- phases ------------------------------------------------------------------------------------------

        private void awaitOnline(Duration patience) throws InterruptedException {
            long deadline = System.nanoTime() + patience.toNanos();
            int n = problem.assets().size();
            while (probe.online() < n && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            log("%d of %d sites online at the center", probe.online(), n);
        }

        private void sleepUntil(Duration sinceRunStart) throws InterruptedException {
            long wait = runStartNanos + sinceRunStart.toNanos() - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }

        /** Sends one set point to every device at once, through the center's link: each device's present output. */
        private void fanOut(String name) throws InterruptedException {
            Instant now = clock.instant();
            Instant until = now.plus(Duration.ofMinutes(10));
            long k = Math.max(0, Math.min(problem.grid().intervals() - 1, problem.grid().indexOf(now)));
            List<Asset> assets = problem.assets();
            List<CompletableFuture<SendResult>> sends = new ArrayList<>(assets.size());
            long begin = System.nanoTime();
            for (int i = 0; i < assets.size(); i++) {
                Asset asset = assets.get(i);
                String id = runId + "-" + name.replace(' ', '-') + "-" + i;
                Command command = new Command(new CommandId(id), asset.id(), setpointKw(asset, probe.latest(asset.id()), (int) k), now, until);
                probe.sent(name, id, System.nanoTime());
                CompletableFuture<SendResult> sent = link.send(DeviceCommand.of(command));
                sent.whenComplete((r, f) -> probe.routed(id, System.nanoTime(), f == null && r == SendResult.ROUTED));
                sends.add(sent);
            }
            long loopEnd = System.nanoTime();
            log("%s: %d commands handed to the link in %.0f ms", name, assets.size(), (loopEnd - begin) / 1e6);
            fanOuts.add(awaitAnswers(name, begin, o.answerWait(), true, loopEnd));
        }

        private FanOut awaitAnswers(String group, long begin, Duration patience, boolean waitForDone) throws InterruptedException {
            return awaitAnswers(group, begin, patience, waitForDone, 0);
        }

        /** Waits for every first answer (and, if asked, until DONE stops coming for 3 s), then sums the group up. */
        private FanOut awaitAnswers(String group, long begin, Duration patience, boolean waitForDone, long loopEnd) throws InterruptedException {
            long deadline = System.nanoTime() + patience.toNanos();
            List<LiveProbe.Track> tracks = probe.group(group);
            while (LiveProbe.answered(tracks) < tracks.size() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            if (waitForDone) {
                long lastDone = -1;
                long quietSince = System.nanoTime();
                long doneDeadline = System.nanoTime() + patience.toNanos();
                while (System.nanoTime() < doneDeadline && LiveProbe.done(tracks) < tracks.size()) {
                    long d = LiveProbe.done(tracks);
                    if (d != lastDone) {
                        lastDone = d;
                        quietSince = System.nanoTime();
                    } else if (System.nanoTime() - quietSince > 3_000_000_000L) {
                        break;
                    }
                    Thread.sleep(50);
                }
            }
            FanOut f = summarise(group, tracks, begin, loopEnd == 0 ? begin : loopEnd);
            if (!group.startsWith("fan-out")) {
                fanOuts.add(f);
            }
            log("%s: %d of %d answered (%d accepted, %d rejected) in %.0f ms, %d DONE", group, f.answered(), f.commands(), f.accepted(), f.rejected(),
                    f.allAnsweredMs(), f.done());
            return f;
        }

        private static FanOut summarise(String name, List<LiveProbe.Track> tracks, long begin, long loopEnd) {
            long lastRouted = 0;
            long lastAnswer = 0;
            long lastDone = 0;
            int routed = 0;
            long accepted = 0;
            long rejected = 0;
            List<Double> answer = new ArrayList<>();
            List<Double> done = new ArrayList<>();
            long first = Long.MAX_VALUE;
            for (LiveProbe.Track t : tracks) {
                first = Math.min(first, t.sentNanos);
                if (t.routedNanos != 0) {
                    lastRouted = Math.max(lastRouted, t.routedNanos);
                    if (t.routed) {
                        routed++;
                    }
                }
                if (t.answerNanos != 0) {
                    lastAnswer = Math.max(lastAnswer, t.answerNanos);
                    answer.add((t.answerNanos - t.sentNanos) / 1e6);
                    if (t.answer == Ack.Status.REJECTED) {
                        rejected++;
                    } else {
                        accepted++;
                    }
                }
                if (t.doneNanos != 0) {
                    lastDone = Math.max(lastDone, t.doneNanos);
                    done.add((t.doneNanos - t.sentNanos) / 1e6);
                }
            }
            long start = tracks.isEmpty() ? begin : Math.min(begin, first);
            return new FanOut(name, tracks.size(), (Math.max(loopEnd, start) - start) / 1e6, lastRouted == 0 ? Double.NaN : (lastRouted - start) / 1e6,
                    routed, answer.size(), accepted, rejected, sorted(answer), lastAnswer == 0 ? Double.NaN : (lastAnswer - start) / 1e6, done.size(),
                    sorted(done), lastDone == 0 ? Double.NaN : (lastDone - start) / 1e6);
        }

        /**
         * A set point the device can follow from where it is: its present output, held within what it may do (a running
         * generator within its minimum stable power and rating, a stopped one 0, a starting one its minimum stable power).
         */
        private double setpointKw(Asset asset, Telemetry t, int k) {
            double max = asset.ratedPowerKw() * problem.availability().get(asset.id()).get(k);
            double kw = t == null ? 0 : t.powerKw();
            return switch (asset) {
                case Generator g -> {
                    if (t == null || t.state() == OperatingState.STOPPED || t.state() == OperatingState.FAULT || t.state() == OperatingState.MAINTENANCE) {
                        yield 0;
                    }
                    yield Math.max(g.minStablePowerKw(), Math.min(kw, max));
                }
                case Renewable r -> Math.max(0, Math.min(kw, max));
                case Storage s -> Math.max(-s.maxChargeKw() * max / Math.max(1e-9, asset.ratedPowerKw()),
                        Math.min(kw, s.maxDischargeKw() * max / Math.max(1e-9, asset.ratedPowerKw())));
            };
        }

        // ---- sampling ----------------------------------------------------------------------------------------

        private long fieldSent() {
            return fieldProcess != null ? fieldProcess.sent() : LiveFieldProcess.sent(field);
        }

        private void sampleBaseline() {
            lastNanos = runStartNanos;
            lastSent = fieldSent();
            lastReceived = probe.telemetryReceived();
            lastBenchCpu = ProcStats.selfCpuNanos();
            lastFieldCpu = fieldProcess == null ? -1 : ProcStats.cpuNanos(fieldProcess.pid());
            lastBrokerCpu = o.brokerPid().isPresent() ? ProcStats.cpuNanos(o.brokerPid().getAsLong()) : -1;
            probe.drainLags();
        }

        private void sample() {
            try {
                long now = System.nanoTime();
                double dt = (now - lastNanos) / 1e9;
                long sent = fieldSent();
                long received = probe.telemetryReceived();
                long[] lags = probe.drainLags();
                long benchCpu = ProcStats.selfCpuNanos();
                long fieldCpu = fieldProcess == null ? -1 : ProcStats.cpuNanos(fieldProcess.pid());
                long brokerCpu = o.brokerPid().isPresent() ? ProcStats.cpuNanos(o.brokerPid().getAsLong()) : -1;
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
                long rss = ProcStats.statusKib(0, "VmRSS") >> 10;
                long fieldHeap = fieldProcess == null ? -1 : fieldProcess.heapBytes() >> 20;
                long fieldRss = fieldProcess == null ? -1 : ProcStats.statusKib(fieldProcess.pid(), "VmRSS") >> 10;
                if (fieldProcess != null) {
                    fieldPeakRssMib = Math.max(fieldPeakRssMib, ProcStats.statusKib(fieldProcess.pid(), "VmHWM") >> 10);
                }
                if (o.brokerPid().isPresent()) {
                    brokerPeakRssMib = Math.max(brokerPeakRssMib, ProcStats.statusKib(o.brokerPid().getAsLong(), "VmRSS") >> 10);
                }
                long slips = fieldProcess == null ? field.status().slips() : fieldProcess.slips();
                double from = (lastNanos - runStartNanos) / 1e9;
                double to = (now - runStartNanos) / 1e9;
                // by time, so that a window is never labelled by a phase that began as it closed
                String label = to <= o.warmUp().toSeconds() + 0.5 ? "warm-up"
                        : from < o.warmUp().toSeconds() - 0.5 ? "warm-up/steady"
                        : to <= o.warmUp().plus(o.duration()).toSeconds() + 0.5 ? "steady"
                        : from < o.warmUp().plus(o.duration()).toSeconds() - 0.5 ? "steady/fan-out" : phase;
                Window w = new Window(from, to, label, (sent - lastSent) / dt, (received - lastReceived) / dt, lags,
                        cores(benchCpu, lastBenchCpu, dt), cores(fieldCpu, lastFieldCpu, dt), cores(brokerCpu, lastBrokerCpu, dt), heap, rss, fieldHeap,
                        fieldRss, slips);
                synchronized (windows) {
                    windows.add(w);
                }
                printWindow(w);
                lastNanos = now;
                lastSent = sent;
                lastReceived = received;
                lastBenchCpu = benchCpu;
                lastFieldCpu = fieldCpu;
                lastBrokerCpu = brokerCpu;
            } catch (RuntimeException e) {
                System.err.println("sampling failed: " + e);
            }
        }

        private static double cores(long now, long before, double seconds) {
            return now < 0 || before < 0 ? Double.NaN : (now - before) / 1e9 / seconds;
        }

        // ---- printing ------------------------------------------------------------------------------------------

        private void header() {
            Runtime rt = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "LiveBench %s: %d devices, %d end-users, %s center, field %s, %s network, broker %s (pid %s), step %d ms, "
                            + "telemetry every %d ms, meters every %d s, speed 1; warm-up %d s, steady %d s, windows of %d s, %d fan-outs%n",
                    Instant.now(), o.devices(), o.endUsers(), o.center().name().toLowerCase(Locale.ROOT), o.fieldJvm() ? "in its own JVM" : "in this JVM",
                    o.field().network().name().toLowerCase(Locale.ROOT), o.broker(), o.brokerPid().isPresent() ? o.brokerPid().getAsLong() : "?",
                    o.field().step().toMillis(), o.field().reportEvery().toMillis(), o.field().meterEvery().toSeconds(), o.warmUp().toSeconds(),
                    o.duration().toSeconds(), o.window().toSeconds(), o.fanOuts());
            System.out.printf(Locale.ROOT, "JVM %s %s, %d CPUs, max heap %d MiB, load average %s%n", System.getProperty("java.vm.name"),
                    System.getProperty("java.runtime.version"), rt.availableProcessors(), rt.maxMemory() >> 20, loadAverage());
        }

        private static String loadAverage() {
            try {
                String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
                return f[0] + " " + f[1] + " " + f[2];
            } catch (Exception e) {
                return "?";
            }
        }

        private void printWindowHeader() {
            System.out.println();
            System.out.println("| t s | phase | sent/s | received/s | lag min ms | lag p50 ms | lag p99 ms | lag max ms | bench JVM CPU | field JVM CPU"
                    + " | mosquitto CPU | bench heap MiB | bench RSS MiB | field heap MiB | field RSS MiB | slips |");
            System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        }

        private void printWindow(Window w) {
            System.out.printf(Locale.ROOT, "| %.0f–%.0f | %s | %.0f | %.0f | %s | %s | %s | %s | %s | %s | %s | %d | %d | %s | %s | %d |%n", w.fromS(), w.toS(),
                    w.phase(), w.sentPerS(), w.receivedPerS(), ms(w.lags().length == 0 ? NONE : w.lags()[0]), ms(pct(w.lags(), 50)), ms(pct(w.lags(), 99)), ms(max(w.lags())), num(w.benchCpu()),
                    num(w.fieldCpu()), num(w.brokerCpu()), w.heapMib(), w.rssMib(), w.fieldHeapMib() < 0 ? "–" : Long.toString(w.fieldHeapMib()),
                    w.fieldRssMib() < 0 ? "–" : Long.toString(w.fieldRssMib()), w.slips());
            System.out.flush();
        }

        private void printFanOuts(String startDispatch) {
            System.out.println();
            System.out.println("| fan-out | commands | handed to the link ms | last PUBACK ms | routed | answered | accepted | rejected | answer p50 ms"
                    + " | answer p99 ms | answer max ms | all answered ms | DONE | DONE p50 ms | DONE p99 ms | DONE max ms | all DONE ms |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            List<FanOut> rows = new ArrayList<>(fanOuts);
            if (center != null) {
                rows.add(summarise("center's re-dispatches during the run", probe.group("center's re-dispatches during the run"), runStartNanos, runStartNanos));
            }
            for (FanOut f : rows) {
                boolean isStart = f.name().equals(startDispatch);
                boolean during = f.name().startsWith("center's re-dispatches") || isStart; // sent by the center: no loop or PUBACK of ours
                System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %s | %d | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", f.name(), f.commands(),
                        during ? "–" : ms1(f.loopMs()), during ? "–" : ms1(f.lastPubackMs()), during ? "–" : Integer.toString(f.routed()), f.answered(), f.accepted(), f.rejected(),
                        ms1(pctD(f.answerMs(), 50)), ms1(pctD(f.answerMs(), 99)), ms1(maxD(f.answerMs())), during && !isStart ? "–" : ms1(f.allAnsweredMs()),
                        isStart ? "– (time stands still)" : Long.toString(f.done()), isStart ? "–" : ms1(pctD(f.doneMs(), 50)),
                        isStart ? "–" : ms1(pctD(f.doneMs(), 99)), isStart ? "–" : ms1(maxD(f.doneMs())), isStart || during ? "–" : ms1(f.allDoneMs()));
            }
        }

        private void printSummary(long sentTotal, long receivedTotal, long slips, long tickFailures, ControlReport r) {
            List<Window> steady;
            synchronized (windows) {
                steady = windows.stream().filter(w -> w.phase().equals("steady")).toList();
            }
            double sentPerS = steady.stream().mapToDouble(Window::sentPerS).average().orElse(Double.NaN);
            double receivedPerS = steady.stream().mapToDouble(Window::receivedPerS).average().orElse(Double.NaN);
            int n = steady.stream().mapToInt(w -> w.lags().length).sum();
            long[] all = new long[n];
            int at = 0;
            for (Window w : steady) {
                System.arraycopy(w.lags(), 0, all, at, w.lags().length);
                at += w.lags().length;
            }
            java.util.Arrays.sort(all);
            double[] t = steady.stream().mapToDouble(w -> (w.fromS() + w.toS()) / 2).toArray();
            steady = steady.stream().filter(w -> w.lags().length > 0).toList();
            double[] p50 = steady.stream().mapToDouble(w -> pct(w.lags(), 50) / 1e6).toArray();
            double[] p99 = steady.stream().mapToDouble(w -> pct(w.lags(), 99) / 1e6).toArray();
            double benchCpu = steady.stream().mapToDouble(Window::benchCpu).average().orElse(Double.NaN);
            double fieldCpu = steady.stream().mapToDouble(Window::fieldCpu).average().orElse(Double.NaN);
            double brokerCpu = steady.stream().mapToDouble(Window::brokerCpu).average().orElse(Double.NaN);
            long heapMax = steady.stream().mapToLong(Window::heapMib).max().orElse(-1);
            long fieldHeapMax = steady.stream().mapToLong(Window::fieldHeapMib).max().orElse(-1);
            long gcMs = 0;
            long gcs = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                gcMs += Math.max(0, gc.getCollectionTime());
                gcs += Math.max(0, gc.getCollectionCount());
            }
            String jvms = fieldProcess == null ? "1" : "2";
            System.out.println();
            System.out.println("| devices | JVMs | center | steady s | sent/s | received/s | lag p50 ms | lag p99 ms | lag max ms | p50 slope ms/min"
                    + " | p99 first → last window ms | bench JVM CPU | field JVM CPU | mosquitto CPU | bench heap max MiB | bench peak RSS MiB"
                    + " | field heap max MiB | field peak RSS MiB | mosquitto max RSS MiB |");
            System.out.println("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            long brokerRss = brokerPeakRssMib;
            long fieldHwm = fieldPeakRssMib;
            System.out.printf(Locale.ROOT, "| %d | %s | %s | %d | %.0f | %.0f | %s | %s | %s | %+.2f | %s → %s | %s | %s | %s | %d | %d | %s | %s | %s |%n",
                    problem.assets().size(), jvms, o.center().name().toLowerCase(Locale.ROOT), Math.round(steady.size() * o.window().toSeconds() * 1.0),
                    sentPerS, receivedPerS, ms(pct(all, 50)), ms(pct(all, 99)), ms(max(all)), slope(t, p50) * 60,
                    p99.length == 0 ? "–" : String.format(Locale.ROOT, "%.1f", p99[0]), p99.length == 0 ? "–" : String.format(Locale.ROOT, "%.1f", p99[p99.length - 1]),
                    num(benchCpu), num(fieldCpu), num(brokerCpu), heapMax, ProcStats.statusKib(0, "VmHWM") >> 10,
                    fieldHeapMax < 0 ? "–" : Long.toString(fieldHeapMax), fieldHwm < 0 ? "–" : Long.toString(fieldHwm), brokerRss < 0 ? "–" : Long.toString(brokerRss));
            System.out.println();
            System.out.printf(Locale.ROOT, "Whole run: telemetry sent %d, received %d (%d missing, %.3f %%); statuses %d, demand readings %d, acks %d"
                            + " (%d for commands not tracked), refused by comm %d; field slips %d, tick failures %d; bench JVM GC %d collections, %d ms%n",
                    sentTotal, receivedTotal, sentTotal - receivedTotal, 100.0 * (sentTotal - receivedTotal) / Math.max(1, sentTotal), probe.statusesReceived(),
                    probe.demandReceived(), probe.acksReceived(), probe.unknownAcks(), probe.refused(), slips, tickFailures, gcs, gcMs);
            System.out.printf(Locale.ROOT, "Center link: %s; connected %s%n", link.counters(), link.isConnected());
            System.out.printf(Locale.ROOT, "Rejections of tracked commands, by reason (digits as #): %s%n", probe.rejectionReasons());
            if (r != null) {
                long[] ticks;
                synchronized (tickNanos) {
                    ticks = tickNanos.stream().mapToLong(Long::longValue).sorted().toArray();
                }
                System.out.printf(Locale.ROOT, "Center: %d ticks, p50 %s ms, p99 %s ms, max %s ms; telemetry accepted %d, readings accepted %d, refused by rule %s;"
                                + " re-dispatches %d; commands sent %d (resent %d), accepted %d, done %d, rejected %d, unanswered %d; acks duplicate %d, late %d,"
                                + " unknown %d; alarms raised %d (at the end of the fan-outs, before the field stopped)%n",
                        ticks.length, ms(pct(ticks, 50)), ms(pct(ticks, 99)), ms(max(ticks)), r.telemetryAccepted(), r.readingsAccepted(), r.rejectedByRule(),
                        r.redispatchCount(), r.commandsSent(), r.resends(), r.commandsAccepted(), r.commandsDone(), r.commandsRejected(), r.commandsUnanswered(),
                        r.duplicateAcks(), r.lateAcks(), r.unknownAcks(), r.alarms().size());
            }
        }

        /** Empties the retained statuses the sites leave, so that a persistent broker does not keep them for ever. */
        private void clearRetainedStatuses() {
            Mqtt5AsyncClient raw = MqttClient.builder().useMqttVersion5().identifier(topics.root().replace('/', '.') + "-cleanup")
                    .serverHost(o.broker().host()).serverPort(o.broker().port()).buildAsync();
            raw.connect().join();
            CompletableFuture<?>[] clearing = problem.assets().stream()
                    .map(a -> raw.publishWith().topic(topics.status(a.id())).retain(true).qos(MqttQos.AT_LEAST_ONCE).send())
                    .toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(clearing).join();
            raw.disconnect().join();
        }
    }

    // ---- small helpers ------------------------------------------------------------------------------------------

    static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[%tT] " + format + "%n", prepend(java.util.Calendar.getInstance(), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** No value: an empty window. */
    static final long NONE = Long.MIN_VALUE;

    /** Nearest-rank percentile of sorted values; {@link #NONE} when there are none. */
    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return NONE;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static long max(long[] sorted) {
        return sorted.length == 0 ? NONE : sorted[sorted.length - 1];
    }

    static double[] sorted(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    static double pctD(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double maxD(double[] sorted) {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    /** Nanoseconds as milliseconds with one decimal; "–" for none. */
    static String ms(long nanos) {
        return nanos == NONE ? "–" : String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    static String ms1(double millis) {
        return Double.isNaN(millis) ? "–" : String.format(Locale.ROOT, "%.1f", millis);
    }

    static String num(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }

    /** Least-squares slope of y over x (per unit of x); 0 with fewer than two points. */
    static double slope(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) {
            return 0;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxx == 0 ? 0 : sxy / sxx;
    }
}
