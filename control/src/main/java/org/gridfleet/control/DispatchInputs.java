package org.gridfleet.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridfleet.comm.protocol.DemandReading;
import org.gridfleet.control.dispatch.DispatchRequest;
import org.gridfleet.control.dispatch.DispatchRequest.GeneratorOffer;
import org.gridfleet.control.dispatch.DispatchRequest.GridOffer;
import org.gridfleet.control.dispatch.DispatchRequest.HeldDevice;
import org.gridfleet.control.dispatch.DispatchRequest.RenewableOffer;
import org.gridfleet.control.dispatch.DispatchRequest.StorageOffer;
import org.gridfleet.control.dispatch.DispatchResult;
import org.gridfleet.control.dispatch.LinearCost;
import org.gridfleet.control.live.LiveState;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.control.OperatingState;
import org.gridfleet.model.control.Telemetry;
import org.gridfleet.model.fleet.EndUser;
import org.gridfleet.model.fleet.GridConnection;
import org.gridfleet.model.plan.DeviceSchedule;
import org.gridfleet.model.problem.PlanningProblem;

/**
 * Turns the plan in force and the live state into a {@link DispatchRequest} for one interval, and says what it had to
 * assume (docs/control.md, "What the dispatch knows").
 */
final class DispatchInputs {
    private DispatchInputs() {}

    /** Aggregate demand now: live readings where recent, the plan's forecast for the other end-users. */
    record Demand(double kw, int metersOnForecast, double forecastKw, int meters) {
        String note() {
            return metersOnForecast == 0 ? "" : metersOnForecast + " of " + meters + " meters without a reading in this interval: their forecast, "
                    + DispatchInputs.kw(forecastKw) + ", stands in";
        }
    }

