package org.gridfleet.sim;

import java.time.Instant;
import java.time.InstantSource;
import java.util.OptionalDouble;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.control.OperatingState;

/**
 * A battery's, SMES's or flywheel's controller (its power conversion system). Stored energy over a span of
 * {@code h} hours at constant power, in the project's one form (docs/architecture.md, as the planner and the plan
 * checker):
 *
 * <pre>
 *   E' = E · (1 − selfDischargePerHour)^h + ηc · chargeKw · h − dischargeKw · h / ηd
 * </pre>
 *
 * The converter follows its set point at once (no ramp), from {@code −maxChargeKw × availability} (charging) to
 * {@code maxDischargeKw × availability}; beyond is rejected. It discharges only down to {@code minSoc} and
 * charges only up to {@code maxSoc}: the span is cut at the exact instant the limit is reached. From then an
 * empty store gives 0 kW, and a full one asked to charge takes only what makes up its self-discharge (a float
 * charge, {@code maxKwh · ln(1/(1 − s)) / ηc}), so it stays at {@code maxSoc}. Telemetry shows the state of charge
 * at the limit, {@link #status()} says EMPTY or FULL, and a command that will run into a limit is accepted with a
 * note saying about when. Self-discharge goes on at all times, also below {@code minSoc}. Without a command it
 * idles at 0 kW. State RUNNING while power flows, STOPPED at 0 kW.
 */
public final class StorageController extends DeviceController {
    private final Storage storage;
    private final double capacityKwh;
    private final double minKwh;
    private final double maxKwh;
    private final double epsilonKwh;
    private final double keptPerHour;
    private final double dischargeCapKw;
    private final double chargeCapKw;
    /** Charging that makes up the self-discharge at the maximum state of charge: {@code maxKwh · ln(1/(1 − s)) / ηc}. */
    private final double floatKw;
    private double energyKwh;
    private double powerKw;

    StorageController(Storage storage, InstantSource clock, long seed, boolean forcedOutages) {
        super(storage, clock, seed, forcedOutages);
        this.storage = storage;
        this.capacityKwh = storage.energyCapacityKwh();
        this.minKwh = storage.minSoc() * capacityKwh;
        this.maxKwh = storage.maxSoc() * capacityKwh;
        this.epsilonKwh = 1e-9 * capacityKwh;
        this.keptPerHour = 1 - storage.selfDischargePerHour();
        this.dischargeCapKw = storage.maxDischargeKw() * storage.info().availability();
        this.chargeCapKw = storage.maxChargeKw() * storage.info().availability();
        this.energyKwh = storage.initialSoc() * capacityKwh;
        this.floatKw = maxKwh * -Math.log(keptPerHour) / storage.chargeEfficiency();
    }

    @Override
    public Storage asset() {
        return storage;
    }

    /** Stored energy now, kWh. */
    public synchronized double energyKwh() {
        return energyKwh;
    }

    /** State of charge now, 0..1. */
    public synchronized double socFraction() {
        return energyKwh / capacityKwh;
    }

    // ---- commands ----------------------------------------------------------------------------------------

    @Override
    Verdict judge(double setpointKw, Instant from, Instant until) {
        if (setpointKw > dischargeCapKw + SETPOINT_TOLERANCE_KW) {
            return Verdict.reject("discharging at " + Wording.kw(setpointKw) + " is above the discharge limit " + Wording.kw(dischargeCapKw)
                    + " (maxDischargeKw × availability); the nearest feasible is " + Wording.kw(dischargeCapKw));
        }
        if (-setpointKw > chargeCapKw + SETPOINT_TOLERANCE_KW) {
            return Verdict.reject("charging at " + Wording.kw(-setpointKw) + " (set point " + Wording.kw(setpointKw) + ") is above the charge limit "
                    + Wording.kw(chargeCapKw) + " (maxChargeKw × availability); the nearest feasible is " + Wording.kw(-chargeCapKw));
        }
        if (setpointKw > SETPOINT_TOLERANCE_KW) {
            if (energyKwh <= minKwh + epsilonKwh) {
                return Verdict.accept("empty: soc " + Wording.soc(socFraction()) + " is at its minimum " + Wording.soc(storage.minSoc())
                        + ", so it gives 0 kW until charged");
            }
            double hours = (energyKwh - minKwh) * storage.dischargeEfficiency() / setpointKw;
            Instant empty = from.plus(hours(hours));
            if (empty.isBefore(until)) {
                return Verdict.accept("at " + Wording.kw(setpointKw) + " it reaches its minimum soc " + Wording.soc(storage.minSoc())
                        + " at about " + empty + ", before the command ends at " + until + "; 0 kW from then");
            }
        } else if (setpointKw < -SETPOINT_TOLERANCE_KW) {
            if (energyKwh >= maxKwh - epsilonKwh) {
                return Verdict.accept("full: soc " + Wording.soc(socFraction()) + " is at its maximum " + Wording.soc(storage.maxSoc())
                        + ", so it takes 0 kW until discharged");
            }
            double hours = (maxKwh - energyKwh) / (storage.chargeEfficiency() * -setpointKw);
            Instant full = from.plus(hours(hours));
            if (full.isBefore(until)) {
                return Verdict.accept("charging at " + Wording.kw(-setpointKw) + " it reaches its maximum soc " + Wording.soc(storage.maxSoc())
                        + " at about " + full + ", before the command ends at " + until + "; 0 kW from then");
            }
        }
        return Verdict.accept("");
    }

