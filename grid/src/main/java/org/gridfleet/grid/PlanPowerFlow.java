package org.gridfleet.grid;

import static java.util.Objects.requireNonNull;

import com.powsybl.iidm.network.Load;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.fleet.EndUser;
import org.gridfleet.model.plan.DeviceSchedule;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;

/**
 * The AC power flow of every interval of a plan on the fleet's network: each bus draws its end-users' demand
 * (with their reactive power) less its devices' planned output (with the reactive power their settings give at
 * that output), and the slack bus (the utility grid behind the point of common coupling) balances the rest, losses
 * included.
 */
public final class PlanPowerFlow {
    private final AcPowerFlow powerFlow = new AcPowerFlow();

    /** One interval's power flow. */
    public record IntervalFlow(int interval, Instant start, PowerFlowOutcome outcome) {
        public IntervalFlow {
            requireNonNull(start, "start");
            requireNonNull(outcome, "outcome");
        }
    }

    /** Runs the power flow of every interval of {@code plan}, in order. */
    public List<IntervalFlow> run(PlanningProblem problem, DispatchPlan plan) {
        GridModel grid = FleetNetworks.toGrid(problem.network());
        BusLoads loads = BusLoads.of(problem, plan);
        List<IntervalFlow> flows = new ArrayList<>();
        for (int k = 0; k < plan.grid().intervals(); k++) {
            flows.add(new IntervalFlow(k, plan.grid().startOf(k), run(grid, loads, k)));
        }
        return flows;
    }

    /** Runs the power flow of interval {@code k} of {@code plan} only. */
    public IntervalFlow run(PlanningProblem problem, DispatchPlan plan, int k) {
        if (k < 0 || k >= plan.grid().intervals()) {
            throw new IllegalArgumentException("interval " + k + " is outside the plan's 0.." + (plan.grid().intervals() - 1));
        }
        return new IntervalFlow(k, plan.grid().startOf(k), run(FleetNetworks.toGrid(problem.network()), BusLoads.of(problem, plan), k));
    }

    private PowerFlowOutcome run(GridModel grid, BusLoads loads, int k) {
        for (GridModel.BusRef bus : grid.buses()) {
            Load load = grid.iidm().getLoad(FleetNetworks.netLoadId(bus.id()));
            load.setP0(loads.pKw(bus.id(), k) / 1000).setQ0(loads.qKvar(bus.id(), k) / 1000);
        }
        return powerFlow.run(grid);
    }

    /** What each bus draws in each interval, kW and kvar: end-users' demand less devices' output. */
    record BusLoads(Map<String, double[]> pKw, Map<String, double[]> qKvar) {
        static BusLoads of(PlanningProblem problem, DispatchPlan plan) {
            int n = plan.grid().intervals();
            Map<String, double[]> p = new HashMap<>();
            Map<String, double[]> q = new HashMap<>();
            for (EndUser user : problem.endUsers()) {
                double[] demand = problem.demandKwByEndUser().get(user.id()).toArray();
                double[] pb = p.computeIfAbsent(user.bus().value(), b -> new double[n]);
                double[] qb = q.computeIfAbsent(user.bus().value(), b -> new double[n]);
                for (int k = 0; k < n; k++) {
                    pb[k] += demand[k];
                    qb[k] += user.reactive().kvarAt(demand[k]);
                }
            }
            Map<AssetId, DeviceSchedule> schedules = new HashMap<>();
            plan.schedules().forEach(s -> schedules.put(s.asset(), s));
            for (Asset asset : problem.assets()) {
                DeviceSchedule schedule = schedules.get(asset.id());
                if (schedule == null) continue;
                double[] pb = p.computeIfAbsent(asset.info().bus().value(), b -> new double[n]);
                double[] qb = q.computeIfAbsent(asset.info().bus().value(), b -> new double[n]);
                for (int k = 0; k < n; k++) {
                    double kw = schedule.powerKw().get(k);
                    pb[k] -= kw;
                    qb[k] -= asset.info().kvarAt(kw);
                }
            }
            return new BusLoads(p, q);
        }

        double pKw(String bus, int k) {
            double[] v = pKw.get(bus);
            return v == null ? 0 : v[k];
        }

        double qKvar(String bus, int k) {
            double[] v = qKvar.get(bus);
            return v == null ? 0 : v[k];
        }
    }
}
