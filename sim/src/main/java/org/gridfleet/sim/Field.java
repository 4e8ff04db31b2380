package org.gridfleet.sim;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.Command;
import org.gridfleet.model.control.Telemetry;
import org.gridfleet.model.fleet.EndUser;
import org.gridfleet.model.problem.PlanningProblem;

/**
 * The whole field of a planning problem: a controller for every device, a meter for every end-user, the weather
 * made from the forecasts, and one simulated clock. {@link #step} moves all of it forward in a plain loop,
 * devices then meters in the problem's order, then advances the clock: thousands of devices step in a few
 * milliseconds (docs/simulator.md). Fault injection: {@link #trip}/{@link #repair} a device,
 * {@link #freeze}/{@link #unfreeze} a meter, and per-site communication faults ({@link #faults}) for the
 * communication devices to honour.
 *
 * <p>Stepping is for one thread; {@link #send}, {@link #telemetry} and the fault injection may come from others.
 */
public final class Field {
    private final PlanningProblem problem;
    private final FieldOptions options;
    private final SimClock clock;
    private final ForecastWeather weather;
    private final List<DeviceController> controllers;
    private final Map<AssetId, DeviceController> byDevice = new HashMap<>();
    private final Map<AssetId, SiteFaults> faults = new HashMap<>();
    private final List<EndUserMeter> meters;
    private final Map<EndUserId, EndUserMeter> byEndUser = new HashMap<>();

    /** The field of {@code problem} on {@code clock}. */
    public Field(PlanningProblem problem, FieldOptions options, SimClock clock) {
        this.problem = requireNonNull(problem, "problem");
        this.options = requireNonNull(options, "options");
        this.clock = requireNonNull(clock, "clock");
        this.weather = new ForecastWeather(problem, options.irradianceNoise(), options.windSpeedNoise(), options.windCurve(), options.seed());
        List<DeviceController> devices = new ArrayList<>(problem.assets().size());
        for (Asset asset : problem.assets()) {
            DeviceController controller = DeviceController.of(asset, clock, options);
            devices.add(controller);
            byDevice.put(asset.id(), controller);
            faults.put(asset.id(), new SiteFaults());
        }
        this.controllers = Collections.unmodifiableList(devices);
        List<EndUserMeter> all = new ArrayList<>(problem.endUsers().size());
        for (EndUser user : problem.endUsers()) {
            EndUserMeter meter = new EndUserMeter(user.id(), problem.demandKwByEndUser().get(user.id()), problem.grid(), options.demandNoise(),
                    options.seed(), clock);
            all.add(meter);
            byEndUser.put(user.id(), meter);
        }
        this.meters = Collections.unmodifiableList(all);
    }

    /** The field of {@code problem} on a new clock at the start of its horizon. */
    public static Field of(PlanningProblem problem, FieldOptions options) {
        return new Field(problem, options, new SimClock(problem.grid().start()));
    }

    public PlanningProblem problem() {
        return problem;
    }

    public FieldOptions options() {
        return options;
    }

    public SimClock clock() {
        return clock;
    }

    public Instant now() {
        return clock.now();
    }

    /** The weather the renewables see in the step last simulated. */
    public Environment weather() {
        return weather;
    }

    // ---- stepping ----------------------------------------------------------------------------------------

    /** Simulates {@code [now, now + dt)}: the weather, every controller, every meter; then advances the clock. */
    public void step(Duration dt) {
        requireNonNull(dt, "dt");
        Instant from = clock.now();
        weather.advance(from, dt);
        for (DeviceController controller : controllers) {
            controller.step(dt, weather);
        }
        for (EndUserMeter meter : meters) {
            meter.step(dt);
        }
        clock.advance(dt);
    }

    /** Steps by {@code dt} until {@code total} has passed (the last step shorter when {@code dt} does not divide it). */
    public void run(Duration total, Duration dt) {
        requireNonNull(total, "total");
        requireNonNull(dt, "dt");
        if (dt.isNegative() || dt.isZero()) {
            throw new IllegalArgumentException("step must be positive: " + dt);
        }
        Instant end = clock.now().plus(total);
        while (clock.now().isBefore(end)) {
            Duration left = Duration.between(clock.now(), end);
            step(left.compareTo(dt) < 0 ? left : dt);
        }
    }