    // ---- physics -----------------------------------------------------------------------------------------

    @Override
    void prepare(Environment env) {
        // stored energy does not depend on the weather
    }

    @Override
    void decide(Instant t, double setpointKw, boolean available) {
        if (!available) {
            powerKw = 0;
        } else if (setpointKw > SETPOINT_TOLERANCE_KW) {
            powerKw = energyKwh > minKwh + epsilonKwh ? Math.min(setpointKw, dischargeCapKw) : 0;
        } else if (setpointKw < -SETPOINT_TOLERANCE_KW) {
            double chargeKw = Math.min(-setpointKw, chargeCapKw);
            powerKw = (isFull() ? -Math.min(chargeKw, floatKw) : -chargeKw) + 0.0; // + 0.0: never -0.0
        } else {
            powerKw = 0;
        }
    }

    private boolean isFull() {
        return energyKwh >= maxKwh - epsilonKwh;
    }

    private boolean isEmpty() {
        return energyKwh <= minKwh + epsilonKwh;
    }

    /** Energy after {@code hours} at the current power. */
    private double energyAfter(double hours) {
        double netKw = powerKw < 0 ? -powerKw * storage.chargeEfficiency() : -powerKw / storage.dischargeEfficiency();
        return energyKwh * Math.pow(keptPerHour, hours) + netKw * hours;
    }

    @Override
    Instant nextEvent(Instant t, double setpointKw) {
        if (powerKw == 0 || powerKw < 0 && isFull()) {
            return null; // idle, or floating at the maximum: nothing to reach
        }
        double limitKwh = powerKw > 0 ? minKwh : maxKwh;
        double stepHours = hoursBetween(t, stepEnd);
        double atEnd = energyAfter(stepHours);
        boolean crosses = powerKw > 0 ? atEnd < limitKwh : atEnd > limitKwh;
        if (!crosses) {
            return null;
        }
        // E(τ) − limit changes sign once on [0, stepHours]: discharging it falls, charging it is convex and starts below
        double lo = 0;
        double hi = stepHours;
        for (int i = 0; i < 100 && hi - lo > 1e-13; i++) {
            double mid = (lo + hi) / 2;
            double e = energyAfter(mid);
            if (powerKw > 0 ? e > limitKwh : e < limitKwh) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return afterHoursCeil(t, hi);
    }

    @Override
    void advance(Instant from, Instant to, double setpointKw, boolean available) {
        double hours = hoursBetween(from, to);
        double before = energyKwh * Math.pow(keptPerHour, hours);
        double after = energyAfter(hours);
        if (powerKw > 0) {
            after = Math.max(after, Math.min(minKwh, before));
        } else if (powerKw < 0) {
            after = Math.min(after, Math.max(maxKwh, before));
        }
        energyKwh = after;
    }

    @Override
    void goDown(Instant t) {
        powerKw = 0;
    }

    @Override
    void comeBack(Instant t) {
        // decide sets the power at once
    }

    @Override
    boolean reached(double setpointKw) {
        return Math.abs(powerKw - setpointKw) <= DONE_TOLERANCE_KW;
    }

    @Override
    double safeDefaultKw() {
        return 0;
    }

    @Override
    double outputKw() {
        return powerKw;
    }

    @Override
    OptionalDouble soc() {
        return OptionalDouble.of(Math.max(0, Math.min(1, energyKwh / capacityKwh)));
    }

    @Override
    OperatingState runningState() {
        return powerKw != 0 ? OperatingState.RUNNING : OperatingState.STOPPED;
    }

    @Override
    Limit limit(Instant now, double setpointKw) {
        if (setpointKw > SETPOINT_TOLERANCE_KW && powerKw < setpointKw - DONE_TOLERANCE_KW && isEmpty()) {
            return Limit.EMPTY;
        }
        if (setpointKw < -SETPOINT_TOLERANCE_KW && powerKw > setpointKw + DONE_TOLERANCE_KW && isFull()) {
            return Limit.FULL;
        }
        return Limit.NONE;
    }

    @Override
    double availableKw() {
        return energyKwh > minKwh + epsilonKwh ? dischargeCapKw : 0;
    }
}
