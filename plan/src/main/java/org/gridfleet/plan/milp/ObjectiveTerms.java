package org.gridfleet.plan.milp;

import com.google.ortools.linearsolver.MPVariable;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.plan.ObjectiveKind;

/**
 * Each objective of docs/optimization.md as a linear expression over the model's variables, in its own unit: cost and
 * revenue in the plant's currency, efficiency in kWh of fuel, emissions in kg CO2, reliability in kWh of expected
 * energy not served. {@link UnitCommitmentModel} weighs and adds them.
 */
final class ObjectiveTerms {
    private final UnitCommitmentModel m;
    /** Power and energy variables are in model units of this many kW (kWh): their coefficients are per unit. */
    private final double kw;
    private final Map<ObjectiveKind, Map<MPVariable, Double>> terms = new EnumMap<>(ObjectiveKind.class);

    ObjectiveTerms(UnitCommitmentModel model) {
        this.m = model;
        this.kw = model.kwPerUnit;
    }

    /** The expression of {@code kind}: coefficient by variable (absent = 0), built once. */
    Map<MPVariable, Double> of(ObjectiveKind kind) {
        return terms.computeIfAbsent(kind, k -> {
            Map<MPVariable, Double> term = new IdentityHashMap<>();
            switch (k) {
                case COST -> cost(term);
                case REVENUE -> revenue(term);
                case EFFICIENCY -> fuel(term);
                case EMISSIONS -> emissions(term);
                case RELIABILITY -> energyNotServed(term);
            }
            return term;
        });
    }

    private static void add(Map<MPVariable, Double> term, MPVariable variable, double coefficient) {
        if (!Double.isFinite(coefficient)) {
            throw new IllegalStateException("objective coefficient of " + variable.name() + " is not a number: " + coefficient);
        }
        if (coefficient != 0) {
            term.merge(variable, coefficient, Double::sum);
        }
    }

    /**
     * Σ_t [ Σ_g (F0·u + Σ_k m_k·δ_k + om·p)·h + cold·v − (cold − hot)·z + Σ_r om·q·h + Σ_s (om·d + deg·(c + d))·h
     * + tariff·import·h − price·export·h ].
     */
    private void cost(Map<MPVariable, Double> term) {
        double h = m.h;
        for (int g = 0; g < m.generators.size(); g++) {
            Generator gen = m.generators.get(g);
            double om = gen.info().omCostPerKwh();
            double cold = gen.startUp().coldStartCost();
            double hot = gen.startUp().hotStartCost();
            CostSegments cost = m.cost[g];
            for (int t = 0; t < m.n; t++) {
                // p = Pmin·u + Σδ, so O&M on p is O&M on Pmin·u and on each δ
                add(term, m.on[g][t], (cost.costAtMinPerHour() + om * gen.minStablePowerKw()) * h);
                for (int k = 0; k < cost.segments(); k++) {
                    add(term, m.segmentKw[g][t][k], (cost.slopePerKwh()[k] + om) * h * kw);
                }
                add(term, m.start[g][t], cold);
                add(term, m.hotStart[g][t], -(cold - hot));
            }
        }
        for (int r = 0; r < m.renewables.size(); r++) {
            double om = m.renewables.get(r).info().omCostPerKwh();
            for (int t = 0; t < m.n; t++) {
                add(term, m.renewableKw[r][t], om * h * kw);
            }
        }
        for (int s = 0; s < m.stores.size(); s++) {
            Storage st = m.stores.get(s);
            for (int t = 0; t < m.n; t++) {
                add(term, m.chargeKw[s][t], st.degradationCostPerKwh() * h * kw);
                add(term, m.dischargeKw[s][t], (st.info().omCostPerKwh() + st.degradationCostPerKwh()) * h * kw);
            }
        }
        for (int t = 0; t < m.n; t++) {
            add(term, m.importKw[t], m.problem.importTariffPerKwh().get(t) * h * kw);
            add(term, m.exportKw[t], -m.problem.salePricePerKwh().get(t) * h * kw);
        }
    }

    /** −Σ_t price·export·h: revenue from energy sold, negated so that less is better. */
    private void revenue(Map<MPVariable, Double> term) {
        for (int t = 0; t < m.n; t++) {
            add(term, m.exportKw[t], -m.problem.salePricePerKwh().get(t) * m.h * kw);
        }
    }

    /**
     * Σ_t Σ_g fuel(p)·h, on the cost segments' breakpoints: fuel at Pmin on u, and each segment's fuel slope on δ.
     * Exact at the breakpoints for a fuel-based curve (the cost curve divided by a positive fuel price has the same
     * convex breakpoints); see {@link #fuelKwhPerHour} for other curves.
     */
    private void fuel(Map<MPVariable, Double> term) {
        double h = m.h;
        for (int g = 0; g < m.generators.size(); g++) {
            Generator gen = m.generators.get(g);
            CostSegments cost = m.cost[g];
            double atKw = cost.minKw();
            double fuelAt = fuelKwhPerHour(gen, atKw);
            for (int t = 0; t < m.n; t++) {
                add(term, m.on[g][t], fuelAt * h);
            }
            for (int k = 0; k < cost.segments(); k++) {
                double nextKw = atKw + cost.widthKw()[k];
                double fuelNext = fuelKwhPerHour(gen, nextKw);
                double slope = (fuelNext - fuelAt) / cost.widthKw()[k];
                for (int t = 0; t < m.n; t++) {
                    add(term, m.segmentKw[g][t][k], slope * h * kw);
                }
                atKw = nextKw;
                fuelAt = fuelNext;
            }
        }
    }

    /**
     * Fuel burnt per hour at {@code powerKw}: the cost curve's own where it knows it (fuel-based curves), else output
     * ÷ the device type's typical electrical efficiency, a linear estimate without no-load fuel. 0 at no output.
     */
    static double fuelKwhPerHour(Generator gen, double powerKw) {
        if (powerKw <= 0) {
            return 0;
        }
        return gen.costCurve().fuelKwhPerHour(powerKw).orElse(powerKw / gen.info().type().typicalElectricalEfficiency());
    }

    /** Σ_t Σ_g co2·p·h: the generators' CO2, as the evaluator counts it. */
    private void emissions(Map<MPVariable, Double> term) {
        for (int g = 0; g < m.generators.size(); g++) {
            double co2 = m.generators.get(g).co2KgPerKwh();
            for (int t = 0; t < m.n; t++) {
                add(term, m.powerKw[g][t], co2 * m.h * kw);
            }
        }
    }

    /**
     * Σ_t Σ_a FOR_a·ℓ[a,t]·h, ℓ[a,t] the output device a's failure would leave uncovered by the reserve the others
     * hold: the expected energy not served when one device fails (with probability its forced outage rate). It prefers
     * reliable devices and more reserve; {@code UnitCommitmentModel.addOutageExposure} makes ℓ.
     */
    private void energyNotServed(Map<MPVariable, Double> term) {
        for (var exposure : m.outageExposure().entrySet()) {
            add(term, exposure.getKey(), exposure.getValue() * m.h * kw);
        }
    }
}
