package org.gridfleet.control;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.plan.DeviceSchedule;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;

/** The plan in force and the problem it was made for, with look-ups by device and the aggregate demand forecast. */
record ActivePlan(PlanningProblem problem, DispatchPlan plan, Map<AssetId, DeviceSchedule> schedules, Map<AssetId, Asset> assets,
                  Profile demandKw) {
    ActivePlan {
        requireNonNull(problem, "problem");
        requireNonNull(plan, "plan");
    }

    static ActivePlan of(PlanningProblem problem, DispatchPlan plan) {
        requireNonNull(problem, "problem");
        requireNonNull(plan, "plan");
        if (!plan.grid().equals(problem.grid())) {
            throw new IllegalArgumentException("the plan's grid " + plan.grid() + " is not its problem's " + problem.grid());
        }
        // HashMaps, not Map.copyOf: its table degrades on ids numbered in sequence (see PlanningProblem)
        Map<AssetId, DeviceSchedule> schedules = new HashMap<>();
        for (DeviceSchedule s : plan.schedules()) {
            schedules.put(s.asset(), s);
        }
        Map<AssetId, Asset> assets = new HashMap<>();
        for (Asset a : problem.assets()) {
            assets.put(a.id(), a);
        }
        return new ActivePlan(problem, plan, Collections.unmodifiableMap(schedules), Collections.unmodifiableMap(assets), problem.demandKw());
    }

    TimeGrid grid() {
        return plan.grid();
    }

    /** The interval that holds {@code time}, or -1 outside the horizon. */
    int intervalAt(Instant time) {
        long k = grid().indexOf(time);
        return k < 0 || k >= grid().intervals() ? -1 : (int) k;
    }

    DeviceSchedule schedule(AssetId device) {
        return schedules.get(device);
    }
}
