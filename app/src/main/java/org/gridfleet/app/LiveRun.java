package org.gridfleet.app;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.gridfleet.comm.broker.Broker;
import org.gridfleet.comm.broker.BrokerSettings;
import org.gridfleet.comm.mqtt.CenterLink;
import org.gridfleet.comm.mqtt.LinkOptions;
import org.gridfleet.control.CenterLinkSink;
import org.gridfleet.control.CommandBook;
import org.gridfleet.control.ControlCenter;
import org.gridfleet.control.ControlListener;
import org.gridfleet.control.ControlLoop;
import org.gridfleet.control.ControlOptions;
import org.gridfleet.control.ControlReport;
import org.gridfleet.control.ResumeState;
import org.gridfleet.ingest.verifier.LiveLimits;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.evaluate.PlanMetrics;
import org.gridfleet.plan.io.PlanJson;
import org.gridfleet.server.EventHub;
import org.gridfleet.sim.site.SimulatedField;
import org.gridfleet.store.Selection;
import org.gridfleet.store.Store;
import org.gridfleet.store.StoreSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plant live, in one process: a broker, the store, the field simulated against the broker, and the control
 * center running the selected plan on the field's accelerated clock, all over MQTT as a real deployment would be.
 * Prints a one-line summary as the day goes and returns the center's report.
 *
 * <p>The parts come apart for a restart (docs/control.md, "Restart and resume"): a {@link Plant} is what outlives a
 * control center (broker, store, field), a {@link Center} one center's run on it (center, link, loop, recorder).
 * {@link Plant#resumeCenter} starts a center on the plan the store's selection names, taking over the commands the
 * store holds that are still valid, so that a center stopped mid-day and started again resends nothing already
 * answered.
 */
final class LiveRun {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRun.class);
    /** The control center's instance name: its MQTT client id is {@code {root}-center-control-center}. */
    static final String CENTER_NAME = "control-center";

    /**
     * @param speed       simulated seconds per wall-clock second
     * @param duration    simulated time to run, from the plan's start
     * @param statusEvery wall-clock time between the one-line summaries
     */
    record Settings(BrokerSettings broker, StoreSettings store, double speed, long seed, Duration duration, Duration statusEvery) {
        Settings {
            requireNonNull(broker, "broker");
            requireNonNull(store, "store");
            requireNonNull(duration, "duration");
            requireNonNull(statusEvery, "statusEvery");
            if (!(speed >= 1 && speed <= 100_000)) {
                throw new IllegalArgumentException("speed must be within 1..100000 simulated seconds per second: " + speed);
            }
        }

        /**
         * The field's settings: devices report every 5 s of simulated time, or every tenth of a wall-clock second when
         * the day runs fast; meters read every 15 min of simulated time, the usual interval of smart meters.
         */
        SimulatedField.Settings field() {
            return SimulatedField.Settings.defaults(seed).withSpeed(speed)
                    .withReportEvery(Duration.ofSeconds(Math.max(5, Math.round(speed * 0.1)))).withMeterEvery(Duration.ofMinutes(15));
        }
    }

    /** What the live run left behind. */
    record Result(ControlReport report, long storeFailures, int devicesOnlineAtEnd) {}

    private LiveRun() {}

    static Result run(PlanningProblem problem, DispatchPlan plan, PlanMetrics metrics, Settings settings, PrintWriter out) throws Exception {
        return run(problem, plan, metrics, settings, OptionalInt.empty(), out);
    }

    /** As above, with the REST API beside the center on {@code apiPort} (0: any free port) when present. */
    static Result run(PlanningProblem problem, DispatchPlan plan, PlanMetrics metrics, Settings settings, OptionalInt apiPort, PrintWriter out)
            throws Exception {
        EventHub events = new EventHub();
        try (Plant plant = Plant.open(problem, settings.broker(), settings.store(), settings.field())) {
            plant.select(plan, Optional.of(metrics), "demo", "the " + plan.generator() + " plan, the only candidate of the demo");
            out.printf(Locale.ROOT, "%nLive: %d devices and %d end-users on %s, store %s, a simulated day at %.0f× (%s of wall-clock time)%n",
                    problem.assets().size(), problem.endUsers().size(), plant.broker().address(), settings.store(), settings.speed(),
                    Planning.duration(Duration.ofMillis(Math.round(settings.duration().toMillis() / settings.speed()))));
            out.flush();
            SimulatedField field = plant.field();
            try (Center center = plant.startCenter(controlOptions(settings.speed()), apiPort.isPresent() ? events : ControlListener.NONE);
                 DemoApi api = DemoApi.start(apiPort, center.center(), plant.store(), events, out)) {
                CompletableFuture<Void> day = field.run(settings.duration());
                while (!day.isDone()) {
                    try {
                        day.get(settings.statusEvery().toMillis(), TimeUnit.MILLISECONDS);
                    } catch (java.util.concurrent.TimeoutException e) {
                        printStatus(out, field, center.center());
                    }
                }
                day.join();
                ControlReport report = center.stop();
                printStatus(out, field, center.center());
                return new Result(report, center.storeFailures(), field.status().online());
            }
        }
    }

    /**
     * The control center's options on a clock {@code speed} times faster than the wall clock. The network's latency
     * does not speed up with it: acks get half a second and readings one second of wall-clock time, at least the
     * real-time defaults.
     */
    static ControlOptions controlOptions(double speed) {
        ControlOptions defaults = ControlOptions.defaults();
        LiveLimits limits = defaults.verifier();
        return defaults.withAckTimeout(atLeast(defaults.ackTimeout(), speed * 0.5))
                .withVerifier(new LiveLimits(atLeast(limits.maxClockSkew(), speed * 0.5), atLeast(limits.maxAge(), speed), limits.rangeMargin()));
    }

    private static Duration atLeast(Duration realTime, double simulatedSeconds) {
        Duration scaled = Duration.ofMillis(Math.round(simulatedSeconds * 1000));
        return scaled.compareTo(realTime) > 0 ? scaled : realTime;
    }

    /**
     * What outlives a control center: the broker, the store and the simulated field of one problem. Simulated time
     * stands still while nobody runs the field ({@code field().run}), so a center stopped and another started meanwhile
     * find the plant where it was.
     */
    static final class Plant implements AutoCloseable {
        private final PlanningProblem problem;
        private final StoreSettings storeSettings;
        private final Broker broker;
        private final SimulatedField field;
        private Store store;

        private Plant(PlanningProblem problem, StoreSettings storeSettings, Broker broker, Store store, SimulatedField field) {
            this.problem = problem;
            this.storeSettings = storeSettings;
            this.broker = broker;
            this.store = store;
            this.field = field;
        }

        /** Opens the broker (or reaches it) and the store, and connects the field of {@code problem} at the start of its horizon. */
        static Plant open(PlanningProblem problem, BrokerSettings brokerSettings, StoreSettings storeSettings, SimulatedField.Settings fieldSettings) {
            requireNonNull(problem, "problem");
            Broker broker = brokerSettings.open();
            Store store = null;
            try {
                store = Store.open(storeSettings);
                SimulatedField field = SimulatedField.connect(problem, broker.address(), fieldSettings);
                return new Plant(problem, storeSettings, broker, store, field);
            } catch (RuntimeException e) {
                if (store != null) {
                    store.close();
                }
                broker.close();
                throw e;
            }
        }

        PlanningProblem problem() {
            return problem;
        }

        Broker broker() {
            return broker;
        }

        SimulatedField field() {
            return field;
        }

        synchronized Store store() {
            return store;
        }

        /** The id a plan is kept under: its horizon's start. */
        static String planId(DispatchPlan plan) {
            return "plan-" + plan.grid().start().getEpochSecond();
        }

        /**
         * Keeps {@code plan} in the store (unless it is there already) with its metrics when known, and selects it by
         * rule, at the plan's start; returns its id.
         */
        String select(DispatchPlan plan, Optional<PlanMetrics> metrics, String selector, String reason) {
            String planId = planId(plan);
            Instant start = plan.grid().start();
            Store s = store();
            if (s.plan(planId).isEmpty()) {
                s.savePlan(planId, plan, metrics.map(m -> PlanJson.write(plan, m)).orElseGet(() -> PlanJson.write(plan)), Optional.empty(), start);
            }
            s.recordSelection(new Selection(planId, Selection.SelectedBy.RULE, selector, reason, start));
            return planId;
        }

        /** The plan the store's latest selection names, read back from the JSON it was kept as. */
        Selected selected() {
            Store s = store();
            Selection selection = s.latestSelection()
                    .orElseThrow(() -> new IllegalStateException("the store " + storeSettings + " has no selected plan: select one before starting a center"));
            String json = s.planJson(selection.planId())
                    .orElseThrow(() -> new IllegalStateException("the store selects plan " + selection.planId() + " but does not hold it"));
            return new Selected(selection.planId(), PlanJson.read(json));
        }

        /** The plan in force and the id it is kept under. */
        record Selected(String planId, DispatchPlan plan) {}

        /** Closes the store and opens it again, as a restarted process would; no center may be running. */
        synchronized void reopenStore() {
            store.close();
            store = Store.open(storeSettings);
        }

        /**
         * Starts a control center for the start of the day: the store's selected plan, nothing taken over. It waits
         * until every site is heard online, makes its first dispatch and waits for the answers before returning, so the
         * field may run at once; {@code listener} hears every event too (the store's recorder hears them first).
         */
        Center startCenter(ControlOptions options, ControlListener listener) {
            return start(options, listener, ResumeState.none());
        }

        /**
         * Starts a control center that takes over from one stopped mid-day: the store's selected plan, every command
         * the store holds still valid at the field's time with its acks, and the latest observations young enough to
         * count as live ({@link StoreRecorder#resumeState}). Commands answered are kept in force and not sent again;
         * those never answered are sent again with their ids at the first tick. The alarms the stopped center left
         * open in the store are cleared: the new center raises those whose conditions still hold.
         */
        Center resumeCenter(ControlOptions options, ControlListener listener) {
            Instant now = field.clock().instant();
            Duration lookBack = options.verifier().maxAge().compareTo(options.readingMaxAge()) > 0 ? options.verifier().maxAge() : options.readingMaxAge();
            ResumeState resume = StoreRecorder.resumeState(store(), problem, now, lookBack);
            int cleared = StoreRecorder.clearAlarmsOfTheCenterBefore(store(), now);
            long unanswered = resume.commands().stream().filter(c -> !c.answered()).count();
            LOG.info("resuming at {} from the store: {} commands still valid ({} never answered), {} alarms of the center before cleared", now,
                    resume.commands().size(), unanswered, cleared);
            return start(options, listener, resume);
        }

        private Center start(ControlOptions options, ControlListener listener, ResumeState resume) {
            requireNonNull(options, "options");
            requireNonNull(listener, "listener");
            Selected selected = selected();
            StoreRecorder recorder = new StoreRecorder(store(), selected.planId(), selected.plan().grid());
            CenterLinkSink sink = new CenterLinkSink();
            ControlListener both = event -> {
                recorder.on(event);
                listener.on(event);
            };
            ControlCenter center = new ControlCenter(problem, selected.plan(), field.clock(), sink, options, both, resume);
            CenterLink link = null;
            try {
                link = CenterLink.connect(broker.address(), CENTER_NAME, center,
                        LinkOptions.defaults().withTopics(field.topics()).withClock(field.clock()));
                sink.attach(link);
                awaitSites(center, problem, Duration.ofSeconds(20));
                warmUp(center, problem, Duration.ofSeconds(10));
                ControlLoop loop = ControlLoop.start(center, Duration.ofMillis(100));
                return new Center(selected.planId(), center, link, loop, recorder);
            } catch (RuntimeException | InterruptedException e) {
                if (link != null) {
                    link.close();
                }
                closeQuietly(recorder);
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while starting the control center", e);
                }
                throw (RuntimeException) e;
            }
        }

        @Override
        public void close() {
            try {
                field.close();
            } finally {
                try {
                    store().close();
                } finally {
                    broker.close();
                }
            }
        }
    }

    /**
     * One control center's run on a {@link Plant}: the center, its link to the broker, the loop that ticks it and the
     * recorder that keeps what it does in the store.
     */
    static final class Center implements AutoCloseable {
        private final String planId;
        private final ControlCenter center;
        private final CenterLink link;
        private final ControlLoop loop;
        private final StoreRecorder recorder;
        private ControlReport report;

        private Center(String planId, ControlCenter center, CenterLink link, ControlLoop loop, StoreRecorder recorder) {
            this.planId = planId;
            this.center = center;
            this.link = link;
            this.loop = loop;
            this.recorder = recorder;
        }

        String planId() {
            return planId;
        }

        ControlCenter center() {
            return center;
        }

        /** Store writes that failed so far (logged). */
        long storeFailures() {
            return recorder.failures();
        }

        /**
         * Stops this center as a process that shuts down would: no more ticks, one last tick at the field's time,
         * then its link is closed and the recorder writes everything queued. Returns its report; stopping again
         * returns the same.
         */
        synchronized ControlReport stop() {
            if (report != null) {
                return report;
            }
            loop.close();
            center.tick();
            report = center.report();
            try {
                link.close();
            } finally {
                closeQuietly(recorder);
            }
            return report;
        }

        @Override
        public void close() {
            stop();
        }
    }

    /** Waits until every site has told the center it is online (its retained status), so the day starts with all of them heard. */
    private static void awaitSites(ControlCenter center, PlanningProblem problem, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline && !problem.assets().stream().allMatch(a -> center.live().connected(a.id()))) {
            Thread.sleep(50);
        }
    }

    /**
     * The first dispatch before the clock moves: it loads the LP solver and sends the plan's first set points (or, for
     * a center that took over, the commands never answered once more), and the day goes on once the sites have
     * answered them. On an accelerated clock a second of start-up would be minutes.
     */
    private static void warmUp(ControlCenter center, PlanningProblem problem, Duration patience) throws InterruptedException {
        center.tick();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            boolean answered = true;
            for (Asset asset : problem.assets()) {
                if (center.currentCommand(asset.id()).map(c -> c.state() == CommandBook.State.SENT).orElse(false)) {
                    answered = false;
                    break;
                }
            }
            if (answered) {
                return;
            }
            Thread.sleep(20);
        }
    }

    private static void closeQuietly(StoreRecorder recorder) {
        try {
            recorder.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void printStatus(PrintWriter out, SimulatedField field, ControlCenter center) {
        SimulatedField.Status s = field.status();
        ControlReport r = center.report();
        out.printf(Locale.ROOT, "  %s  demand %8.1f kW  output %8.1f kW  online %d/%d  cost so far %s %,.2f (plan %,.2f)  commands %d  alarms %d%n",
                s.time(), s.demandKw(), s.outputKw(), s.online(), s.devices(), r.currency(), r.cost(), r.plannedCost(), r.commandsSent(),
                center.activeAlarms().size());
        out.flush();
    }
}
