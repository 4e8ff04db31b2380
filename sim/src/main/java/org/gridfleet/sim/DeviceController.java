package org.gridfleet.sim;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.MaintenanceWindow;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.Command;
import org.gridfleet.model.control.CommandId;
import org.gridfleet.model.control.OperatingState;
import org.gridfleet.model.control.Telemetry;

/**
 * The controller of one device at its site, with the device's physics: takes commands ({@link #accept}),
 * moves the device through simulated time ({@link #step}) and reports on it ({@link #telemetry},
 * {@link #status}, and later acks in its {@link #outbox}). One subclass per category: generators (emergency
 * generator, fuel cell, reciprocating engine, microturbine), renewables (photovoltaic, wind turbine) and storage
 * (battery, SMES, flywheel); docs/simulator.md gives each one's equations and states.
 *
 * <h2>Commands and acks</h2>
 * {@link #accept} answers at once, at the clock's instant:
 * <ul>
 *   <li>a command id answered before gets its latest ack again and is not applied again;</li>
 *   <li>{@code REJECTED} for a command meant for another device, one whose validity has ended, while the device
 *       is tripped or on forced outage, when a maintenance window covers the command's start, and for a set point
 *       the device cannot follow (each category says which, and the reason names the nearest feasible one);</li>
 *   <li>{@code ACCEPTED} otherwise, with a reason when something will hold it back (a minimum time, an empty
 *       store, the weather). A command valid from a later time waits for it.</li>
 * </ul>
 * Of the accepted commands valid at a time, the one accepted last rules; with none the device follows its safe
 * default (generators and storage 0 kW, renewables their full output). Later acks go to the outbox: {@code DONE}
 * once the ruling command's set point is reached (within {@value #DONE_TOLERANCE_KW} kW, at the exact simulated
 * instant), and a late {@code REJECTED} for every command in force when the device trips, fails or goes into
 * maintenance.
 *
 * <h2>Time</h2>
 * {@link #step} simulates {@code [now, now + dt)} where now is the clock's instant; whoever steps the controller
 * (the {@link Field}) then advances the clock by {@code dt}. Inside a step the controller cuts time at every
 * event (failure, repair, maintenance boundary, command validity, end of start-up, arrival at a ramp's target)
 * and integrates exactly between them, so trajectories, acks and outages do not depend on the step length.
 * What does: the weather, which holds for a step, and a store's self-discharge, whose one-form energy balance is
 * applied to each span (a difference of the order of {@code selfDischargePerHour · h} of the energy moved).
 *
 * <p>Thread-safe: a communication device may call {@link #accept} and {@link #telemetry} from its own thread
 * while the field steps.
 */
public abstract sealed class DeviceController permits GeneratorController, RenewableController, StorageController {
    /** How close to its set point a device must be for {@code DONE}: 1 W. */
    public static final double DONE_TOLERANCE_KW = 1e-3;
    /** Set points within this of a limit count as at it. */
    static final double SETPOINT_TOLERANCE_KW = 1e-6;
    private static final int MAX_PIECES_PER_STEP = 100_000;

    private final Asset asset;
    final InstantSource clock;
    private final CommandBook book = new CommandBook();
    private final AckOutbox outbox = new AckOutbox();
    private final OutageProcess outages;
    private final List<MaintenanceWindow> maintenance;
    private MaintenanceWindow inMaintenance;
    private Instant trippedAt;
    private Instant simulatedUntil;
    /** The end of the step being simulated, for a category that looks ahead within it. */
    Instant stepEnd;

    DeviceController(Asset asset, InstantSource clock, long seed, boolean forcedOutages) {
        this.asset = requireNonNull(asset, "asset");
        this.clock = requireNonNull(clock, "clock");
        Instant now = clock.instant();
        this.simulatedUntil = now;
        this.outages = new OutageProcess(asset.info().reliability(), Seeds.derive(seed, "outage", asset.id().value()), forcedOutages, now);
        this.maintenance = asset.info().maintenance().stream().sorted(Comparator.comparing(MaintenanceWindow::start)).toList();
    }

