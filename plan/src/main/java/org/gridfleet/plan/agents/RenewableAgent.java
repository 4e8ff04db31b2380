package org.gridfleet.plan.agents;

import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.problem.PlanningProblem;

/**
 * A photovoltaic array or wind turbine: it offers its forecast (within rating and availability) at its O&amp;M cost,
 * next to nothing; a curtailable one accepts being cut, a non-curtailable one must be taken whole.
 */
final class RenewableAgent {
    final Renewable unit;
    private final double[] boundKw;

    RenewableAgent(Renewable unit, PlanningProblem problem) {
        this.unit = unit;
        this.boundKw = problem.maxOutputKw(unit).toArray();
    }

    /** What it offers in interval {@code t}, kW. */
    double offerKw(int t) {
        return boundKw[t];
    }
}
