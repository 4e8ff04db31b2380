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
import org.gridfleet.control.dispatch.DispatchRequest.RenewableOffer;
import org.gridfleet.control.dispatch.DispatchRequest.StorageOffer;
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

    /** A request and what it assumed. {@code unavailable}: device → why it is left out. */
    record Built(DispatchRequest request, Demand demand, List<String> notes, Map<AssetId, String> unavailable) {}

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
     * @param excluded    devices left out for now (a rejected or unanswered command), with why
     * @param commandedKw the set point of each device's command in force, to tell curtailment from the weather
     */
    static Built build(ActivePlan active, int k, LiveState live, Map<AssetId, String> excluded, Map<AssetId, Double> commandedKw, Instant now,
                       ControlOptions options) {
        PlanningProblem problem = active.problem();
        Instant intervalStart = active.grid().startOf(k);
        Instant intervalEnd = active.grid().endOf(k);
        double hoursLeft = Math.max(1.0 / 60, Duration.between(now, intervalEnd).toMillis() / 3_600_000.0);
        double stepMinutes = active.grid().step().toSeconds() / 60.0;

        List<GeneratorOffer> generators = new ArrayList<>();
        List<RenewableOffer> renewables = new ArrayList<>();
        List<StorageOffer> stores = new ArrayList<>();
        Map<AssetId, String> unavailable = new LinkedHashMap<>();
        int renewablesOnForecast = 0;
        double renewableForecastKw = 0;
        int storesOnPlannedSoc = 0;

        for (Asset asset : problem.assets()) {
            AssetId id = asset.id();
            double share = problem.availability().get(id).get(k);
            Telemetry t = live.telemetry(id).orElse(null);
            String down = unavailableReason(asset, share, t, live, excluded);
            if (down != null) {
                unavailable.put(id, down);
                continue;
            }
            DeviceSchedule schedule = active.schedule(id);
            switch (asset) {
                case Generator g -> {
                    double capKw = g.ratedPowerKw() * share;
                    if (capKw < g.minStablePowerKw() || capKw <= 0) {
                        unavailable.put(id, "its available output " + kw(capKw) + " is below its minimum stable power " + kw(g.minStablePowerKw()));
                        continue;
                    }
                    boolean committed = schedule != null && schedule.committed().get(k);
                    boolean startable = !committed && g.startUp().startUpTimeMinutes() <= stepMinutes && g.runHourLimit().remainingHours() > 0;
                    generators.add(new GeneratorOffer(id, committed, startable, LinearCost.of(g, capKw), g.info().omCostPerKwh(),
                            g.info().exportAllowed()));
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
                    renewables.add(new RenewableOffer(id, availableKw, r.curtailable(), r.info().omCostPerKwh(), r.info().exportAllowed()));
                }
                case Storage s -> {
                    double soc;
                    if (t != null && t.socFraction().isPresent()) {
                        soc = t.socFraction().getAsDouble();
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
                    double plannedKw = schedule == null ? 0 : schedule.powerKw().get(k);
                    stores.add(new StorageOffer(id, -chargeKw, dischargeKw, plannedKw, s.info().exportAllowed()));
                }
            }
        }

        GridConnection connection = problem.gridConnection();
        GridOffer grid = connection.islanded() ? GridOffer.ISLANDED : new GridOffer(connection.maxImportKw(), problem.importTariffPerKwh().get(k),
                connection.maxExportKw(), problem.salePricePerKwh().get(k));
        Demand demand = demand(active, k, live, now, options.readingMaxAge());
        DispatchRequest request = new DispatchRequest(demand.kw(), active.plan().lossesKw().get(k), generators, renewables, stores, grid);

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
        return new Built(request, demand, notes, unavailable);
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
