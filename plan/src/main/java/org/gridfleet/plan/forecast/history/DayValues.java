package org.gridfleet.plan.forecast.history;

/** One variable over one day: what happened, and what the day-ahead weather forecast said. */
record DayValues(double[] actual, double[] forecast) {
    DayValues(int intervals) {
        this(new double[intervals], new double[intervals]);
    }
}
