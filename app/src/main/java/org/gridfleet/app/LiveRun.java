package org.gridfleet.app;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.gridfleet.comm.broker.Broker;
import org.gridfleet.comm.broker.BrokerSettings;
import org.gridfleet.comm.mqtt.CenterLink;
import org.gridfleet.comm.mqtt.LinkOptions;
import org.gridfleet.control.CenterLinkSink;
import org.gridfleet.control.ControlCenter;
import org.gridfleet.control.ControlLoop;
import org.gridfleet.control.ControlOptions;
import org.gridfleet.control.ControlReport;
import org.gridfleet.control.live.VerifierLimits;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.evaluate.PlanMetrics;
import org.gridfleet.plan.io.PlanJson;
import org.gridfleet.sim.site.SimulatedField;
import org.gridfleet.store.Selection;
import org.gridfleet.store.Store;
import org.gridfleet.store.StoreSettings;

/**
 * The plant live, in one process: a broker, the store, the field simulated against the broker, and the control
 * center running the selected plan on the field's accelerated clock, all over MQTT as a real deployment would be.
 * Prints a one-line summary as the day goes and returns the center's report.
 */
final class LiveRun {
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
    }

    /** What the live run left behind. */
    record Result(ControlReport report, long storeFailures, int devicesOnlineAtEnd) {}

    private LiveRun() {}

    static Result run(PlanningProblem problem, DispatchPlan plan, PlanMetrics metrics, Settings settings, PrintWriter out) throws Exception {
        String planId = "plan-" + plan.grid().start().getEpochSecond();
        // devices report every 5 s of simulated time, or every tenth of a wall-clock second when the day runs fast;
        // meters read every 15 min of simulated time, the usual interval of smart meters
        Duration reportEvery = Duration.ofSeconds(Math.max(5, Math.round(settings.speed() * 0.1)));
        Duration meterEvery = Duration.ofMinutes(15);
        try (Broker broker = settings.broker().open(); Store store = Store.open(settings.store())) {
            Instant start = plan.grid().start();
            store.savePlan(planId, plan, PlanJson.write(plan, metrics), Optional.empty(), start);
            store.recordSelection(new Selection(planId, Selection.SelectedBy.RULE, "demo",
                    "the " + plan.generator() + " plan, the only candidate of the demo", start));
            SimulatedField.Settings fieldSettings = SimulatedField.Settings.defaults(settings.seed()).withSpeed(settings.speed())
                    .withReportEvery(reportEvery).withMeterEvery(meterEvery);
            try (SimulatedField field = SimulatedField.connect(problem, broker.address(), fieldSettings);
                 StoreRecorder recorder = new StoreRecorder(store, planId, plan.grid())) {
                CenterLinkSink sink = new CenterLinkSink();
                ControlCenter center = new ControlCenter(problem, plan, field.clock(), sink, controlOptions(settings.speed()), recorder);
                try (CenterLink link = CenterLink.connect(broker.address(), "control-center", center, LinkOptions.defaults().withClock(field.clock()))) {
                    sink.attach(link);
                    out.printf(Locale.ROOT, "%nLive: %d devices and %d end-users on %s, store %s, a simulated day at %.0f× (%s of wall-clock time)%n",
                            problem.assets().size(), problem.endUsers().size(), broker.address(), settings.store(), settings.speed(),
                            Planning.duration(Duration.ofMillis(Math.round(settings.duration().toMillis() / settings.speed()))));
                    out.flush();
                    awaitSites(center, problem, Duration.ofSeconds(20));
                    warmUp(center, Duration.ofSeconds(10));
                    try (ControlLoop loop = ControlLoop.start(center, Duration.ofMillis(100))) {
                        CompletableFuture<Void> day = field.run(settings.duration());
                        while (!day.isDone()) {
                            try {
                                day.get(settings.statusEvery().toMillis(), TimeUnit.MILLISECONDS);
                            } catch (java.util.concurrent.TimeoutException e) {
                                printStatus(out, field, center);
                            }
                        }
                        day.join();
                    }
                    center.tick();
                    printStatus(out, field, center);
                    ControlReport report = center.report();
                    int online = field.status().online();
                    recorder.close();
                    return new Result(report, recorder.failures(), online);
                }
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
        VerifierLimits limits = defaults.verifier();
        return defaults.withAckTimeout(atLeast(defaults.ackTimeout(), speed * 0.5))
                .withVerifier(new VerifierLimits(atLeast(limits.maxClockSkew(), speed * 0.5), atLeast(limits.maxAge(), speed),
                        limits.rangeMargin(), limits.maxEndUserDemandKw()));
    }

    private static Duration atLeast(Duration realTime, double simulatedSeconds) {
        Duration scaled = Duration.ofMillis(Math.round(simulatedSeconds * 1000));
        return scaled.compareTo(realTime) > 0 ? scaled : realTime;
    }

    /** Waits until every site has told the center it is online (its retained status), so the day starts with all of them heard. */
    private static void awaitSites(ControlCenter center, PlanningProblem problem, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline && !problem.assets().stream().allMatch(a -> center.live().connected(a.id()))) {
            Thread.sleep(50);
        }
    }

    /**
     * The first dispatch before the clock moves: it loads the LP solver and sends the plan's first set points, and the
     * day starts once the sites have answered them. On an accelerated clock a second of start-up would be minutes.
     */
    private static void warmUp(ControlCenter center, Duration patience) throws InterruptedException {
        center.tick();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            ControlReport r = center.report();
            if (r.commandsAccepted() + r.commandsRejected() >= r.commandsSent()) return;
            Thread.sleep(20);
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
