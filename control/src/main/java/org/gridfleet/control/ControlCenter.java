package org.gridfleet.control;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.gridfleet.comm.mqtt.CenterHandler;
import org.gridfleet.comm.protocol.DemandReading;
import org.gridfleet.comm.protocol.Rejection;
import org.gridfleet.comm.protocol.SiteStatus;
import org.gridfleet.control.CommandBook.AckOutcome;
import org.gridfleet.control.CommandBook.TrackedCommand;
import org.gridfleet.control.dispatch.DispatchRequest.RenewableOffer;
import org.gridfleet.control.dispatch.DispatchResult;
import org.gridfleet.control.dispatch.Dispatcher;
import org.gridfleet.control.live.LiveState;
import org.gridfleet.ingest.Rule;
import org.gridfleet.ingest.verifier.LiveRejection;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.Command;
import org.gridfleet.model.control.CommandId;
import org.gridfleet.model.control.OperatingState;
import org.gridfleet.model.control.Telemetry;
import org.gridfleet.model.fleet.ReactivePower;
import org.gridfleet.model.plan.DeviceSchedule;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The central control center (docs/control.md). It runs the plant from the selected plan:
 * <ul>
 *   <li><b>Live state.</b> Telemetry, site statuses and meter readings arrive through {@link CenterHandler} (comm's
 *       {@code CenterLink} calls it, or a test does) and enter the {@link LiveState} only after verification; refused
 *       ones are counted by rule with their reason.</li>
 *   <li><b>On the clock.</b> {@link #tick()} does what is due at the clock's instant: at the start of each plan
 *       interval, and after any event since the last tick (a device down or back, a site offline or online, a command
 *       rejected or unanswered, demand off by more than the threshold), it re-dispatches (a single-interval economic
 *       dispatch around the plan's commitment, {@link Dispatcher}) and sends commands to devices whose set point moved
 *       beyond the deadband or that have no command in force. Events only mark a re-dispatch as due, so a burst of
 *       them makes one dispatch. The clock is an {@link InstantSource}: the system clock with a {@link ControlLoop},
 *       or a simulated one that a demo or test advances and ticks.</li>
 *   <li><b>Commands.</b> Each has a unique id, its device, the set point and a validity until the end of the interval
 *       plus a margin. The {@link CommandBook} tracks it to its ack; one unanswered within the timeout is resent with
 *       the same id, once, and then alarmed and its device left out until the next interval.</li>
 *   <li><b>Alarms</b> for demand that cannot be met (by how many kW), devices offline or down, rejected and
 *       unanswered commands, a failed dispatch, the end of the plan.</li>
 *   <li><b>Restart.</b> A center started mid-day with a {@link ResumeState} takes over the commands the one before it
 *       sent and its latest observations: nothing already answered is sent again, what was never answered is sent
 *       again once under its id.</li>
 *   <li><b>Re-planning.</b> The rest of the horizon is re-planned ({@link Replanner}) when more than a share of the
 *       capacity the plan uses is lost, when demand departs from the forecast for several intervals, or when new
 *       forecasts are handed over ({@link #updateForecasts}).</li>
 * </ul>
 * Everything it observes and decides goes to its {@link ControlListener}; {@link #report()} sums up the run.
 *
 * <p>Thread-safe: every public method takes the center's lock, briefly for incoming messages, for the dispatch on a
 * tick that needs one (milliseconds for a thousand devices).
 */
public final class ControlCenter implements CenterHandler {
    private static final Logger log = LoggerFactory.getLogger(ControlCenter.class);
    /** Re-dispatches kept for the report; older ones are counted only. */
    static final int REDISPATCH_HISTORY = 10_000;
    private static final double NEGLIGIBLE_KW = 1e-6;

    private final InstantSource clock;
    private final CommandSink sink;
    private final ControlOptions options;
    private final ControlListener listener;
    private final LiveState live;
    private final CommandBook book = new CommandBook();
    private final Alarms alarms;
    private final Dispatcher dispatcher = new Dispatcher();
    private final String currency;

    private ActivePlan active;
    /** The problem re-plans start from: the original, or the latest forecasts handed over. */
    private PlanningProblem base;
    /** The factor on {@code base}'s demand that the day has shown so far (re-plans on demand departure). */
    private double demandScale = 1;
    /** The devices the last re-plan planned without. */
    private Set<AssetId> plannedWithout = Set.of();
    private PlanningProblem newForecasts;
    private final Map<AssetId, String> excluded = new LinkedHashMap<>();
    /** The operator's manual overrides, until returned or lapsed: a set point held, or out of service. */
    private final Map<AssetId, ManualOverride> overrides = new LinkedHashMap<>();
    private final Map<String, Cause> pending = new LinkedHashMap<>();
    private final Map<AssetId, Double> commandedKw = new HashMap<>();
    /** The commands taken over from the center before a restart, until the first tick has seen to them. */
    private final List<CommandId> resumed = new ArrayList<>();
    private Instant intervalStart;
    private double intervalForecastKw;
    private Redispatch lastDispatch;
    private double demandBasisKw;
    private double dispatchedImportKw;
    private double dispatchedExportKw;
    private boolean planEndedRaised;

    private final Map<AssetId, Boolean> generatorOn = new HashMap<>();
    private final Map<AssetId, Instant> onSince = new HashMap<>();

    // the report's integrals, with the values held since the last tick
    private Instant firstTick;
    private Instant lastTick;
    private double demandKwh;
    private double outputKwh;
    private double servedKwh;
    private double unservedKwh;
    private double shortKwh;
    private double cost;
    private double plannedCost;
    private double heldDemandKw;
    private double heldOutputKw;
    private double heldImportKw;
    private double heldCostPerHour;
    private double heldPlanCostPerHour;
    private int redispatchCount;
    private final ArrayDeque<Redispatch> redispatches = new ArrayDeque<>();
    private final List<Replan> replans = new ArrayList<>();

    // demand against the forecast, interval by interval, for re-planning
    private double intervalDemandKwh;
    private double intervalHours;
    private final List<Double> departures = new ArrayList<>();
    private final Map<Rule, Long> rejectionsLogged = new EnumMap<>(Rule.class);

    /**
     * A center that runs {@code plan}, made for {@code problem}, on {@code clock}, sending through {@code sink}.
     *
     * @throws IllegalArgumentException when the plan's grid is not the problem's
     */
    public ControlCenter(PlanningProblem problem, DispatchPlan plan, InstantSource clock, CommandSink sink, ControlOptions options,
                         ControlListener listener) {
        this(problem, plan, clock, sink, options, listener, ResumeState.none());
    }

    /**
     * A center restarted mid-day: as {@link #ControlCenter(PlanningProblem, DispatchPlan, InstantSource, CommandSink,
     * ControlOptions, ControlListener)}, taking over the commands the center before it sent (docs/control.md, "Restart
     * and resume"). Those answered ACCEPTED or DONE stay in force and are never sent again; those never answered are
     * sent again once, with the same id, at the first tick; a device whose latest command was REJECTED stays out of the
     * dispatch until the next interval. Commands to devices not in the fleet are left out (logged).
     *
     * @throws IllegalArgumentException when the plan's grid is not the problem's
     */
    public ControlCenter(PlanningProblem problem, DispatchPlan plan, InstantSource clock, CommandSink sink, ControlOptions options,
                         ControlListener listener, ResumeState resume) {
        this.active = ActivePlan.of(problem, plan);
        this.base = problem;
        this.clock = requireNonNull(clock, "clock");
        this.sink = requireNonNull(sink, "sink");
        this.options = requireNonNull(options, "options");
        this.listener = requireNonNull(listener, "listener");
        this.live = LiveState.of(problem, options.verifier());
        this.alarms = new Alarms(this::emit);
        this.currency = problem.currency();
        for (Asset asset : problem.assets()) {
            if (asset instanceof Generator g) {
                generatorOn.put(g.id(), g.initialState().on());
                onSince.put(g.id(), problem.grid().start().minus(Duration.ofMillis(Math.round(g.initialState().hoursInState() * 3_600_000))));
            }
        }
        takeOver(requireNonNull(resume, "resume"));
        observe(resume);
    }

    /**
     * The latest observations the center before a restart accepted, young enough to count as live (no older than the
     * verifier's age limit and not ahead of the clock beyond its skew limit), verified and kept as if they had just
     * arrived; a device that last reported FAULT or MAINTENANCE is left out at once. They were reported when first
     * accepted, so no events but the alarms they raise.
     */
    private void observe(ResumeState resume) {
        Instant now = clock.instant();
        Instant oldest = now.minus(options.verifier().maxAge());
        Instant newest = now.plus(options.verifier().maxClockSkew());
        int telemetry = 0;
        for (Telemetry t : resume.telemetry()) {
            if (t.time().isBefore(oldest) || t.time().isAfter(newest) || !active.assets().containsKey(t.device())) {
                continue;
            }
            Telemetry before = live.telemetry(t.device()).orElse(null);
            if (live.offer(t, now).isEmpty()) {
                applyTelemetry(before, t, now, false);
                telemetry++;
            }
        }
        int readings = 0;
        for (DemandReading r : resume.readings()) {
            if (!r.time().isBefore(oldest) && !r.time().isAfter(newest) && live.offer(r, now).isEmpty()) {
                readings++;
            }
        }
        if (!resume.telemetry().isEmpty() || !resume.readings().isEmpty()) {
            log.info("resumed with {} of {} devices' and {} of {} end-users' latest observations (the others too old to count as live)", telemetry,
                    resume.telemetry().size(), readings, resume.readings().size());
        }
    }

    /** Tracks the commands of the center before a restart; what they call for happens at the first tick ({@link #resume}). */
    private void takeOver(ResumeState resume) {
        List<ResumeState.SentCommand> commands = new ArrayList<>(resume.commands());
        commands.sort((a, b) -> {
            int byValidity = a.command().validFrom().compareTo(b.command().validFrom());
            return byValidity != 0 ? byValidity : a.firstSentAt().compareTo(b.firstSentAt());
        });
        List<String> strangers = new ArrayList<>();
        for (ResumeState.SentCommand c : commands) {
            if (!active.assets().containsKey(c.command().device())) {
                strangers.add(c.id() + " to " + c.command().device());
                continue;
            }
            book.restore(c);
            resumed.add(c.id());
        }
        if (!strangers.isEmpty()) {
            log.warn("left out {} commands of the center before the restart to devices not in this plant's fleet: {}", strangers.size(), strangers);
        }
        for (CommandId id : resumed) {
            TrackedCommand c = book.find(id).orElseThrow();
            if (book.isCurrent(id) && c.inForce()) {
                commandedKw.put(c.device(), c.command().setpointKw());
            }
        }
    }

    /** With the default options and no listener. */
    public ControlCenter(PlanningProblem problem, DispatchPlan plan, InstantSource clock, CommandSink sink) {
        this(problem, plan, clock, sink, ControlOptions.defaults(), ControlListener.NONE);
    }

    // ---- incoming: CenterHandler --------------------------------------------------------------------------

    @Override
    public synchronized void telemetry(Telemetry telemetry) {
        Instant now = clock.instant();
        AssetId id = telemetry.device();
        Telemetry before = live.telemetry(id).orElse(null);
        Optional<LiveRejection> rejection = live.offer(telemetry, now);
        if (rejection.isPresent()) {
            refused(rejection.get(), now);
            return;
        }
        emit(new ControlEvent.TelemetryAccepted(now, telemetry));
        applyTelemetry(before, telemetry, now, true);
    }

    /**
     * What a device's accepted telemetry changes: alarms and the dispatch when it goes down or comes back, and the
     * generator's on/off record (a start seen costs its start-up when {@code seen}; one taken over at a restart was
     * seen by the center before).
     */
    private void applyTelemetry(Telemetry before, Telemetry telemetry, Instant now, boolean seen) {
        AssetId id = telemetry.device();
        OperatingState was = before == null ? null : before.state();
        OperatingState is = telemetry.state();
        if (isDown(is) && !isDown(was)) {
            Alarm.Kind kind = is == OperatingState.FAULT ? Alarm.Kind.DEVICE_FAULT : Alarm.Kind.DEVICE_MAINTENANCE;
            alarms.raise(kind, id.value(), "reports " + is + " since " + telemetry.time() + (is == OperatingState.FAULT
                    ? ": tripped or on forced outage; left out of the dispatch until it reports otherwise" : ": left out of the dispatch"), now);
            due(new Cause(Cause.Trigger.DEVICE_DOWN, id.value(), "reports " + is));
        } else if (isDown(was) && !isDown(is)) {
            alarms.clear(Alarm.Kind.DEVICE_FAULT, id.value(), now);
            alarms.clear(Alarm.Kind.DEVICE_MAINTENANCE, id.value(), now);
            excluded.remove(id); // its commands were abandoned because it was down: it gets new ones now
            due(new Cause(Cause.Trigger.DEVICE_BACK, id.value(), "reports " + is + " again"));
        }
        if (active.assets().get(id) instanceof Generator g) {
            boolean on = is == OperatingState.RUNNING || is == OperatingState.STARTING;
            Boolean wasOn = generatorOn.put(id, on);
            if (wasOn != null && wasOn != on) {
                Instant since = onSince.put(id, telemetry.time());
                if (on && seen) { // a start seen: its cost, hot or cold by the hours it was off
                    double hoursOff = since == null ? Double.POSITIVE_INFINITY : Duration.between(since, telemetry.time()).toMillis() / 3_600_000.0;
                    cost += g.startUp().costAfter(hoursOff);
                }
            }
        }
    }

    @Override
    public synchronized void ack(Ack ack) {
        Instant now = clock.instant();
        AckOutcome outcome = book.acknowledge(ack);
        emit(new ControlEvent.AckReceived(now, ack, outcome));
        if (outcome != AckOutcome.APPLIED) {
            log.debug("ack {} for command {} of {}: {}", ack.status(), ack.command(), ack.device(), outcome);
            return;
        }
        if (!book.isCurrent(ack.command())) {
            return; // a superseded command: its fate no longer matters
        }
        String device = ack.device().value();
        TrackedCommand tracked = book.find(ack.command()).orElseThrow();
        switch (ack.status()) {
            case REJECTED -> {
                excluded.put(ack.device(), "rejected its command: " + ack.reason());
                commandedKw.remove(ack.device());
                alarms.raise(Alarm.Kind.COMMAND_REJECTED, device, "rejected command " + ack.command() + " (set point "
                        + kw(tracked.command().setpointKw()) + "): " + ack.reason() + "; left out of the dispatch until the next interval", now);
                due(new Cause(Cause.Trigger.COMMAND_REJECTED, device, ack.reason()));
            }
            case ACCEPTED, DONE -> {
                alarms.clear(Alarm.Kind.COMMAND_REJECTED, device, now);
                alarms.clear(Alarm.Kind.NO_ACK, device, now);
            }
        }
    }

    @Override
    public synchronized void status(SiteStatus status) {
        Instant now = clock.instant();
        AssetId id = status.device();
        boolean wasConnected = live.connected(id);
        if (!live.offer(status)) {
            return;
        }
        emit(new ControlEvent.StatusChanged(now, status));
        boolean connected = live.connected(id);
        if (wasConnected && !connected) {
            String how = status.state() == SiteStatus.State.LOST
                    ? "connection lost without a goodbye (the broker published its last will; connection opened at " + status.connectedAt() + ")"
                    : "site went offline on purpose at " + status.time();
            alarms.raise(Alarm.Kind.DEVICE_OFFLINE, id.value(), how + ": cannot be commanded; left out of the dispatch", now);
            due(new Cause(Cause.Trigger.SITE_OFFLINE, id.value(), status.state().name().toLowerCase(Locale.ROOT)));
        } else if (!wasConnected && connected) {
            alarms.clear(Alarm.Kind.DEVICE_OFFLINE, id.value(), now);
            excluded.remove(id); // unanswered while its site was away: it gets new commands now
            due(new Cause(Cause.Trigger.SITE_ONLINE, id.value(), "online since " + status.connectedAt()));
        }
    }

    @Override
    public synchronized void demand(DemandReading reading) {
        Instant now = clock.instant();
        Optional<LiveRejection> rejection = live.offer(reading, now);
        if (rejection.isPresent()) {
            refused(rejection.get(), now);
        } else {
            emit(new ControlEvent.DemandAccepted(now, reading));
        }
    }

    @Override
    public synchronized void rejected(Rejection rejection) {
        live.countRefused(rejection);
        emit(new ControlEvent.MessageRefused(clock.instant(), rejection));
    }

    /**
     * New forecasts (or any newer data) for the same fleet: the rest of the horizon is re-planned on them at the next
     * tick. The problem's grid must cover the clock's instant.
     */
    public synchronized void updateForecasts(PlanningProblem problem) {
        requireNonNull(problem, "problem");
        long k = problem.grid().indexOf(clock.instant());
        if (k < 0 || k >= problem.grid().intervals()) {
            throw new IllegalArgumentException("the new problem's horizon " + problem.grid().start() + " .. " + problem.grid().end()
                    + " does not cover now, " + clock.instant());
        }
        newForecasts = problem;
    }

    // ---- the clock ----------------------------------------------------------------------------------------

    /**
     * Does what is due at the clock's instant: accounts for the time since the last tick, starts a new interval,
     * resends or gives up on unanswered commands, checks demand, re-plans if the day departed far from the plan, and
     * re-dispatches if anything happened. Call it often (every second or so in real time, every simulated step in a
     * demo); a tick with nothing due costs little.
     */
    public synchronized void tick() {
        Instant now = clock.instant();
        if (lastTick != null && now.isBefore(lastTick)) {
            log.warn("the clock went back from {} to {}: tick ignored", lastTick, now);
            return;
        }
        account(now);
        int k = active.intervalAt(now);
        if (k < 0) {
            if (!now.isBefore(active.grid().end()) && !planEndedRaised) {
                planEndedRaised = true;
                alarms.raise(Alarm.Kind.PLAN_ENDED, Alarm.PLANT, "the plan ended at " + active.grid().end()
                        + ": no more set points; devices fall back to their safe defaults as their commands run out", now);
            }
            hold(now, -1);
            return;
        }
        Instant start = active.grid().startOf(k);
        if (intervalStart == null || !start.equals(intervalStart)) {
            enterInterval(now, k, start);
        }
        if (!resumed.isEmpty()) {
            resume(now);
        }
        checkUnanswered(now);
        lapseOverrides(now);
        DispatchInputs.Demand demand = DispatchInputs.demand(active, k, live, now, options.readingMaxAge());
        checkDemand(demand);
        if (options.replanEnabled()) {
            k = maybeReplan(now, k);
        }
        if (!pending.isEmpty()) {
            redispatch(now, k);
        }
        book.forgetEndedBefore(now.minus(Duration.ofHours(1)));
        hold(now, k);
    }

    private void enterInterval(Instant now, int k, Instant start) {
        boolean first = intervalStart == null;
        if (!first) {
            closeInterval();
        }
        intervalStart = start;
        intervalForecastKw = active.demandKw().get(k);
        intervalDemandKwh = 0;
        intervalHours = 0;
        excluded.clear(); // devices left out after a rejected or unanswered command get another chance
        plannedCost += CostRate.planStarts(active, k);
        due(new Cause(first ? Cause.Trigger.START : Cause.Trigger.INTERVAL_START, Alarm.PLANT, "interval from " + start
                + (first && !resumed.isEmpty() ? "; resumed with " + resumed.size() + " commands of the center before the restart" : "")));
    }

    /**
     * The first tick of a center restarted mid-day: each device's latest command taken over is kept when answered
     * ACCEPTED or DONE, sent again (same id) when never answered and still valid, and keeps its device out of the
     * dispatch until the next interval when REJECTED within its interval. The dispatch that follows in the same tick
     * sends new commands only where the set points moved beyond the deadband or none is in force.
     */
    private void resume(Instant now) {
        int kept = 0;
        int resent = 0;
        int rejected = 0;
        for (CommandId id : resumed) {
            TrackedCommand c = book.find(id).orElse(null);
            if (c == null || !book.isCurrent(id)) {
                continue; // superseded: its answers no longer matter, and sending it again could undo its successor
            }
            Command command = c.command();
            switch (c.state()) {
                case ACCEPTED, DONE -> kept++;
                case SENT, NO_ANSWER -> {
                    if (now.isBefore(command.validUntil())) {
                        TrackedCommand again = book.resent(id, now);
                        emit(new ControlEvent.CommandSent(now, command, again.sends()));
                        send(command);
                        resent++;
                    }
                }
                case REJECTED -> {
                    if (now.isBefore(command.validUntil().minus(options.validityMargin()))) {
                        excluded.put(c.device(), "rejected its command before the restart: " + c.reason());
                        commandedKw.remove(c.device());
                        alarms.raise(Alarm.Kind.COMMAND_REJECTED, c.device().value(), "rejected command " + id + " (set point "
                                + kw(command.setpointKw()) + ") before the restart: " + c.reason() + "; left out of the dispatch until the next interval",
                                now);
                        rejected++;
                    }
                }
            }
        }
        log.info("resumed at {} with {} commands of the center before the restart: {} answered and kept in force, {} never answered and sent"
                + " again with their ids, {} rejected (their devices left out until the next interval)", now, resumed.size(), kept, resent, rejected);
        resumed.clear();
    }

    /** Judges the interval that just ended: did its demand depart from the forecast? */
    private void closeInterval() {
        double stepHours = active.grid().stepHours();
        if (intervalHours < stepHours / 2 || !(intervalForecastKw > 0)) {
            return; // too little of it seen to judge
        }
        double ratio = intervalDemandKwh / intervalHours / intervalForecastKw;
        if (Math.abs(ratio - 1) > options.replanDemandDeparture()) {
            departures.add(ratio);
        } else {
            departures.clear();
        }
    }

    private void checkUnanswered(Instant now) {
        for (TrackedCommand c : book.unanswered(now, options.ackTimeout())) {
            boolean stillItsInterval = now.isBefore(c.command().validUntil().minus(options.validityMargin()));
            if (c.sends() < 2 && stillItsInterval) {
                book.resent(c.id(), now);
                emit(new ControlEvent.CommandSent(now, c.command(), 2));
                send(c.command());
            } else {
                book.noAnswer(c.id());
                AssetId device = c.device();
                excluded.put(device, "answered neither command " + c.id() + " nor its resend");
                commandedKw.remove(device);
                alarms.raise(Alarm.Kind.NO_ACK, device.value(), "no answer to command " + c.id() + " (set point " + kw(c.command().setpointKw())
                        + ") sent at " + c.firstSentAt() + (c.sends() > 1 ? " and resent at " + c.lastSentAt() : "") + " within "
                        + options.ackTimeout().toSeconds() + " s: left out of the dispatch until the next interval; check its site's link", now);
                due(new Cause(Cause.Trigger.NO_ACK, device.value(), "no answer to " + c.id()));
            }
        }
    }

    private void checkDemand(DispatchInputs.Demand demand) {
        if (lastDispatch == null || !pending.isEmpty()) {
            return;
        }
        DispatchResult inForce = lastDispatch.result();
        double requiredKw = demand.kw() + inForce.requiredKw() - lastDispatch.demandKw(); // the same losses
        if (inForce.meetsDemand() && requiredKw > inForce.devicesKw() + options.coverToleranceKw()) {
            due(new Cause(Cause.Trigger.DEMAND_DEVIATION, Alarm.PLANT, "demand " + kw(demand.kw()) + " is above the " + kw(inForce.devicesKw())
                    + " the set points in force give"));
            return;
        }
        double off = demand.kw() - demandBasisKw;
        if (Math.abs(off) > options.demandDeviation() * Math.abs(demandBasisKw) && Math.abs(off) > options.demandDeviationMinKw()) {
            due(new Cause(Cause.Trigger.DEMAND_DEVIATION, Alarm.PLANT, String.format(Locale.ROOT,
                    "demand %s is %.1f %% %s the %s the set points were made for (forecast %s)", kw(demand.kw()),
                    100 * Math.abs(off) / Math.max(Math.abs(demandBasisKw), NEGLIGIBLE_KW), off > 0 ? "above" : "below", kw(demandBasisKw),
                    kw(intervalForecastKw))));
        }
    }

    /**
     * The devices lost for planning: site offline or lost, reporting FAULT, or reporting MAINTENANCE outside the
     * maintenance the problem re-plans start from knows of (that is in its availability already).
     */
    private Set<AssetId> lostNow(Instant now) {
        Set<AssetId> lost = new HashSet<>();
        int k = (int) Math.max(0, Math.min(base.grid().intervals() - 1, base.grid().indexOf(now)));
        for (Asset asset : base.assets()) {
            Telemetry t = live.telemetry(asset.id()).orElse(null);
            boolean planned = base.availability().get(asset.id()).get(k) <= 0;
            boolean down = t != null && (t.state() == OperatingState.FAULT || t.state() == OperatingState.MAINTENANCE && !planned);
            ManualOverride o = overrides.get(asset.id());
            if (!live.connected(asset.id()) || down || o != null && o.outOfService()) {
                lost.add(asset.id());
            }
        }
        return lost;
    }

    /** Re-plans the rest of the horizon when due; returns the interval of now in the plan in force afterwards. */
    private int maybeReplan(Instant now, int k) {
        Set<AssetId> lost = lostNow(now);
        Replan.Reason reason = null;
        String why = null;
        double scale = demandScale;
        if (newForecasts != null) {
            PlanningProblem newer = newForecasts;
            newForecasts = null;
            long at = newer.grid().indexOf(now);
            if (at < 0 || at >= newer.grid().intervals()) {
                log.warn("new forecasts for {} .. {} do not cover now, {}: ignored", newer.grid().start(), newer.grid().end(), now);
            } else {
                base = newer;
                scale = 1;
                reason = Replan.Reason.NEW_FORECAST;
                why = "new forecasts from " + newer.grid().startOf((int) at);
            }
        }
        if (reason == null && departures.size() >= options.replanDemandIntervals()) {
            List<Double> recent = departures.subList(departures.size() - options.replanDemandIntervals(), departures.size());
            double ratio = recent.stream().mapToDouble(Double::doubleValue).average().orElse(1);
            scale = demandScale * ratio;
            reason = Replan.Reason.DEMAND_DEPARTURE;
            why = String.format(Locale.ROOT, "demand departed from the forecast by more than %.0f %% for %d intervals in a row (actual/forecast %s):"
                    + " the rest of the forecast scaled by %.3f", 100 * options.replanDemandDeparture(), recent.size(),
                    recent.stream().map(r -> String.format(Locale.ROOT, "%.3f", r)).toList(), ratio);
        }
        if (reason == null) {
            double plannedKw = 0;
            double lostKw = 0;
            List<String> lostNames = new ArrayList<>();
            for (Asset asset : active.problem().assets()) {
                DeviceSchedule s = active.schedule(asset.id());
                if (s == null) {
                    continue;
                }
                boolean used = asset instanceof Generator ? s.committed().get(k) : Math.abs(s.powerKw().get(k)) > DeviceSchedule.ACTIVE_KW;
                if (!used) {
                    continue;
                }
                double capKw = maxOutputKw(active.problem(), asset, k);
                plannedKw += capKw;
                if (lost.contains(asset.id())) {
                    lostKw += capKw;
                    lostNames.add(asset.id().value());
                }
            }
            if (plannedKw > 0 && lostKw / plannedKw > options.replanLostCapacity()) {
                reason = Replan.Reason.LOST_CAPACITY;
                why = String.format(Locale.ROOT, "%d units the plan runs now are unavailable (%s): %s of the %s the plan uses (%.0f %%, more than %.0f %%);"
                        + " planned without them for the rest of the horizon", lostNames.size(), String.join(", ", lostNames), kw(lostKw), kw(plannedKw),
                        100 * lostKw / plannedKw, 100 * options.replanLostCapacity());
            }
        }
        if (reason == null) {
            List<String> back = plannedWithout.stream().filter(id -> !lost.contains(id)).sorted().map(AssetId::value).toList();
            if (!back.isEmpty()) {
                reason = Replan.Reason.CAPACITY_BACK;
                why = "units the last re-plan did without are available again (" + String.join(", ", back) + "): planned with them";
            }
        }
        if (reason == null) {
            return k;
        }
        Map<AssetId, Telemetry> telemetry = new HashMap<>();
        for (Asset asset : base.assets()) {
            live.telemetry(asset.id()).ifPresent(t -> telemetry.put(asset.id(), t));
        }
        int from = (int) base.grid().indexOf(now);
        long started = System.nanoTime();
        DispatchPlan plan;
        PlanningProblem rest;
        try {
            rest = RemainingHorizon.of(base, from, telemetry, onSince, lost, scale, now);
            plan = options.replanner().replan(rest);
        } catch (RuntimeException e) {
            log.error("re-planning failed ({}); the plan in force stands", why, e);
            departures.clear();
            return k;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        active = ActivePlan.of(rest, plan);
        demandScale = scale;
        plannedWithout = Set.copyOf(lost);
        departures.clear();
        Replan replan = new Replan(now, rest.grid().start(), reason, why, plan, took);
        replans.add(replan);
        log.info("re-planned the rest of the horizon from {} ({}): {}; {} in {} ms", rest.grid().start(), reason, why, plan.status().label(),
                took.toMillis());
        emit(new ControlEvent.Replanned(now, replan));
        due(new Cause(Cause.Trigger.REPLANNED, Alarm.PLANT, reason + ": " + plan.generator() + " plan, " + plan.status().label()));
        int kNow = active.intervalAt(now);
        intervalForecastKw = active.demandKw().get(kNow);
        return kNow;
    }

    private void redispatch(Instant now, int k) {
        DispatchInputs.Built in = DispatchInputs.build(active, k, live, leftOut(), commandedKw, held(), now, options);
        DispatchResult result;
        try {
            result = dispatcher.dispatch(in.request());
        } catch (RuntimeException e) {
            log.error("the dispatch failed at {}; the set points in force stand", now, e);
            alarms.raise(Alarm.Kind.DISPATCH_FAILED, Alarm.PLANT, "the dispatch failed (" + e.getMessage() + "); the set points in force stand", now);
            pending.clear();
            return;
        }
        alarms.clear(Alarm.Kind.DISPATCH_FAILED, Alarm.PLANT, now);
        if (result.meetsDemand()) {
            alarms.clear(Alarm.Kind.DEMAND_NOT_MET, Alarm.PLANT, now);
        } else {
            alarms.raise(Alarm.Kind.DEMAND_NOT_MET, Alarm.PLANT, in.shortfall(result), OptionalDouble.of(result.shortKw()), now);
        }
        List<String> notes = new ArrayList<>(in.notes());
        if (result.spillKw() > DispatchResult.TOLERANCE_KW) {
            notes.add("oversupply " + kw(result.spillKw()) + " that nothing takes (minimum stable power, renewables that cannot be curtailed)");
        }
        if (!result.started().isEmpty()) {
            notes.add("started " + result.started() + " beyond the plan's commitment to cover demand");
        }
        int sent = sendCommands(in, result, now, k) + stopOutOfService(now, k);
        Redispatch redispatch = new Redispatch(now, intervalStart, List.copyOf(pending.values()), in.demand().kw(), in.demand().metersOnForecast(),
                notes, result, sent);
        pending.clear();
        lastDispatch = redispatch;
        demandBasisKw = in.demand().kw();
        dispatchedImportKw = result.importKw();
        dispatchedExportKw = result.exportKw();
        redispatchCount++;
        redispatches.addLast(redispatch);
        if (redispatches.size() > REDISPATCH_HISTORY) {
            redispatches.removeFirst();
        }
        log.debug("dispatched at {} for {}: demand {} kW, devices {} kW, {} commands ({} ms)", now, redispatch.causes(), in.demand().kw(),
                result.devicesKw(), sent, result.solveTime().toMillis());
        emit(new ControlEvent.Redispatched(now, redispatch));
    }

    /** A device's command in a dispatch: what to send, and what it gives if its command in force is kept instead. */
    private record Order(AssetId id, double setpointKw, double givesKw, boolean withinDeadband, double keptGivesKw) {
        double shortfallIfKeptKw() {
            return givesKw - keptGivesKw;
        }
    }

    /**
     * Sends the commands a dispatch calls for; returns how many. A device whose set point moved by no more than its
     * deadband keeps its command in force, unless the commands kept would leave the set points short of what the
     * dispatch gives by more than the cover tolerance: then those furthest below their new set point are sent anyway.
     */
    private int sendCommands(DispatchInputs.Built in, DispatchResult result, Instant now, int k) {
        Instant intervalEnd = active.grid().endOf(k);
        Instant until = intervalEnd.plus(options.validityMargin());
        Map<AssetId, Double> renewableAvailableKw = new HashMap<>();
        for (RenewableOffer r : in.request().renewables()) {
            renewableAvailableKw.put(r.id(), r.availableKw());
        }
        List<Order> orders = new ArrayList<>();
        double effectiveKw = 0;
        for (Map.Entry<AssetId, Double> e : result.setpointsKw().entrySet()) {
            AssetId id = e.getKey();
            Asset asset = active.assets().get(id);
            double givesKw = e.getValue();
            double kw = givesKw;
            double deadband = options.deadbandKw(asset.ratedPowerKw());
            TrackedCommand current = book.current(id).orElse(null);
            boolean inForce = current != null && current.inForce() && !current.command().validUntil().isBefore(intervalEnd);
            double keptKw = inForce ? current.command().setpointKw() : 0;
            ManualOverride hold = overrides.get(id);
            switch (asset) {
                case Renewable r when hold != null && hold.setpointKw().isPresent() -> {
                    kw = hold.setpointKw().getAsDouble(); // held: told its set point as its cap, it gives that or what the weather gives if less
                    keptKw = Math.min(keptKw, givesKw);
                }
                case Renewable r -> {
                    if (!r.curtailable()) {
                        effectiveKw += givesKw;
                        continue; // it gives what the weather gives, whatever it is told
                    }
                    double availableKw = renewableAvailableKw.get(id);
                    if (kw >= availableKw - deadband) {
                        kw = r.ratedPowerKw() * active.problem().availability().get(id).get(k); // not curtailed: full output, whatever the weather
                    }
                    keptKw = inForce ? Math.min(keptKw, availableKw) : availableKw; // without a command: full output
                }
                case Generator g -> {
                    Telemetry t = live.telemetry(id).orElse(null);
                    boolean stopped = t != null && t.state() == OperatingState.STOPPED;
                    if (kw == 0 && stopped && (!inForce || current.command().setpointKw() == 0)) {
                        continue; // stays stopped: its safe default is 0 kW already
                    }
                }
                case Storage s -> {
                    // always commanded: the plan's set point is a decision, not a default
                }
            }
            boolean keep = inForce && Math.abs(current.command().setpointKw() - kw) <= deadband;
            orders.add(new Order(id, kw, givesKw, keep, keptKw));
            effectiveKw += keep ? keptKw : givesKw;
        }
        double targetKw = result.devicesKw() - options.coverToleranceKw();
        boolean[] send = new boolean[orders.size()];
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            send[i] = !orders.get(i).withinDeadband();
            if (!send[i]) {
                kept.add(i);
            }
        }
        if (effectiveKw < targetKw) { // the deadband would leave demand uncovered: send those furthest below first
            kept.sort((a, b) -> Double.compare(orders.get(b).shortfallIfKeptKw(), orders.get(a).shortfallIfKeptKw()));
            for (int i : kept) {
                if (effectiveKw >= targetKw) {
                    break;
                }
                Order o = orders.get(i);
                if (o.shortfallIfKeptKw() > 0) {
                    send[i] = true;
                    effectiveKw += o.shortfallIfKeptKw();
                }
            }
        }
        int sent = 0;
        for (int i = 0; i < orders.size(); i++) {
            if (!send[i]) {
                continue;
            }
            Order o = orders.get(i);
            Command command = new Command(options.commandIds().get(), o.id(), o.setpointKw(), now, until,
                    setpointKvar(active.assets().get(o.id()), o.givesKw()));
            book.sent(command, now);
            commandedKw.put(o.id(), o.setpointKw());
            emit(new ControlEvent.CommandSent(now, command, 1));
            send(command);
            sent++;
        }
        return sent;
    }

    /**
     * A 0 kW command to every device out of service whose site is connected and whose command in force is not 0 kW
     * already (a generator that reports STOPPED without a command needs none); returns how many.
     */
    private int stopOutOfService(Instant now, int k) {
        Instant until = active.grid().endOf(k).plus(options.validityMargin());
        int sent = 0;
        for (ManualOverride o : overrides.values()) {
            AssetId id = o.device();
            if (!o.outOfService() || !live.connected(id)) {
                continue;
            }
            TrackedCommand current = book.current(id).orElse(null);
            boolean inForce = current != null && current.inForce();
            if (inForce && current.command().setpointKw() == 0) {
                continue;
            }
            Telemetry t = live.telemetry(id).orElse(null);
            if (!inForce && active.assets().get(id) instanceof Generator && t != null && t.state() == OperatingState.STOPPED) {
                continue;
            }
            Command command = new Command(options.commandIds().get(), id, 0, now, until, OptionalDouble.empty());
            book.sent(command, now);
            commandedKw.put(id, 0.0);
            emit(new ControlEvent.CommandSent(now, command, 1));
            send(command);
            sent++;
        }
        return sent;
    }

    /** The devices left out of the dispatch now: excluded until the next interval, and out of service until returned. */
    private Map<AssetId, String> leftOut() {
        if (overrides.values().stream().noneMatch(ManualOverride::outOfService)) {
            return excluded;
        }
        Map<AssetId, String> out = new LinkedHashMap<>(excluded);
        for (ManualOverride o : overrides.values()) {
            if (o.outOfService()) {
                out.put(o.device(), o.describe());
            }
        }
        return out;
    }

    /** The devices held at a set point. */
    private Map<AssetId, ManualOverride> held() {
        Map<AssetId, ManualOverride> held = new LinkedHashMap<>();
        for (ManualOverride o : overrides.values()) {
            if (!o.outOfService()) {
                held.put(o.device(), o);
            }
        }
        return held;
    }

    /** Overrides whose {@code until} has come end by themselves: the device returns to the plan. */
    private void lapseOverrides(Instant now) {
        List<ManualOverride> lapsed = overrides.values().stream().filter(o -> o.lapsedAt(now)).toList();
        for (ManualOverride o : lapsed) {
            end(o, "lapsed at " + o.until().orElseThrow(), now);
        }
    }

    private void end(ManualOverride o, String how, Instant now) {
        overrides.remove(o.device());
        alarms.clear(Alarm.Kind.MANUAL_OVERRIDE, o.device().value(), now);
        log.info("manual override of {} ended ({}): back to the plan", o.device(), how);
        emit(new ControlEvent.OverrideEnded(now, o, how));
        due(new Cause(Cause.Trigger.OVERRIDE_ENDED, o.device().value(), how));
    }

    /**
     * The reactive set point a command carries (issue 7): what the device's fleet {@code reactive} setting asks for
     * at the output the dispatch expects of it ({@code givesKw}: for a renewable told its full output, what it can
     * give now), held within its capability circle as the power flow assumes ({@code AssetInfo.kvarAt}: a power
     * factor gives {@code Q = P·tan(acos pf)}, negated when absorbing; a fixed kvar that value). None for a unity
     * setting, where the device's own default is the same 0 kvar, nor for a device not to run, which gives none.
     */
    private static OptionalDouble setpointKvar(Asset asset, double givesKw) {
        if (asset.info().reactive().equals(ReactivePower.UNITY) || Math.abs(givesKw) < 1e-9) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(asset.info().kvarAt(givesKw));
    }

    private void send(Command command) {
        CompletableFuture<SendOutcome> future;
        try {
            future = sink.send(command);
        } catch (RuntimeException e) {
            log.warn("the command sink failed on {} for {}", command.id(), command.device(), e);
            book.delivered(command.id(), new SendOutcome.Failed(String.valueOf(e.getMessage())));
            return;
        }
        future.whenComplete((outcome, failure) -> {
            synchronized (ControlCenter.this) {
                book.delivered(command.id(), failure != null ? new SendOutcome.Failed(String.valueOf(failure.getMessage())) : outcome);
            }
        });
    }

    /** Adds the time since the last tick to the report, with the values held since then. */
    private void account(Instant now) {
        if (firstTick == null) {
            firstTick = now;
        }
        if (lastTick != null) {
            double h = Duration.between(lastTick, now).toNanos() / 3.6e12;
            demandKwh += heldDemandKw * h;
            outputKwh += heldOutputKw * h;
            servedKwh += Math.min(heldDemandKw, heldOutputKw + heldImportKw) * h;
            unservedKwh += Math.max(0, heldDemandKw - heldOutputKw - heldImportKw) * h;
            shortKwh += Math.max(0, heldDemandKw - heldOutputKw) * h;
            cost += heldCostPerHour * h;
            plannedCost += heldPlanCostPerHour * h;
            intervalDemandKwh += heldDemandKw * h;
            intervalHours += h;
        }
        lastTick = now;
    }

    /** The values held until the next tick: demand, the devices' output, the cost rates. */
    private void hold(Instant now, int k) {
        if (k < 0) {
            heldDemandKw = 0;
            heldOutputKw = 0;
            heldImportKw = 0;
            heldCostPerHour = 0;
            heldPlanCostPerHour = 0;
            return;
        }
        heldDemandKw = DispatchInputs.demand(active, k, live, now, options.readingMaxAge()).kw();
        double outputKw = 0;
        double costPerHour = 0;
        for (Asset asset : active.problem().assets()) {
            Telemetry t = live.telemetry(asset.id()).orElse(null);
            if (t == null || t.time().plus(options.readingMaxAge()).isBefore(now)) {
                continue; // nothing recent: counted as giving nothing
            }
            outputKw += t.powerKw();
            boolean running = t.state() == OperatingState.RUNNING || t.state() == OperatingState.STARTING;
            costPerHour += CostRate.of(asset, t.powerKw(), running && t.powerKw() > 0);
        }
        heldOutputKw = outputKw;
        heldImportKw = dispatchedImportKw;
        heldCostPerHour = costPerHour + CostRate.grid(active.problem(), k, dispatchedImportKw, dispatchedExportKw);
        heldPlanCostPerHour = CostRate.plan(active, k);
    }

    // ---- what it knows ------------------------------------------------------------------------------------

    public synchronized ControlReport report() {
        Instant now = lastTick == null ? clock.instant() : lastTick;
        return new ControlReport(firstTick == null ? now : firstTick, now, currency, demandKwh, outputKwh, servedKwh, unservedKwh, shortKwh, cost,
                plannedCost, book.sentCount(), book.resumedCount(), book.resendCount(), book.acceptedCount(), book.doneCount(), book.rejectedCount(),
                book.noAnswerCount(), book.duplicateAckCount(), book.lateAckCount(), book.unknownAckCount(), live.telemetryAccepted(),
                live.readingsAccepted(), live.rejectedByRule(), live.refusedByReason(), redispatchCount, List.copyOf(redispatches), replans,
                alarms.history());
    }

    /** The live state (thread-safe on its own). */
    public LiveState live() {
        return live;
    }

    public synchronized Optional<TrackedCommand> command(CommandId id) {
        return book.find(id);
    }

    /** The latest command sent to {@code device}. */
    public synchronized Optional<TrackedCommand> currentCommand(AssetId device) {
        return book.current(device);
    }

    public synchronized List<Alarm> activeAlarms() {
        return alarms.active();
    }

    public synchronized Optional<Alarm> activeAlarm(Alarm.Kind kind, String subject) {
        return alarms.active(kind, subject);
    }

    public synchronized Optional<Redispatch> lastDispatch() {
        return Optional.ofNullable(lastDispatch);
    }

    /** The plan in force (another after a re-plan). */
    public synchronized DispatchPlan plan() {
        return active.plan();
    }

    /** The problem the plan in force was made for. */
    public synchronized PlanningProblem problem() {
        return active.problem();
    }

    /**
     * Devices left out of the dispatch, with why: until the next interval (a rejected or unanswered command), or until
     * returned (out of service).
     */
    public synchronized Map<AssetId, String> excluded() {
        return Map.copyOf(leftOut());
    }

    /** The operator's manual overrides in force, by device. */
    public synchronized Map<AssetId, ManualOverride> overrides() {
        return Map.copyOf(overrides);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private void due(Cause cause) {
        pending.putIfAbsent(cause.trigger() + "|" + cause.subject(), cause);
    }

    private void refused(LiveRejection rejection, Instant now) {
        emit(new ControlEvent.ValueRejected(now, rejection));
        long n = rejectionsLogged.merge(rejection.rule(), 1L, Long::sum);
        if (n == 1 || n % 1000 == 0) {
            log.warn("refused ({} so far for {}): {}", n, rejection.rule().id(), rejection.message());
        } else {
            log.debug("refused: {}", rejection.message());
        }
    }

    private void emit(ControlEvent event) {
        try {
            listener.on(event);
        } catch (RuntimeException e) {
            log.warn("the control listener failed on {}", event.getClass().getSimpleName(), e);
        }
    }

    /** What {@code asset} may give in interval {@code k}, as {@code PlanningProblem.maxOutputKw} says, for one interval. */
    private static double maxOutputKw(PlanningProblem problem, Asset asset, int k) {
        double share = problem.availability().get(asset.id()).get(k);
        return switch (asset) {
            case Generator g -> share * g.ratedPowerKw();
            case Storage s -> share * s.maxDischargeKw();
            case Renewable r -> Math.min(share * r.ratedPowerKw(), problem.forecastKw().get(r.id()).get(k));
        };
    }

    private static boolean isDown(OperatingState state) {
        return state == OperatingState.FAULT || state == OperatingState.MAINTENANCE;
    }

    private static String kw(double kw) {
        return String.format(Locale.ROOT, "%.1f kW", kw);
    }

    // ---- for the operator (the server's API) -------------------------------------------------------------

    /** The center's clock now. */
    public Instant now() {
        return clock.instant();
    }

    /**
     * Aggregate demand now as the dispatch counts it: the end-users' readings of this interval at most
     * {@code readingMaxAge} old, the forecast for the others; 0 outside the plan's horizon.
     */
    public synchronized double demandKw() {
        Instant now = clock.instant();
        int k = active.intervalAt(now);
        return k < 0 ? 0 : DispatchInputs.demand(active, k, live, now, options.readingMaxAge()).kw();
    }

    /** Every alarm raised in the run, as it stands now (cleared ones with their time), oldest first. */
    public synchronized List<Alarm> alarmHistory() {
        return alarms.history();
    }

    /**
     * An operator ({@code by}) acknowledges alarm {@code id}: it stays active until its condition ends, and the listener
     * hears {@link ControlEvent.AlarmAcknowledged}. Only the first acknowledgement counts. Empty when no alarm has that id.
     */
    public synchronized Optional<Alarm> acknowledgeAlarm(long id, String by) {
        return alarms.acknowledge(id, by, clock.instant());
    }

    /**
     * Runs {@code plan} from now on instead of the plan in force: the operator chose it among the candidate plans. It
     * must be made for this plant's problem (the one re-plans start from: same grid, only its devices). It replaces the
     * plan in force as a re-plan does: listed in the report's re-plans ({@link Replan.Reason#OPERATOR_CHOICE}, with
     * {@code why}), told to the listener, and dispatched at the next tick. Later events may re-plan from it as usual.
     *
     * @throws IllegalArgumentException when the plan is for another grid or schedules a device not in the fleet
     */
    public synchronized Replan adopt(DispatchPlan plan, String why) {
        requireNonNull(plan, "plan");
        requireNonNull(why, "why");
        ActivePlan next = ActivePlan.of(base, plan);
        for (DeviceSchedule s : plan.schedules()) {
            if (!next.assets().containsKey(s.asset())) {
                throw new IllegalArgumentException("the plan schedules " + s.asset() + ", which is not in this plant's fleet");
            }
        }
        Instant now = clock.instant();
        active = next;
        plannedWithout = Set.of();
        departures.clear();
        int k = active.intervalAt(now);
        Replan replan = new Replan(now, k < 0 ? now : active.grid().startOf(k), Replan.Reason.OPERATOR_CHOICE, why, plan, Duration.ZERO);
        replans.add(replan);
        log.info("adopted the {} plan chosen by the operator: {}", plan.generator(), why);
        emit(new ControlEvent.Replanned(now, replan));
        due(new Cause(Cause.Trigger.REPLANNED, Alarm.PLANT, "the operator's choice: " + why));
        if (k >= 0) {
            intervalForecastKw = active.demandKw().get(k);
        }
        return replan;
    }

    /** What became of an operator's override: applied, or refused with a reason a person can act on. */
    public sealed interface OverrideResult {
        record Applied(ManualOverride override) implements OverrideResult {}

        record Refused(String reason) implements OverrideResult {}
    }

    /**
     * An operator ({@code by}) holds {@code device} at {@code setpointKw} until returned, or until {@code until}: the
     * dispatch takes its output as fixed there and covers the rest with the other devices, from the next tick. Refused
     * when the set point is beyond what the device can physically do: a generator 0 (off) or between its minimum stable
     * power and its rating; a renewable only if curtailable, 0 up to its rating; storage from its charge limit (negative)
     * to its discharge limit; or when {@code until} is not after now. Replaces any override of the device in force.
     *
     * @throws IllegalArgumentException when the device is not in the fleet
     */
    public synchronized OverrideResult hold(AssetId device, double setpointKw, Optional<Instant> until, String by, String note) {
        Asset asset = asset(device);
        Instant now = clock.instant();
        String refused = outOfRange(asset, setpointKw);
        if (refused == null && until.isPresent() && !until.get().isAfter(now)) {
            refused = "until " + until.get() + " is not after now, " + now;
        }
        if (refused != null) {
            return new OverrideResult.Refused(refused);
        }
        return new OverrideResult.Applied(override(new ManualOverride(device, OptionalDouble.of(setpointKw), by, note.strip(), now, until)));
    }

    /**
     * An operator ({@code by}) takes {@code device} out of service until returned: it is left out of the dispatch and
     * told 0 kW, from the next tick; the other devices cover what it gave.
     *
     * @throws IllegalArgumentException when the device is not in the fleet
     */
    public synchronized ManualOverride takeOutOfService(AssetId device, String by, String note) {
        asset(device);
        return override(new ManualOverride(device, OptionalDouble.empty(), by, note.strip(), clock.instant(), Optional.empty()));
    }

    /**
     * An operator ({@code by}) returns {@code device} to the plan: its override ends and the next tick dispatches it as
     * the plan says. Empty when it was not overridden.
     *
     * @throws IllegalArgumentException when the device is not in the fleet
     */
    public synchronized Optional<ManualOverride> returnToPlan(AssetId device, String by) {
        asset(device);
        ManualOverride o = overrides.get(device);
        if (o == null) {
            return Optional.empty();
        }
        end(o, "returned by " + by, clock.instant());
        return Optional.of(o);
    }

    private ManualOverride override(ManualOverride o) {
        Instant now = o.since();
        overrides.put(o.device(), o);
        alarms.raise(Alarm.Kind.MANUAL_OVERRIDE, o.device().value(), o.describe(), now);
        log.info("manual override of {}: {}", o.device(), o.describe());
        emit(new ControlEvent.OverrideSet(now, o));
        due(new Cause(Cause.Trigger.OVERRIDE, o.device().value(), o.describe()));
        return o;
    }

    private Asset asset(AssetId device) {
        requireNonNull(device, "device");
        Asset asset = active.assets().get(device);
        if (asset == null) {
            throw new IllegalArgumentException("no device " + device + " in this plant's fleet");
        }
        return asset;
    }

    /** Why {@code kw} is beyond what {@code asset} can physically do, or null when it is within. */
    static String outOfRange(Asset asset, double kw) {
        if (!Double.isFinite(kw)) {
            return "the set point must be a finite number of kW: " + kw;
        }
        return switch (asset) {
            case Generator g -> kw < 0 ? "a generator cannot take power from the grid: " + kw(kw) + " (positive into the grid)"
                    : kw > g.ratedPowerKw() ? kw(kw) + " is above " + g.id() + "'s rating of " + kw(g.ratedPowerKw())
                    : kw > 0 && kw < g.minStablePowerKw() ? kw(kw) + " is below " + g.id() + "'s minimum stable power of " + kw(g.minStablePowerKw())
                      + ": hold it at 0 kW (off) or at least that"
                    : null;
            case Renewable r -> !r.curtailable() ? r.id() + " cannot be curtailed: it gives what the weather gives; take it out of service instead"
                    : kw < 0 ? "a renewable cannot take power from the grid: " + kw(kw)
                    : kw > r.ratedPowerKw() ? kw(kw) + " is above " + r.id() + "'s rating of " + kw(r.ratedPowerKw())
                    : null;
            case Storage s -> kw < -s.maxChargeKw() ? kw(kw) + " charges faster than " + s.id() + "'s charge limit of " + kw(s.maxChargeKw())
                      + " (charging is negative)"
                    : kw > s.maxDischargeKw() ? kw(kw) + " is above " + s.id() + "'s discharge limit of " + kw(s.maxDischargeKw())
                    : null;
        };
    }
}
