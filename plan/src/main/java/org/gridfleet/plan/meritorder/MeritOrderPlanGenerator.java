package org.gridfleet.plan.meritorder;

import java.util.List;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.PlanGenerator;

/**
 * The merit-order baseline: an honest, simple plan that any optimising generator must beat.
 *
 * <p>Interval by interval, in time order (storage carries its energy from one interval to the next):
 * <ol>
 *   <li>Renewables produce their forecast times availability. The residual demand is
 *       {@code N = demand − renewables} (plus whatever storage must charge to stay at its minimum state of charge
 *       against self-discharge).</li>
 *   <li>Available dispatchable generators are committed in merit order (full-load average cost
 *       {@code costPerHour(Pmax)/Pmax + omCostPerKwh}, ties by id) until the committed generators cover {@code N}
 *       without energy from storage and the reserve held after dispatch (generator and storage headroom) meets the
 *       requirement, or no candidate is left. Storage is thus kept for what generators cannot cover and for
 *       reserve, not run down at low load. Units in maintenance (availability 0), units whose available output is below their
 *       minimum stable power and units without run hours left are skipped, as is a unit whose minimum stable power
 *       could only be taken by oversupplying.</li>
 *   <li>Committed units run at their minimum stable power and are loaded cheapest first up to their available
 *       output; storage discharges only for what they cannot cover (cheapest degradation first), limited by power
 *       and by the energy above its minimum state of charge. The rest is imported when grid-connected (up to the
 *       import limit) and is unserved otherwise; either way the devices fall short of demand, which the plan
 *       reports as a {@link org.gridfleet.model.plan.Shortfall.Kind#DEMAND} shortfall.</li>
 *   <li>A surplus (renewables, or minimum stable power beyond {@code N}) charges storage (cheapest degradation
 *       first), is then exported when grid-connected (up to the export limit, and no more than devices that may
 *       export produce), and then curtails curtailable renewables (those that may not export first, then the
 *       highest O&amp;M cost). What non-curtailable units still oversupply is reported.</li>
 * </ol>
 * Spinning reserve is carried by committed generators' headroom (available output minus set point) and storage
 * discharge headroom (limited by power and by the energy above its minimum over one interval); grid import never
 * counts. The largest online unit, for {@code ReserveRequirement.coverLargestUnit}, is the committed generator
 * with the highest available output.
 *
 * <p><b>Not respected</b>: ramp rates, minimum up and down times, start-up times and start-up costs; the plan
 * does not look ahead (it never charges storage from generators for a later peak, nor shifts cheap energy). The optimal planner respects them.
 *
 * <p>The plan is {@code Heuristic} when no interval falls short, and {@code Infeasible} with the shortfalls and a
 * reason a person can act on otherwise; it always carries the best-effort schedules. Same problem, same plan.
 */
public final class MeritOrderPlanGenerator implements PlanGenerator {
    public static final String NAME = "merit-order";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<DispatchPlan> generate(PlanningProblem problem) {
        return List.of(new MeritOrderRun(problem).plan());
    }
}
