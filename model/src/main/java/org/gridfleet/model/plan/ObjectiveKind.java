package org.gridfleet.model.plan;

/** What a plan generator optimises for. */
public enum ObjectiveKind {
    /** Least operating cost: fuel, start-ups, maintenance, degradation, grid import, minus export revenue. */
    COST,
    /** Most revenue from energy sold at market prices. */
    REVENUE,
    /** Least fuel energy for the energy served. */
    EFFICIENCY,
    /** Prefer devices with low forced outage rates and hold more reserve. */
    RELIABILITY,
    /** Least emissions. */
    EMISSIONS
}
