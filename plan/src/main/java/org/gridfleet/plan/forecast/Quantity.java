package org.gridfleet.plan.forecast;

/** What is forecast, with the physical bounds its quantiles and scenarios are held within. */
public enum Quantity {
    /** Photovoltaic output, kW: 0 at night, at most the inverter rating. */
    PV("photovoltaic output"),
    /** Wind output, kW: 0 to the turbines' rating. */
    WIND("wind output"),
    /** The end-users' aggregate demand, kW: 0 upwards. */
    DEMAND("demand");

    private final String label;

    Quantity(String label) {
        this.label = label;
    }

    /** Words for messages and reports. */
    public String label() {
        return label;
    }

    /** The measured value of this quantity in {@code row}, kW. */
    public double valueKw(HistoryRow row) {
        return switch (this) {
            case PV -> row.pvKw();
            case WIND -> row.windKw();
            case DEMAND -> row.demandKw();
        };
    }

    /** The most this quantity can be at {@code site}, kW; unbounded for demand. */
    public double upperBoundKw(ForecastSite site) {
        return switch (this) {
            case PV -> site.pvRatingKw();
            case WIND -> site.windRatingKw();
            case DEMAND -> Double.POSITIVE_INFINITY;
        };
    }

    /** The scale errors are measured against at {@code site}, kW: the rating, or the demand peak. */
    public double scaleKw(ForecastSite site) {
        return this == DEMAND ? site.demandPeakKw() : upperBoundKw(site);
    }

    /**
     * Actuals below this are left out of MAPE, kW: 5 % of the rating for photovoltaic and wind output, whose nights
     * and calms would otherwise divide by (nearly) zero; nothing for demand, which never nears zero.
     */
    public double mapeFloorKw(ForecastSite site) {
        return this == DEMAND ? 0 : 0.05 * upperBoundKw(site);
    }
}