    /**
     * The controller for {@code asset}, on {@code clock}, its random outages drawn from {@code options.seed()} and
     * its id (off when {@code options.forcedOutages()} is false).
     */
    public static DeviceController of(Asset asset, InstantSource clock, FieldOptions options) {
        requireNonNull(options, "options");
        return switch (asset) {
            case Generator g -> new GeneratorController(g, clock, options.seed(), options.forcedOutages());
            case Renewable r -> new RenewableController(r, clock, options.seed(), options.forcedOutages(), options.windCurve());
            case Storage s -> new StorageController(s, clock, options.seed(), options.forcedOutages());
        };
    }

    public final AssetId id() {
        return asset.id();
    }

    public final DeviceType type() {
        return asset.type();
    }

    public Asset asset() {
        return asset;
    }

    /** The acks this controller produced since they were last drained. */
    public final AckOutbox outbox() {
        return outbox;
    }

    // ---- commands ----------------------------------------------------------------------------------------

    /** Answers {@code command} at the clock's instant; see the class comment for the rules. */
    public final synchronized Ack accept(Command command) {
        requireNonNull(command, "command");
        Instant now = clock.instant();
        CommandBook.Entry seen = book.find(command.id());
        if (seen != null) {
            return seen.latest;
        }
        Ack ack;
        if (!command.device().equals(id())) {
            ack = ack(command, Ack.Status.REJECTED, "this is the controller of " + id() + "; the command is for " + command.device(), now);
        } else if (!now.isBefore(command.validUntil())) {
            ack = ack(command, Ack.Status.REJECTED, "expired at " + command.validUntil() + ", received at " + now, now);
        } else {
            Instant from = command.validFrom().isAfter(now) ? command.validFrom() : now;
            String down = unavailableReason(from);
            if (down != null) {
                ack = ack(command, Ack.Status.REJECTED, down, now);
            } else {
                Verdict verdict = judge(command.setpointKw(), from, command.validUntil());
                String note = verdict.accepted()
                        ? withReactiveNote(withMaintenanceNote(verdict.text(), from, command.validUntil()), command)
                        : verdict.text();
                ack = ack(command, verdict.accepted() ? Ack.Status.ACCEPTED : Ack.Status.REJECTED, note, now);
            }
        }
        book.remember(command, ack);
        return ack;
    }

    private Ack ack(Command command, Ack.Status status, String reason, Instant time) {
        return new Ack(command.id(), id(), status, reason, time);
    }

    private String unavailableReason(Instant from) {
        if (trippedAt != null) {
            return "tripped at " + trippedAt + " (fault injection): takes no commands until repaired";
        }
        if (outages.failed()) {
            return "on forced outage since " + outages.failedSince() + " (mean time to repair " + Wording.hours(outages.mttrHours())
                    + "): takes no commands until repaired";
        }
        MaintenanceWindow w = windowAt(from);
        if (w != null) {
            return "in maintenance (" + w.reason() + ") from " + w.start() + " until " + w.end() + ": send a command valid from " + w.end();
        }
        return null;
    }

    private String withMaintenanceNote(String note, Instant from, Instant until) {
        for (MaintenanceWindow w : maintenance) {
            if (w.start().isAfter(from) && w.start().isBefore(until)) {
                String more = "maintenance (" + w.reason() + ") from " + w.start() + ": the command is dropped then";
                return note.isEmpty() ? more : note + "; " + more;
            }
        }
        return note;
    }

