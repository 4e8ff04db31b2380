package org.gridfleet.plan.agents;

import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.problem.PlanningProblem;

/**
 * A store that plans its own arbitrage over the horizon against the price forecast, then bids the flows of that
 * plan interval by interval. The plan is a dynamic programme over levels of stored energy between its minimum and
 * maximum: buying at the forecast price when charging, selling when discharging, paying degradation on throughput
 * and O&amp;M on discharge, through its efficiencies and self-discharge
 * ({@code E_t = E_{t−1}·(1 − s)^h + ηc·c·h − d·h/ηd}), ending at or above its end-of-horizon target where it can.
 * It stores a level per interval, not a flow, so that when the market moves it off its plan it steers back.
 */
final class StorageAgent {
    private static final double NEGLIGIBLE = 1e-9;

    final Storage store;
    private final double h;
    private final double keep;
    private final double minKwh;
    private final double maxKwh;
    private final double targetKwh;
    private final double[] share;
    private final int levels;
    private double[] plannedKwh;
    private double energyKwh;
    private double carriedKwh;

    StorageAgent(Storage store, PlanningProblem problem, AgentOptions options) {
        this.store = store;
        this.h = problem.grid().stepHours();
        this.keep = Math.pow(1 - store.selfDischargePerHour(), h);
        this.minKwh = store.minSoc() * store.energyCapacityKwh();
        this.maxKwh = store.maxSoc() * store.energyCapacityKwh();
        this.targetKwh = store.finalSoc() * store.energyCapacityKwh();
        this.share = problem.availability().get(store.id()).toArray();
        this.levels = maxKwh - minKwh > NEGLIGIBLE ? options.socLevels() : 1;
        reset();
    }

    /** Back to the initial state of charge, for a new round. */
    void reset() {
        energyKwh = store.initialSoc() * store.energyCapacityKwh();
    }

    private double level(int j) {
        return levels == 1 ? minKwh : minKwh + (maxKwh - minKwh) * j / (levels - 1);
    }

    /** Plans the levels to hold at the end of every interval, against {@code forecast}. */
    void plan(PriceForecast forecast) {
        int n = share.length;
        double dearest = 0;
        for (int t = 0; t < n; t++) {
            dearest = Math.max(dearest, Math.abs(forecast.priceAt(t)));
        }
        // a missed end target costs far more than any price: it is kept wherever the store's power allows
        double missPerKwh = 1000 * (dearest + 1);
        double[] value = new double[levels];
        for (int j = 0; j < levels; j++) {
            value[j] = level(j) >= targetKwh - NEGLIGIBLE ? 0 : -missPerKwh * (targetKwh - level(j));
        }
        int[][] next = new int[n][levels];
        for (int t = n - 1; t >= 1; t--) {
            double[] earlier = new double[levels];
            for (int j = 0; j < levels; j++) {
                Step best = bestStep(t, level(j), forecast.priceAt(t), value);
                earlier[j] = best.value;
                next[t][j] = best.level;
            }
            value = earlier;
        }
        double initialKwh = store.initialSoc() * store.energyCapacityKwh();
        int j = bestStep(0, initialKwh, forecast.priceAt(0), value).level;
        plannedKwh = new double[n];
        for (int t = 0; t < n; t++) {
            plannedKwh[t] = level(j);
            if (t + 1 < n) {
                j = next[t + 1][j];
            }
        }
    }

    private record Step(int level, double value) {}

    /** The best level to end interval {@code t} at, from {@code fromKwh}, with {@code value} of each level after it. */
    private Step bestStep(int t, double fromKwh, double pricePerKwh, double[] value) {
        double carried = fromKwh * keep;
        double chargeMaxKw = store.maxChargeKw() * share[t];
        double dischargeMaxKw = store.maxDischargeKw() * share[t];
        int bestLevel = -1;
        double best = Double.NEGATIVE_INFINITY;
        double bestMove = Double.POSITIVE_INFINITY;
        for (int j = 0; j < levels; j++) {
            double delta = level(j) - carried;
            double chargeKw = delta > 0 ? delta / (store.chargeEfficiency() * h) : 0;
            double dischargeKw = delta < 0 ? -delta * store.dischargeEfficiency() / h : 0;
            if (chargeKw > chargeMaxKw + NEGLIGIBLE || dischargeKw > dischargeMaxKw + NEGLIGIBLE) {
                continue;
            }
            double reward = (pricePerKwh * (dischargeKw - chargeKw)
                    - store.degradationCostPerKwh() * (chargeKw + dischargeKw) - store.info().omCostPerKwh() * dischargeKw) * h
                    + value[j];
            double move = Math.abs(delta);
            if (reward > best + 1e-12 || reward > best - 1e-12 && move < bestMove) {
                best = reward;
                bestLevel = j;
                bestMove = move;
            }
        }
        if (bestLevel < 0) {
            // it cannot reach any level (maintenance): it drifts to the level just below what it keeps
            int j = (int) Math.floor((carried - minKwh) / Math.max(maxKwh - minKwh, NEGLIGIBLE) * (levels - 1) + NEGLIGIBLE);
            bestLevel = Math.max(0, Math.min(levels - 1, j));
            best = value[bestLevel];
        }
        return new Step(bestLevel, best);
    }

    /** Its bid for interval {@code t}: the flow that steers from the energy it holds towards its planned level. */
    StorageBid bid(int t) {
        carriedKwh = energyKwh * keep;
        double dischargeLimit = atLeastZero(Math.min(store.maxDischargeKw() * share[t], (carriedKwh - minKwh) * store.dischargeEfficiency() / h));
        double chargeLimit = atLeastZero(Math.min(store.maxChargeKw() * share[t], (maxKwh - carriedKwh) / (store.chargeEfficiency() * h)));
        // below its minimum after self-discharge it must charge back up, as far as it can
        double mustChargeKw = minKwh - carriedKwh > NEGLIGIBLE ? Math.min(chargeLimit, (minKwh - carriedKwh) / (store.chargeEfficiency() * h)) : 0;
        double delta = plannedKwh[t] - carriedKwh;
        double planned = delta >= 0
                ? -Math.min(delta / (store.chargeEfficiency() * h), chargeLimit)
                : Math.min(-delta * store.dischargeEfficiency() / h, dischargeLimit);
        if (mustChargeKw > 0) {
            planned = Math.min(planned, -mustChargeKw);
        }
        return new StorageBid(Math.abs(planned) < NEGLIGIBLE ? 0 : planned, chargeLimit, dischargeLimit, mustChargeKw);
    }

    /** The market's award for the interval just bid: its flow, kW; returns the state of charge at its end. */
    double award(double powerKw) {
        double charge = Math.max(-powerKw, 0);
        double discharge = Math.max(powerKw, 0);
        energyKwh = carriedKwh + store.chargeEfficiency() * charge * h - discharge * h / store.dischargeEfficiency();
        return energyKwh / store.energyCapacityKwh();
    }

    private static double atLeastZero(double value) {
        return value > NEGLIGIBLE ? value : 0;
    }
}