    // ---- devices and meters ------------------------------------------------------------------------------

    /** Every controller, in the problem's order of assets. */
    public List<DeviceController> controllers() {
        return controllers;
    }

    public DeviceController controller(AssetId device) {
        DeviceController controller = byDevice.get(device);
        if (controller == null) {
            throw new IllegalArgumentException("no device " + device + " in this field");
        }
        return controller;
    }

    /** Every meter, in the problem's order of end-users. */
    public List<EndUserMeter> meters() {
        return meters;
    }

    public EndUserMeter meter(EndUserId endUser) {
        EndUserMeter meter = byEndUser.get(endUser);
        if (meter == null) {
            throw new IllegalArgumentException("no end-user " + endUser + " in this field");
        }
        return meter;
    }

    /**
     * Hands {@code command} straight to its device's controller, as a communication device would (without the
     * network and without honouring {@link SiteFaults}); a command for a device not in the field is rejected.
     */
    public Ack send(Command command) {
        requireNonNull(command, "command");
        DeviceController controller = byDevice.get(command.device());
        if (controller == null) {
            return new Ack(command.id(), command.device(), Ack.Status.REJECTED, "no device " + command.device() + " in this field", clock.now());
        }
        return controller.accept(command);
    }

    /** Every acks the controllers produced since last drained, device by device in the problem's order. */
    public List<Ack> drainAcks() {
        List<Ack> acks = new ArrayList<>();
        for (DeviceController controller : controllers) {
            acks.addAll(controller.outbox().drain());
        }
        return acks;
    }

    /** Every device's telemetry, stamped now. */
    public List<Telemetry> telemetry() {
        Instant now = clock.now();
        List<Telemetry> all = new ArrayList<>(controllers.size());
        for (DeviceController controller : controllers) {
            all.add(controller.telemetry(now));
        }
        return all;
    }

    /** Every meter's latest reading. */
    public List<MeterReading> readings() {
        List<MeterReading> all = new ArrayList<>(meters.size());
        for (EndUserMeter meter : meters) {
            all.add(meter.reading());
        }
        return all;
    }

    /** Total output of all devices now, kW: what the plant gives the grid. */
    public double totalPowerKw() {
        double sum = 0;
        for (DeviceController controller : controllers) {
            sum += controller.powerKw();
        }
        return sum;
    }

    /** Total demand of the latest readings, kW. */
    public double totalDemandKw() {
        double sum = 0;
        for (EndUserMeter meter : meters) {
            sum += meter.reading().demandKw();
        }
        return sum;
    }

    // ---- fault injection ---------------------------------------------------------------------------------

    /** Trips {@code device} now: output 0, state FAULT, commands in force abandoned, until {@link #repair}. */
    public void trip(AssetId device) {
        controller(device).trip();
    }

    /** Ends a trip or a random forced outage of {@code device} now. */
    public void repair(AssetId device) {
        controller(device).repair();
    }

    /** Freezes {@code endUser}'s meter: same value, advancing time. */
    public void freeze(EndUserId endUser) {
        meter(endUser).freeze();
    }

    public void unfreeze(EndUserId endUser) {
        meter(endUser).unfreeze();
    }

    /** The communication faults of {@code device}'s site, for its communication device to read. */
    public SiteFaults faults(AssetId device) {
        SiteFaults f = faults.get(device);
        if (f == null) {
            throw new IllegalArgumentException("no device " + device + " in this field");
        }
        return f;
    }

    public void cutComms(AssetId device) {
        faults(device).cutComms();
    }

    public void restoreComms(AssetId device) {
        faults(device).restoreComms();
    }

    public void delayAcks(AssetId device, Duration delay) {
        faults(device).delayAcks(delay);
    }

    public void dropAcks(AssetId device, double probability) {
        faults(device).dropAcks(probability);
    }
}
