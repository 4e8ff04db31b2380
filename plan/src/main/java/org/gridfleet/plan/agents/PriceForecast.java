package org.gridfleet.plan.agents;

import java.util.Arrays;

/**
 * The prices agents plan against: the market's clearing prices of the last round (damped), or before any round a
 * flat indicative price.
 *
 * @param pricePerKwh one price per interval, in the fleet's currency
 * @param cleared     whether the prices come from a clearing (false: the flat first guess, not worth acting on)
 */
record PriceForecast(double[] pricePerKwh, boolean cleared) {
    static PriceForecast flat(int intervals, double pricePerKwh) {
        double[] prices = new double[intervals];
        Arrays.fill(prices, pricePerKwh);
        return new PriceForecast(prices, false);
    }

    double priceAt(int t) {
        return pricePerKwh[t];
    }

    /** Consecutive intervals from {@code t} on (before {@code end}) whose price is at least {@code pricePerKwh}. */
    int intervalsAtOrAbove(int t, double price, int end) {
        int k = t;
        while (k < end && pricePerKwh[k] >= price) {
            k++;
        }
        return k - t;
    }

    /** The next forecast: {@code damping} of this one and the rest from a round's clearing prices. */
    PriceForecast next(double[] clearedPricePerKwh, double damping) {
        double[] prices = new double[clearedPricePerKwh.length];
        for (int t = 0; t < prices.length; t++) {
            prices[t] = cleared ? damping * pricePerKwh[t] + (1 - damping) * clearedPricePerKwh[t] : clearedPricePerKwh[t];
        }
        return new PriceForecast(prices, true);
    }
}
