package org.gridfleet.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gridfleet.control.Alarm;
import org.gridfleet.control.CommandBook.TrackedCommand;
import org.gridfleet.control.ControlCenter;
import org.gridfleet.control.ControlReport;
import org.gridfleet.control.ManualOverride;
import org.gridfleet.control.Redispatch;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.control.OperatingState;
import org.gridfleet.model.control.Telemetry;
import org.gridfleet.model.fleet.EndUser;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.server.view.AlarmView;
import org.gridfleet.server.view.AlarmsView;
import org.gridfleet.server.view.CommandView;
import org.gridfleet.server.view.DeviceDetailView;
import org.gridfleet.server.view.DeviceView;
import org.gridfleet.server.view.EndUserView;
import org.gridfleet.server.view.OverrideView;
import org.gridfleet.server.view.PlantView;

/** The control center's state turned into the API's views: read-only, from the center's public methods. */
final class PlantViews {
    /** Alarms listed as recent, newest first. */
    static final int RECENT_ALARMS = 100;

    private final ControlCenter center;

    PlantViews(ControlCenter center) {
        this.center = center;
    }

    PlantView plant() {
        Instant now = center.now();
        PlanningProblem problem = center.problem();
        DispatchPlan plan = center.plan();
        int k = interval(problem, now);
        ControlReport report = center.report();
        int online = 0;
        double capacityKw = 0;
        double outputKw = 0;
        double largestOnlineKw = 0;
        for (Asset asset : problem.assets()) {
            Telemetry t = center.live().telemetry(asset.id()).orElse(null);
            if (t != null) {
                outputKw += t.powerKw();
            }
            if (online(asset.id(), t)) {
                online++;
                double maxKw = k < 0 ? 0 : problem.maxOutputKw(asset).get(k);
                capacityKw += maxKw;
                largestOnlineKw = Math.max(largestOnlineKw, maxKw);
            }
        }
        double demandKw = center.demandKw();
        double plannedKw = k < 0 ? 0 : plan.schedules().stream().mapToDouble(s -> s.powerKw().get(k)).sum();
        return new PlantView(now, problem.name(), problem.currency(), k < 0 ? null : k, k < 0 ? null : problem.grid().startOf(k),
                problem.assets().size(), online, capacityKw, outputKw, demandKw, capacityKw - outputKw,
                problem.reserve().requiredKw(demandKw, largestOnlineKw), plannedKw, report.cost(), report.plannedCost(),
                report.cost() - report.plannedCost(), center.activeAlarms().size(), plan.generator(), plan.status().label(), report.replans().size(),
                center.lastDispatch().map(Redispatch::time).orElse(null));
    }

    List<DeviceView> devices() {
        PlanningProblem problem = center.problem();
        DispatchPlan plan = center.plan();
        int k = interval(problem, center.now());
        Map<AssetId, String> excluded = center.excluded();
        Map<AssetId, ManualOverride> overrides = center.overrides();
        List<DeviceView> views = new ArrayList<>();
        for (Asset asset : problem.assets()) {
            views.add(device(asset, plan, k, excluded, overrides));
        }
        return views;
    }

    Optional<DeviceDetailView> device(String id) {
        PlanningProblem problem = center.problem();
        Optional<Asset> asset = problem.assets().stream().filter(a -> a.id().value().equals(id)).findFirst();
        return asset.map(a -> new DeviceDetailView(device(a, center.plan(), interval(problem, center.now()), center.excluded(), center.overrides()),
                center.currentCommand(a.id()).map(PlantViews::command).orElse(null)));
    }

    List<EndUserView> endUsers() {
        PlanningProblem problem = center.problem();
        int k = interval(problem, center.now());
        List<EndUserView> views = new ArrayList<>();
        for (EndUser u : problem.endUsers()) {
            var reading = center.live().demand(u.id());
            var forecast = problem.demandKwByEndUser().get(u.id());
            views.add(new EndUserView(u.id().value(), u.name(), reading.map(r -> r.demandKw()).orElse(null), reading.map(r -> r.time()).orElse(null),
                    k < 0 || forecast == null ? null : forecast.get(k)));
        }
        return views;
    }

    AlarmsView alarms() {
        List<Alarm> history = center.alarmHistory();
        List<AlarmView> active = center.activeAlarms().stream().map(PlantViews::alarm).toList();
        List<AlarmView> recent = history.stream().sorted(Comparator.comparingLong(Alarm::id).reversed()).limit(RECENT_ALARMS)
                .map(PlantViews::alarm).toList();
        return new AlarmsView(active, recent, history.size());
    }

    static AlarmView alarm(Alarm a) {
        return new AlarmView(a.id(), lower(a.kind().name()), lower(a.severity().name()), a.subject(), a.message(),
                a.missingKw().isPresent() ? a.missingKw().getAsDouble() : null, a.raisedAt(), a.clearedAt().orElse(null), a.active(),
                a.acknowledged().map(Alarm.Acknowledgement::by).orElse(null), a.acknowledged().map(Alarm.Acknowledgement::at).orElse(null));
    }

    private DeviceView device(Asset asset, DispatchPlan plan, int k, Map<AssetId, String> excluded, Map<AssetId, ManualOverride> overrides) {
        AssetId id = asset.id();
        Telemetry t = center.live().telemetry(id).orElse(null);
        Double setpointKw = center.currentCommand(id).map(c -> c.command().setpointKw()).orElse(null);
        Double plannedKw = k < 0 ? null : plan.schedule(id).map(s -> s.powerKw().get(k)).orElse(null);
        return new DeviceView(id.value(), asset.info().name(), asset.info().type().fileName(), kind(asset), asset.ratedPowerKw(),
                center.live().connected(id), online(id, t), t == null ? null : lower(t.state().name()), t == null ? null : t.powerKw(),
                t == null || t.kvar().isEmpty() ? null : t.kvar().getAsDouble(),
                t == null || t.socFraction().isEmpty() ? null : t.socFraction().getAsDouble(), t == null ? null : t.time(), setpointKw, plannedKw,
                excluded.get(id), overrides.containsKey(id) ? override(overrides.get(id)) : null);
    }

    static OverrideView override(ManualOverride o) {
        return new OverrideView(o.outOfService() ? "out_of_service" : "hold", o.setpointKw().isPresent() ? o.setpointKw().getAsDouble() : null,
                o.by(), o.note(), o.since(), o.until().orElse(null));
    }

    private static CommandView command(TrackedCommand c) {
        var command = c.command();
        return new CommandView(command.id().value(), command.setpointKw(),
                command.setpointKvar().isPresent() ? command.setpointKvar().getAsDouble() : null, command.validFrom(), command.validUntil(),
                lower(c.state().name()), c.sends(), c.firstSentAt(), c.lastSentAt(), c.superseded(), c.delivery().map(d -> d.label()).orElse(null),
                c.lastAck().map(a -> new CommandView.AckView(lower(a.status().name()), a.reason(), a.time())).orElse(null));
    }

    private boolean online(AssetId id, Telemetry t) {
        return center.live().connected(id) && (t == null || t.state() != OperatingState.FAULT && t.state() != OperatingState.MAINTENANCE);
    }

    private static int interval(PlanningProblem problem, Instant now) {
        long k = problem.grid().indexOf(now);
        return k < 0 || k >= problem.grid().intervals() ? -1 : (int) k;
    }

    private static String kind(Asset asset) {
        return switch (asset) {
            case Generator g -> "generator";
            case Renewable r -> "renewable";
            case Storage s -> "storage";
        };
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

}
