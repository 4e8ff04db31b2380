package org.gridfleet.model.plan;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.TimeGrid;

/**
 * A dispatch plan: what every device does in every interval, plus the grid exchange that closes the balance
 * {@code Σ powerKw + importKw − exportKw = demand + lossesKw}.
 *
 * @param generator which plan generator made it, e.g. {@code merit-order}
 * @param lossesKw  network losses the plan covers on top of demand in each interval (from an AC power flow, when
 *                  it was planned with the network); zeros otherwise
 */
public record DispatchPlan(
        String generator,
        Objective objective,
        PlanStatus status,
        TimeGrid grid,
        List<DeviceSchedule> schedules,
        Profile importKw,
        Profile exportKw,
        Profile lossesKw) {

    /** A plan that covers no network losses. */
    public DispatchPlan(String generator, Objective objective, PlanStatus status, TimeGrid grid, List<DeviceSchedule> schedules,
                        Profile importKw, Profile exportKw) {
        this(generator, objective, status, grid, schedules, importKw, exportKw, Profile.zeros(grid.intervals()));
    }

    public DispatchPlan {
        requireNonNull(generator, "generator");
        requireNonNull(objective, "objective");
        requireNonNull(status, "status");
        requireNonNull(grid, "grid");
        schedules = List.copyOf(schedules);
        for (DeviceSchedule s : schedules) {
            if (s.powerKw().size() != grid.intervals()) {
                throw new IllegalArgumentException(s.asset() + ": schedule length differs from the grid's " + grid.intervals());
            }
        }
        if (importKw.size() != grid.intervals() || exportKw.size() != grid.intervals() || lossesKw.size() != grid.intervals()) {
            throw new IllegalArgumentException("import, export and losses need one value per interval");
        }
        if (lossesKw.min() < 0) {
            throw new IllegalArgumentException("losses must be >= 0 kW: " + lossesKw);
        }
    }

    public Optional<DeviceSchedule> schedule(AssetId asset) {
        return schedules.stream().filter(s -> s.asset().equals(asset)).findFirst();
    }

    /** Combined output of all devices in each interval, kW (storage charging subtracts). */
    public Profile combinedOutputKw() {
        double[] total = new double[grid.intervals()];
        for (DeviceSchedule s : schedules) {
            for (int k = 0; k < total.length; k++) {
                total[k] += s.powerKw().get(k);
            }
        }
        return Profile.of(total);
    }
}
