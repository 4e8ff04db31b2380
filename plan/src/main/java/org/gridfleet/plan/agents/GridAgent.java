package org.gridfleet.plan.agents;

import org.gridfleet.model.fleet.GridConnection;
import org.gridfleet.model.problem.PlanningProblem;

/**
 * The utility grid at the point of connection: it buys up to the export limit at the sale price, and sells up to
 * the import limit at the tariff. Import never counts towards the plant's promise that its devices cover demand,
 * so the market takes it only for what the devices cannot deliver (a demand shortfall).
 */
record GridAgent(GridConnection connection, double[] salePricePerKwh, double[] tariffPerKwh) {
    static GridAgent of(PlanningProblem problem) {
        return new GridAgent(problem.gridConnection(), problem.salePricePerKwh().toArray(), problem.importTariffPerKwh().toArray());
    }

    double importLimitKw() {
        return connection.islanded() ? 0 : connection.maxImportKw();
    }

    double exportLimitKw() {
        return connection.islanded() ? 0 : connection.maxExportKw();
    }
}