    /**
     * Says so when the command's reactive set point lies beyond the capability circle at its active set point, or
     * when the device will not run to give it: it is still accepted, since the active set point stands and the
     * device holds what it can, but never clipped in silence.
     */
    private String withReactiveNote(String note, Command command) {
        if (command.setpointKvar().isEmpty()) {
            return note;
        }
        double kvar = command.setpointKvar().getAsDouble();
        double kw = command.setpointKw();
        String more = null;
        if (Math.abs(kw) <= SETPOINT_TOLERANCE_KW && Math.abs(kvar) > SETPOINT_TOLERANCE_KW) {
            more = "reactive set point " + Wording.kvar(kvar) + ": none while it does not run (set point 0 kW)";
        } else {
            double capability = capabilityKvar(kw);
            if (Math.abs(kvar) > capability + SETPOINT_TOLERANCE_KW) {
                more = "reactive set point " + Wording.kvar(kvar) + " is beyond its capability of " + Wording.kvar(capability) + " at "
                        + Wording.kw(kw) + " (rating " + Wording.number(ratingKva(), 3) + " kVA): it holds "
                        + Wording.kvar(Math.copySign(capability, kvar));
            }
        }
        if (more == null) {
            return note;
        }
        return note.isEmpty() ? more : note + "; " + more;
    }

    /** A category's judgement of a set point: accepted (with a note, possibly empty) or rejected (with a reason). */
    record Verdict(boolean accepted, String text) {
        static Verdict accept(String note) {
            return new Verdict(true, note);
        }

        static Verdict reject(String reason) {
            return new Verdict(false, reason);
        }
    }

    // ---- stepping ----------------------------------------------------------------------------------------

    /**
     * Simulates {@code [now, now + dt)} in weather {@code env}, where now is the clock's instant (which may not be
     * before the end of the previous step). The caller then advances the clock.
     */
    public final synchronized void step(Duration dt, Environment env) {
        requireNonNull(dt, "dt");
        requireNonNull(env, "env");
        if (dt.isNegative() || dt.isZero()) {
            throw new IllegalArgumentException(id() + ": step must be positive: " + dt);
        }
        Instant t = clock.instant();
        if (t.isBefore(simulatedUntil)) {
            throw new IllegalStateException(id() + ": asked to step from " + t + " but already simulated until " + simulatedUntil
                    + ": advance the clock after each step");
        }
        Instant end = t.plus(dt);
        stepEnd = end;
        prepare(env);
        settle(t);
        int pieces = 0;
        while (t.isBefore(end)) {
            Instant next = earliest(end, nextEventAfter(t));
            advance(t, next, setpointAt(t), isAvailable());
            t = next;
            settle(t);
            if (++pieces > MAX_PIECES_PER_STEP) {
                throw new IllegalStateException(id() + ": more than " + MAX_PIECES_PER_STEP + " events in one step at " + t);
            }
        }
        simulatedUntil = end;
    }

    /** At {@code t}: expire commands, apply outages and maintenance, let the device decide, and check for DONE. */
    private void settle(Instant t) {
        book.expire(t);
        updateAvailability(t);
        CommandBook.Entry active = book.activeAt(t);
        double setpointKw = setpointOf(active);
        boolean available = isAvailable();
        decide(t, setpointKw, available);
        if (active != null && !active.done && available && reached(setpointKw)) {
            active.done = true;
            Ack done = ack(active.command, Ack.Status.DONE, "set point " + Wording.kw(setpointKw) + " reached", t);
            active.latest = done;
            outbox.add(done);
        }
    }

    private Instant nextEventAfter(Instant t) {
        Instant next = book.nextBoundaryAfter(t);
        next = earliest(next, outages.nextTransitionAfter(t));
        next = earliest(next, nextMaintenanceBoundaryAfter(t));
        if (isAvailable()) {
            Instant own = nextEvent(t, setpointAt(t));
            if (own != null && own.isAfter(t)) {
                next = earliest(next, own);
            }
        }
        return next;
    }

    private double setpointAt(Instant t) {
        return setpointOf(book.activeAt(t));
    }

