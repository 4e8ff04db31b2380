package org.gridfleet.sim;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.InstantSource;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.control.OperatingState;

/**
 * A photovoltaic array's or wind turbine's controller (its inverter). The weather bounds what it can give:
 *
 * <pre>
 *   PV:    availableKw = min(rating × availability, rating × irradiance / 1000 W/m²)
 *   wind:  availableKw = min(rating × availability, rating × curve.share(windSpeed))
 *   output = min(setpoint, availableKw)     curtailable
 *   output = availableKw                    not curtailable: it gives all the weather allows, whatever the set point
 * </pre>
 *
 * The inverter follows at once (no ramp); the weather holds for a step. Set points from 0 to rating ×
 * availability are accepted (with a note when the weather gives less now); negative or above is rejected.
 * Without a command it gives all it can. State RUNNING while it gives power, STOPPED at night, in a calm, past
 * cut-out or curtailed to 0.
 */
public final class RenewableController extends DeviceController {
    private final Renewable renewable;
    private final WindPowerCurve curve;
    private final double capKw;
    private boolean weatherKnown;
    private double weatherValue;
    private double weatherKw;
    private double outputKw;

    RenewableController(Renewable renewable, InstantSource clock, long seed, boolean forcedOutages, WindPowerCurve curve) {
        super(renewable, clock, seed, forcedOutages);
        this.renewable = renewable;
        this.curve = requireNonNull(curve, "curve");
        this.capKw = renewable.ratedPowerKw() * renewable.info().availability();
    }

    @Override
    public Renewable asset() {
        return renewable;
    }

    private boolean isPv() {
        return type() == DeviceType.PHOTOVOLTAIC;
    }

    @Override
    Verdict judge(double setpointKw, Instant from, Instant until) {
        String what = isPv() ? "a photovoltaic array" : "a wind turbine";
        if (setpointKw < -SETPOINT_TOLERANCE_KW) {
            return Verdict.reject(what + " cannot take power from the grid: set point " + Wording.kw(setpointKw)
                    + "; the nearest feasible is 0 kW (curtailed to nothing)");
        }
        if (setpointKw > capKw + SETPOINT_TOLERANCE_KW) {
            return Verdict.reject("set point " + Wording.kw(setpointKw) + " is above the most this unit can give, " + Wording.kw(capKw)
                    + " (rating " + Wording.kw(renewable.ratedPowerKw()) + " × availability " + Wording.number(renewable.info().availability(), 4)
                    + "); the nearest feasible is " + Wording.kw(capKw));
        }
        if (!renewable.curtailable() && setpointKw < capKw - SETPOINT_TOLERANCE_KW) {
            return Verdict.accept("not curtailable: it gives all the weather allows" + (weatherKnown ? " (now " + Wording.kw(weatherKw) + ")" : "")
                    + ", whatever the set point");
        }
        if (weatherKnown && setpointKw > weatherKw + SETPOINT_TOLERANCE_KW) {
            return Verdict.accept("only " + Wording.kw(weatherKw) + " available now (" + weatherWords()
                    + "); it gives that until the weather allows more");
        }
        return Verdict.accept("");
    }

    private String weatherWords() {
        return isPv()
                ? "irradiance " + Wording.number(weatherValue, 1) + " W/m²"
                : "wind " + Wording.number(weatherValue, 2) + " m/s";
    }

    @Override
    void prepare(Environment env) {
        double share;
        if (isPv()) {
            weatherValue = env.irradianceWPerM2(id());
            share = Math.max(0, weatherValue) / Environment.STC_IRRADIANCE_W_PER_M2;
        } else {
            weatherValue = env.windSpeedMPerS(id());
            share = curve.share(weatherValue);
        }
        weatherKw = Math.min(capKw, renewable.ratedPowerKw() * share);
        weatherKnown = true;
    }

    @Override
    void decide(Instant t, double setpointKw, boolean available) {
        if (!available) {
            outputKw = 0;
        } else if (renewable.curtailable()) {
            outputKw = Math.max(0, Math.min(setpointKw, weatherKw));
        } else {
            outputKw = weatherKw;
        }
    }

    @Override
    Instant nextEvent(Instant t, double setpointKw) {
        return null;
    }

    @Override
    void advance(Instant from, Instant to, double setpointKw, boolean available) {
        // the output holds while the weather does
    }

    @Override
    void goDown(Instant t) {
        outputKw = 0;
    }

    @Override
    void comeBack(Instant t) {
        // decide sets the output at once
    }

    @Override
    boolean reached(double setpointKw) {
        return Math.abs(outputKw - setpointKw) <= DONE_TOLERANCE_KW;
    }

    @Override
    double safeDefaultKw() {
        return capKw;
    }

    @Override
    double outputKw() {
        return outputKw;
    }

    @Override
    OperatingState runningState() {
        return outputKw > DONE_TOLERANCE_KW ? OperatingState.RUNNING : OperatingState.STOPPED;
    }

    @Override
    Limit limit(Instant now, double setpointKw) {
        if (!renewable.curtailable() && outputKw > setpointKw + DONE_TOLERANCE_KW) {
            return Limit.NOT_CURTAILABLE;
        }
        return setpointKw > weatherKw + DONE_TOLERANCE_KW ? Limit.WEATHER : Limit.NONE;
    }

    @Override
    double availableKw() {
        return weatherKw;
    }

    /** The last weather this controller took: irradiance in W/m² (PV) or wind speed in m/s (wind). */
    public synchronized double weather() {
        return weatherValue;
    }
}