    /**
     * A request and what it assumed. {@code unavailable}: device → why it is left out; {@code lostKw}: what each of
     * those would give otherwise; {@code reaches}: what each offered generator can give by {@code horizonEnd}.
     */
    record Built(DispatchRequest request, Demand demand, List<String> notes, Map<AssetId, String> unavailable, Map<AssetId, Double> lostKw,
                 Map<AssetId, Reach> reaches, Instant horizonEnd) {
        /**
         * The alarm's words when {@code result} falls short: by how many kW, how much of it lasts once the units ramping
         * and starting are up, and why (units held by their ramps or start-ups, devices unavailable), largest first.
         */
        String shortfall(DispatchResult result) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "demand %s%s is more than the available devices can give now, %s: short by %s",
                    kw(demand.kw()), request.lossesKw() > 0 ? " plus losses " + kw(request.lossesKw()) : "", kw(result.devicesKw()), kw(result.shortKw())));
            b.append(result.importKw() > DispatchResult.TOLERANCE_KW
                    ? " (import covers " + kw(result.importKw()) + ", " + kw(result.unservedKw()) + " unserved)"
                    : " (" + kw(result.unservedKw()) + " unserved)");
            if (result.lastingShortKw() < result.shortKw() - DispatchResult.TOLERANCE_KW) {
                b.append("; ").append(result.lastingShortKw() > DispatchResult.TOLERANCE_KW ? kw(result.lastingShortKw()) + " of it lasts" : "none of it lasts")
                        .append(" once the units ramping and starting are up");
            }
            List<Map.Entry<Double, String>> why = new ArrayList<>();
            for (GeneratorOffer g : request.generators()) {
                Reach reach = reaches.get(g.id());
                double setpointKw = result.setpointsKw().getOrDefault(g.id(), 0.0);
                if (result.starting().contains(g.id())) {
                    why.add(Map.entry(g.capacityKw(), g.id() + " starting: gives nothing before " + reach.readyAt() + " (start-up "
                            + minutes(reach.startUpMinutes()) + ")" + (result.started().contains(g.id()) ? ", started now for later" : "")));
                } else if (setpointKw > 0 && setpointKw >= reach.highKw() - DispatchResult.TOLERANCE_KW
                        && reach.highKw() < g.capacityKw() - DispatchResult.TOLERANCE_KW) {
                    why.add(Map.entry(g.capacityKw() - reach.highKw(), g.id() + (reach.running()
                            ? " ramping: can reach " + kw(reach.highKw()) + " of its " + kw(g.capacityKw()) + " by " + horizonEnd + " (from "
                              + kw(reach.fromKw()) + " " + reach.basis() + ", at " + kwPerMin(reach.rampUpKwPerMin()) + ")"
                            : " starting: can reach " + kw(reach.highKw()) + " of its " + kw(g.capacityKw()) + " by " + horizonEnd
                              + " (gives its minimum from " + reach.readyAt() + ", then " + kwPerMin(reach.rampUpKwPerMin()) + ")")));
                }
            }
            for (Map.Entry<AssetId, String> e : unavailable.entrySet()) {
                double lost = lostKw.getOrDefault(e.getKey(), 0.0);
                if (lost > DispatchResult.TOLERANCE_KW) {
                    why.add(Map.entry(lost, e.getKey() + " unavailable (" + e.getValue() + "): " + kw(lost)));
                }
            }
            if (!why.isEmpty()) {
                why.sort((x, y) -> Double.compare(y.getKey(), x.getKey()));
                b.append("; why: ");
                for (int i = 0; i < why.size(); i++) {
                    if (i == 6) {
                        b.append(", and ").append(why.size() - 6).append(" more");
                        break;
                    }
                    b.append(i > 0 ? ", " : "").append(why.get(i).getValue());
                }
            }
            return b.toString();
        }
    }

    /**
     * What a generator can give by the end of the dispatch's horizon, seen from where it stands now.
     *
     * @param fromKw          its output now; 0 when stopped or starting
     * @param basis           where {@code fromKw} and its state come from: {@code measured} (fresh telemetry, moved along
     *                        toward the set point in force at its ramp rate for the telemetry's age), {@code set point in
     *                        force} (telemetry stale or missing), or {@code plan} (no command either)
     * @param running         whether it runs now; else it must start (or finish starting) first
     * @param readyAt         when it gives its minimum stable power: now when running
     * @param lowKw           the least it can give at the horizon's end if it runs (ramping down)
     * @param highKw          the most it can give then (ramping up, after its start-up)
     * @param ready           whether it gives anything before the horizon ends
     * @param startUpMinutes  its start-up time
     * @param rampUpKwPerMin  its ramp-up rate
     */
    record Reach(double fromKw, String basis, boolean running, Instant readyAt, double lowKw, double highKw, boolean ready, double startUpMinutes,
                 double rampUpKwPerMin) {}

    /**
     * Demand in interval {@code k} at {@code now}: each end-user's latest reading when it was taken in this interval and
     * is at most {@code maxAge} old, its forecast for the interval otherwise.
     */
    static Demand demand(ActivePlan active, int k, LiveState live, Instant now, Duration maxAge) {
        PlanningProblem problem = active.problem();
        Instant intervalStart = active.grid().startOf(k);
        double total = 0;
        double forecast = 0;
        int onForecast = 0;
        for (EndUser user : problem.endUsers()) { // in the end-users' order: the same total to the last bit
            DemandReading r = live.demand(user.id()).orElse(null);
            if (r != null && r.time().isAfter(intervalStart) && !r.time().plus(maxAge).isBefore(now)) {
                total += r.demandKw();
            } else {
                double f = problem.demandKwByEndUser().get(user.id()).get(k);
                total += f;
                forecast += f;
                onForecast++;
            }
        }
        return new Demand(total, onForecast, forecast, problem.endUsers().size());
    }

    /**
     * The request for interval {@code k} at {@code now}.
     *
     * @param excluded    devices left out for now (a rejected or unanswered command, out of service), with why
     * @param commandedKw the set point of each device's command in force, to tell curtailment from the weather
     * @param held        devices an operator holds at a set point: offered as fixed at it, within what each can do now (a
     *                    generator's rating × availability, a renewable's available output, a store's limits now);
     *                    one that is unavailable stays out
     */
    static Built build(ActivePlan active, int k, LiveState live, Map<AssetId, String> excluded, Map<AssetId, Double> commandedKw,
                       Map<AssetId, ManualOverride> held, Instant now, ControlOptions options) {
        PlanningProblem problem = active.problem();
        Instant intervalStart = active.grid().startOf(k);
        Instant intervalEnd = active.grid().endOf(k);
        double hoursLeft = Math.max(1.0 / 60, Duration.between(now, intervalEnd).toMillis() / 3_600_000.0);

        List<GeneratorOffer> generators = new ArrayList<>();
        List<RenewableOffer> renewables = new ArrayList<>();
        List<StorageOffer> stores = new ArrayList<>();
        List<HeldDevice> holds = new ArrayList<>();
        List<String> heldNotes = new ArrayList<>();
        Map<AssetId, String> unavailable = new LinkedHashMap<>();
        int renewablesOnForecast = 0;
        double renewableForecastKw = 0;
        int storesOnPlannedSoc = 0;
        int storesProjected = 0;
        int generatorsWithoutTelemetry = 0;
        Map<AssetId, Reach> reaches = new LinkedHashMap<>();
        Map<AssetId, Double> lostKw = new LinkedHashMap<>();

        for (Asset asset : problem.assets()) {
            AssetId id = asset.id();
            double share = problem.availability().get(id).get(k);
            Telemetry t = live.telemetry(id).orElse(null);
            String down = unavailableReason(asset, share, t, live, excluded);
            if (down != null) {
                unavailable.put(id, down);
                lostKw.put(id, nominalKw(problem, asset, k));
                continue;
            }
            DeviceSchedule schedule = active.schedule(id);
            ManualOverride hold = held.get(id);
            double heldAtKw = hold == null || hold.setpointKw().isEmpty() ? Double.NaN : hold.setpointKw().getAsDouble();
            switch (asset) {
                case Generator g -> {
                    double capKw = g.ratedPowerKw() * share;
                    if (capKw < g.minStablePowerKw() || capKw <= 0) {
                        unavailable.put(id, "its available output " + kw(capKw) + " is below its minimum stable power " + kw(g.minStablePowerKw()));
                        continue;
                    }
                    if (hold != null) { // held off, or at its set point within what it may give now (ramps are the operator's call)
                        double kw = heldAtKw <= 0 ? 0 : Math.min(heldAtKw, capKw);
                        double costPerHour = kw > 0 ? LinearCost.of(g, capKw).costPerHour(kw) + g.info().omCostPerKwh() * kw : 0;
                        holds.add(new HeldDevice(id, kw, costPerHour, g.info().exportAllowed()));
                        heldNotes.add(heldNote(id, heldAtKw, kw, hold));
                        continue;
                    }
                    boolean committed = schedule != null && schedule.committed().get(k);
                    boolean startable = !committed && g.runHourLimit().remainingHours() > 0;
                    Reach reach = reach(g, capKw, t, commandedKw.get(id), schedule, k, now, intervalEnd, options.readingMaxAge());
                    if (!reach.basis().equals(MEASURED)) {
                        generatorsWithoutTelemetry++;
                    }
                    reaches.put(id, reach);
                    LinearCost cost = LinearCost.of(g, capKw);
                    generators.add(new GeneratorOffer(id, committed, startable, reach.ready() ? cost.within(reach.lowKw(), reach.highKw()) : cost,
                            g.info().omCostPerKwh(), g.info().exportAllowed(), capKw, reach.ready()));
                }
                case Renewable r -> {
                    double capKw = r.ratedPowerKw() * share;
                    double forecastKw = Math.min(capKw, problem.forecastKw().get(id).get(k));
                    boolean live_ = t != null && t.time().isAfter(intervalStart) && !t.time().plus(options.readingMaxAge()).isBefore(now);
                    double availableKw;
                    if (live_) {
                        Double commanded = commandedKw.get(id);
                        boolean curtailedByUs = r.curtailable() && commanded != null && commanded < capKw - options.deadbandKw(r.ratedPowerKw());
                        double observedKw = Math.max(0, Math.min(capKw, t.powerKw()));
                        // not curtailed: what it gives is what the weather gives; curtailed: the weather gives at least that
                        availableKw = curtailedByUs ? Math.max(forecastKw, observedKw) : observedKw;
                    } else {
                        availableKw = forecastKw;
                        renewablesOnForecast++;
                        renewableForecastKw += forecastKw;
                    }
                    if (hold != null) { // curtailed to its set point: it gives that or what the weather gives, whichever is less
                        double kw = Math.max(0, Math.min(heldAtKw, availableKw));
                        holds.add(new HeldDevice(id, kw, r.info().omCostPerKwh() * kw, r.info().exportAllowed()));
                        heldNotes.add(heldNote(id, heldAtKw, kw, hold));
                        continue;
                    }
                    renewables.add(new RenewableOffer(id, availableKw, r.curtailable(), r.info().omCostPerKwh(), r.info().exportAllowed()));
                }
                case Storage s -> {
                    double soc;
                    if (t != null && t.socFraction().isPresent()) {
                        soc = t.socFraction().getAsDouble();
                        Double commanded = commandedKw.get(id);
                        if (t.time().plus(options.readingMaxAge()).isBefore(now) && commanded != null) {
                            // stale: what its set point in force has moved since (positive: discharging)
                            double h = Duration.between(t.time(), now).toMillis() / 3_600_000.0;
                            double movedKwh = commanded > 0 ? commanded * h / s.dischargeEfficiency() : commanded * h * s.chargeEfficiency();
                            soc = Math.max(0, Math.min(1, soc - movedKwh / s.energyCapacityKwh()));
                            storesProjected++;
                        }
                    } else {
                        soc = plannedSocAtStart(s, schedule, k);
                        storesOnPlannedSoc++;
                    }
                    double energyKwh = soc * s.energyCapacityKwh();
                    double kept = energyKwh * Math.pow(1 - s.selfDischargePerHour(), hoursLeft);
                    double minKwh = s.minSoc() * s.energyCapacityKwh();
                    double maxKwh = s.maxSoc() * s.energyCapacityKwh();
                    double dischargeKw = Math.min(s.maxDischargeKw() * share, Math.max(0, (kept - minKwh) * s.dischargeEfficiency() / hoursLeft));
                    double chargeKw = Math.min(s.maxChargeKw() * share, Math.max(0, (maxKwh - kept) / (s.chargeEfficiency() * hoursLeft)));
                    if (hold != null) { // within what its converter and its energy allow now
                        double kw = Math.max(-chargeKw, Math.min(dischargeKw, heldAtKw));
                        holds.add(new HeldDevice(id, kw, 0, s.info().exportAllowed()));
                        heldNotes.add(heldNote(id, heldAtKw, kw, hold));
                        continue;
                    }
                    double plannedKw = schedule == null ? 0 : schedule.powerKw().get(k);
                    stores.add(new StorageOffer(id, -chargeKw, dischargeKw, plannedKw, s.info().exportAllowed()));
                }
            }
        }

        GridConnection connection = problem.gridConnection();
        GridOffer grid = connection.islanded() ? GridOffer.ISLANDED : new GridOffer(connection.maxImportKw(), problem.importTariffPerKwh().get(k),
                connection.maxExportKw(), problem.salePricePerKwh().get(k));
        Demand demand = demand(active, k, live, now, options.readingMaxAge());
        DispatchRequest request = new DispatchRequest(demand.kw(), active.plan().lossesKw().get(k), generators, renewables, stores, holds, grid);

        List<String> notes = new ArrayList<>();
        if (!demand.note().isEmpty()) {
            notes.add(demand.note());
        }
        if (renewablesOnForecast > 0) {
            notes.add(renewablesOnForecast + " renewables without output reported in this interval: their forecast, " + kw(renewableForecastKw)
                    + ", stands in");
        }
        if (storesOnPlannedSoc > 0) {
            notes.add(storesOnPlannedSoc + " stores without a reported state of charge: the plan's stands in");
        }
        if (storesProjected > 0) {
            notes.add(storesProjected + " stores with telemetry older than " + options.readingMaxAge().toMinutes()
                    + " min: their state of charge moved on with their set point in force");
        }
        if (generatorsWithoutTelemetry > 0) {
            notes.add(generatorsWithoutTelemetry + " generators without telemetry of the last " + options.readingMaxAge().toMinutes()
                    + " min: their set point in force (or the plan's) stands in for their output");
        }
        if (!heldNotes.isEmpty()) {
            notes.add(heldNotes.size() + " devices held by an operator: " + String.join(", ", heldNotes));
        }
        if (!unavailable.isEmpty()) {
            StringBuilder b = new StringBuilder(unavailable.size() + " devices unavailable: ");
            int shown = 0;
            for (Map.Entry<AssetId, String> e : unavailable.entrySet()) {
                if (shown++ == 10) {
                    b.append(", ...");
                    break;
                }
                b.append(shown > 1 ? ", " : "").append(e.getKey()).append(" (").append(e.getValue()).append(')');
            }
            notes.add(b.toString());
        }
        return new Built(request, demand, notes, unavailable, lostKw, reaches, intervalEnd);
    }

    static final String MEASURED = "measured";

    private static String heldNote(AssetId id, double askedKw, double kw, ManualOverride hold) {
        return id + " at " + kw(kw) + (Math.abs(askedKw - kw) > DispatchResult.TOLERANCE_KW ? " (asked " + kw(askedKw) + ": more than it can give now)" : "")
                + " by " + hold.by();
    }

    /**
     * What generator {@code g} can give at {@code end} (the next dispatch that is sure to come), within
     * {@code [Pmin, capKw]}. Where it stands now: its fresh telemetry (no older than {@code maxAge}), moved along toward
     * its set point in force at its ramp rate for the telemetry's age; else its set point in force; else the plan's
     * state before interval {@code k} (the initial state for the first). Running at {@code P0}, it can reach
     * {@code [P0 − down·τ, P0 + up·τ]} in the {@code τ} minutes left. Stopped, it gives its minimum after its start-up
     * time and ramps from there; still starting, after what is left of it ({@code start-up × (1 − P/Pmin)}, as its
     * output rises to its minimum: the whole start-up for a unit that reports 0 kW). A start that ends after
     * {@code end} gives nothing in this horizon. Minimum up and down times are left to the device (it rejects).
     */
    static Reach reach(Generator g, double capKw, Telemetry t, Double commandedKw, DeviceSchedule schedule, int k, Instant now, Instant end,
                       Duration maxAge) {
        double minKw = g.minStablePowerKw();
        double startUpMinutes = g.startUp().startUpTimeMinutes();
        double horizonMinutes = Math.max(1, minutesBetween(now, end));
        boolean running;
        double fromKw = 0;
        double startLeftMinutes = startUpMinutes;
        String basis;
        if (t != null && !t.time().plus(maxAge).isBefore(now)) {
            basis = MEASURED;
            double ageMinutes = Math.max(0, minutesBetween(t.time(), now));
            running = t.state() == OperatingState.RUNNING;
            if (running) {
                fromKw = t.powerKw();
                if (commandedKw != null) { // it follows its set point (a stop: down to its minimum first)
                    double target = commandedKw > 0 ? Math.max(minKw, Math.min(capKw, commandedKw)) : minKw;
                    fromKw = fromKw < target ? Math.min(target, fromKw + g.rampUpKwPerMin() * ageMinutes)
                            : Math.max(target, fromKw - g.rampDownKwPerMin() * ageMinutes);
                }
            } else if (t.state() == OperatingState.STARTING) {
                double done = minKw > 0 ? Math.max(0, Math.min(1, t.powerKw() / minKw)) : 0;
                startLeftMinutes = Math.max(0, startUpMinutes * (1 - done) - ageMinutes);
            }
        } else if (commandedKw != null) {
            basis = "set point in force";
            running = commandedKw > 0;
            fromKw = Math.max(0, commandedKw);
        } else {
            basis = "plan";
            if (k == 0 || schedule == null) {
                running = g.initialState().on();
                fromKw = g.initialState().powerKw();
            } else {
                running = schedule.committed().get(k - 1);
                fromKw = schedule.powerKw().get(k - 1);
            }
        }
        if (running) {
            double low = Math.min(capKw, Math.max(minKw, fromKw - g.rampDownKwPerMin() * horizonMinutes));
            double high = Math.max(low, Math.min(capKw, fromKw + g.rampUpKwPerMin() * horizonMinutes));
            return new Reach(fromKw, basis, true, now, low, high, true, startUpMinutes, g.rampUpKwPerMin());
        }
        Instant readyAt = now.plusMillis(Math.round(startLeftMinutes * 60_000));
        boolean ready = startLeftMinutes < horizonMinutes;
        double high = ready ? Math.max(minKw, Math.min(capKw, minKw + g.rampUpKwPerMin() * (horizonMinutes - startLeftMinutes))) : capKw;
        return new Reach(0, basis, false, readyAt, minKw, high, ready, startUpMinutes, g.rampUpKwPerMin());
    }

    /** What {@code asset} would give in interval {@code k} if it were available: its share of its rating (of the forecast). */
    private static double nominalKw(PlanningProblem problem, Asset asset, int k) {
        double share = Math.max(0, problem.availability().get(asset.id()).get(k));
        return switch (asset) {
            case Generator g -> share * g.ratedPowerKw();
            case Storage s -> share * s.maxDischargeKw();
            case Renewable r -> Math.min(share * r.ratedPowerKw(), problem.forecastKw().get(r.id()).get(k));
        };
    }

    private static double minutesBetween(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 60_000.0;
    }

    static String minutes(double minutes) {
        return String.format(Locale.ROOT, "%.1f min", minutes);
    }

    static String kwPerMin(double kwPerMin) {
        return String.format(Locale.ROOT, "%.1f kW/min", kwPerMin);
    }

    /** Why {@code asset} cannot be dispatched now, or null when it can. */
    static String unavailableReason(Asset asset, double share, Telemetry t, LiveState live, Map<AssetId, String> excluded) {
        String why = excluded.get(asset.id());
        if (why != null) {
            return why;
        }
        if (!live.connected(asset.id())) {
            return "site " + live.status(asset.id()).map(s -> s.state().name().toLowerCase(Locale.ROOT)).orElse("offline");
        }
        if (t != null && (t.state() == OperatingState.FAULT || t.state() == OperatingState.MAINTENANCE)) {
            return "reports " + t.state();
        }
        if (share <= 0) {
            return "unavailable in this interval (maintenance or withdrawn)";
        }
        return null;
    }

    /** The plan's state of charge at the start of interval {@code k}: the end of {@code k − 1}, or the initial one. */
    static double plannedSocAtStart(Storage s, DeviceSchedule schedule, int k) {
        if (k == 0 || schedule == null || schedule.socFraction().size() == 0) {
            return s.initialSoc();
        }
        return schedule.socFraction().get(k - 1);
    }

    static String kw(double kw) {
        return String.format(Locale.ROOT, "%.1f kW", kw);
    }
}