    private double setpointOf(CommandBook.Entry active) {
        return active == null ? safeDefaultKw() : active.command.setpointKw();
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    // ---- availability: maintenance, forced outages, trips ------------------------------------------------

    private void updateAvailability(Instant t) {
        boolean before = isAvailable();
        MaintenanceWindow w = windowAt(t);
        if (w != null && inMaintenance == null) {
            outages.suspend();
        } else if (w == null && inMaintenance != null && trippedAt == null) {
            outages.resume(t);
        }
        inMaintenance = w;
        if (trippedAt == null && inMaintenance == null) {
            outages.update(t);
        }
        boolean after = isAvailable();
        if (before && !after) {
            goingDown(t, unavailableReason(t));
        } else if (!before && after) {
            comeBack(t);
        }
    }

    private void goingDown(Instant t, String reason) {
        for (CommandBook.Entry e : book.abandonAll()) {
            Ack abandoned = ack(e.command, Ack.Status.REJECTED, "abandoned at " + t + ": " + reason, t);
            e.latest = abandoned;
            outbox.add(abandoned);
        }
        goDown(t);
    }

    /** True unless tripped, on forced outage or in maintenance. */
    final boolean isAvailable() {
        return trippedAt == null && inMaintenance == null && !outages.failed();
    }

    private MaintenanceWindow windowAt(Instant t) {
        for (MaintenanceWindow w : maintenance) {
            if (!t.isBefore(w.start()) && t.isBefore(w.end())) {
                return w;
            }
        }
        return null;
    }

    private Instant nextMaintenanceBoundaryAfter(Instant t) {
        Instant next = null;
        for (MaintenanceWindow w : maintenance) {
            if (w.start().isAfter(t)) {
                next = earliest(next, w.start());
            }
            if (w.end().isAfter(t)) {
                next = earliest(next, w.end());
            }
        }
        return next;
    }

    /**
     * Fault injection: the device trips at the clock's instant (output 0 at once, state FAULT, every command in
     * force abandoned with a late REJECTED) and stays down until {@link #repair}. Random outages wait meanwhile.
     */
    public final synchronized void trip() {
        Instant t = clock.instant();
        if (trippedAt != null) {
            return;
        }
        boolean before = isAvailable();
        trippedAt = t;
        outages.suspend();
        if (before) {
            goingDown(t, "tripped (fault injection)");
        }
    }

    /** Ends a trip or a random forced outage at the clock's instant; the device comes back stopped. */
    public final synchronized void repair() {
        Instant t = clock.instant();
        boolean before = isAvailable();
        trippedAt = null;
        if (inMaintenance == null) {
            outages.resume(t);
        }
        if (!before && isAvailable()) {
            comeBack(t);
        }
    }

    // ---- reporting ---------------------------------------------------------------------------------------

    /**
     * What the device reports about itself, stamped {@code time}: output, state of charge (storage), state and
     * reactive power.
     */
    public final synchronized Telemetry telemetry(Instant time) {
        return new Telemetry(id(), time, isAvailable() ? outputKw() : 0, soc(), state(), OptionalDouble.of(kvar()));
    }

    /**
     * Reactive power now, kvar, positive delivered to the grid: the ruling command's reactive set point, else the
     * fleet's {@code reactive} setting at the output (what the power flow assumes), held within the capability
     * circle {@code |Q| <= sqrt(S² - P²)} with S the rating in kVA. Every type can: inverters (photovoltaic,
     * wind, storage, fuel cell, microturbine) and synchronous machines (engines, emergency generators) alike. A
     * device that is not running (stopped, starting, tripped, on outage or in maintenance) gives none.
     */
    public final synchronized double kvar() {
        if (!isAvailable() || runningState() != OperatingState.RUNNING) {
            return 0;
        }
        double kw = outputKw();
        CommandBook.Entry active = book.activeAt(clock.instant());
        double wanted = active != null && active.command.setpointKvar().isPresent()
                ? active.command.setpointKvar().getAsDouble()
                : asset.info().reactive().kvarAt(kw);
        double capability = capabilityKvar(kw);
        return Math.max(-capability, Math.min(capability, wanted));
    }

    /** The most reactive power it can deliver or absorb at {@code kw}: {@code sqrt(S² - P²)}, kvar. */
    final double capabilityKvar(double kw) {
        double s = ratingKva();
        return Math.sqrt(Math.max(0, s * s - kw * kw));
    }

    /** The rating taken as apparent power, kVA (docs/fleet-format.md). */
    private double ratingKva() {
        return asset.info().ratedPowerKw();
    }

    /** What the device is doing now, with the set point it follows and what limits it. */
    public final synchronized DeviceStatus status() {
        Instant now = clock.instant();
        CommandBook.Entry active = book.activeAt(now);
        double setpointKw = setpointOf(active);
        Limit limit;
        if (inMaintenance != null) {
            limit = Limit.MAINTENANCE;
        } else if (trippedAt != null) {
            limit = Limit.TRIPPED;
        } else if (outages.failed()) {
            limit = Limit.FORCED_OUTAGE;
        } else {
            limit = limit(now, setpointKw);
        }
        Optional<CommandId> command = active == null ? Optional.empty() : Optional.of(active.command.id());
        boolean available = isAvailable();
        return new DeviceStatus(id(), now, state(), available ? outputKw() : 0, setpointKw, command,
                available ? availableKw() : 0, soc(), limit);
    }

    /** The state the device reports: MAINTENANCE, FAULT (tripped or forced outage), or its own. */
    public final synchronized OperatingState state() {
        if (inMaintenance != null) {
            return OperatingState.MAINTENANCE;
        }
        if (trippedAt != null || outages.failed()) {
            return OperatingState.FAULT;
        }
        return runningState();
    }

    /** Output now, kW, positive into the grid. */
    public final synchronized double powerKw() {
        return isAvailable() ? outputKw() : 0;
    }

    // ---- what each category provides ---------------------------------------------------------------------

    /** Judges a set point for a command that would rule from {@code from} until {@code until}. */
    abstract Verdict judge(double setpointKw, Instant from, Instant until);

    /** Takes the weather for the coming step. */
    abstract void prepare(Environment env);

    /** Settles the operating point at {@code t} for set point {@code setpointKw}; idempotent at the same instant. */
    abstract void decide(Instant t, double setpointKw, boolean available);

    /**
     * The device's own next event strictly after {@code t} (end of start-up, ramp arrival, a store filling up, ...),
     * or null; one after {@link #stepEnd} may be left out.
     */
    abstract Instant nextEvent(Instant t, double setpointKw);

    /**
     * Integrates the physics over {@code [from, to)} under set point {@code setpointKw}; nothing changes in that span
     * but what the device does itself.
     */
    abstract void advance(Instant from, Instant to, double setpointKw, boolean available);

    /** The device became unavailable at {@code t}: output 0 at once. */
    abstract void goDown(Instant t);

    /** The device is available again at {@code t}. */
    abstract void comeBack(Instant t);

    /** Whether set point {@code setpointKw} is reached now. */
    abstract boolean reached(double setpointKw);

    /** The set point without a command. */
    abstract double safeDefaultKw();

    /** Output now while available. */
    abstract double outputKw();

    /** The state while available. */
    abstract OperatingState runningState();

    /** What holds it back from {@code setpointKw} while available. */
    abstract Limit limit(Instant now, double setpointKw);

    /** The most it could give now while available. */
    abstract double availableKw();

    OptionalDouble soc() {
        return OptionalDouble.empty();
    }

    static double hoursBetween(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 3.6e12;
    }

    static Duration hours(double hours) {
        return Duration.ofNanos(Math.round(Math.min(hours, 1e6) * 3.6e12));
    }

    /** {@code t} plus {@code hours}, rounded up to the next nanosecond so that an arrival computed for it is reached. */
    static Instant afterHoursCeil(Instant t, double hours) {
        return t.plusNanos(Math.max(1, (long) Math.ceil(Math.min(hours, 1e6) * 3.6e12)));
    }
}
