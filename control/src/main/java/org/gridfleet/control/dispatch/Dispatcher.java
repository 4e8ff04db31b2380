package org.gridfleet.control.dispatch;

import static java.util.Objects.requireNonNull;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridfleet.control.dispatch.DispatchRequest.GeneratorOffer;
import org.gridfleet.control.dispatch.DispatchRequest.GridOffer;
import org.gridfleet.control.dispatch.DispatchRequest.HeldDevice;
import org.gridfleet.control.dispatch.DispatchRequest.RenewableOffer;
import org.gridfleet.control.dispatch.DispatchRequest.StorageOffer;
import org.gridfleet.model.AssetId;

/**
 * The single-interval economic dispatch around a plan's commitment (docs/control.md, "The dispatch LP"): set points
 * that cover demand at least cost now, as a linear program solved with GLOP.
 *
 * <pre>
 *   variables   δ[g,k] ∈ [0, W_k]     segment k of running generator g      p[g] = Pmin[g] + Σ_k δ[g,k]
 *               q[r]   ∈ [0, B[r]]    curtailable renewable r (fixed at B[r] otherwise)
 *               up[s] ∈ [0, Smax − A], down[s] ∈ [0, A − Smin]             s[s] = A[s] + up[s] − down[s]
 *               imp ∈ [0, Imax], exp ∈ [0, Xmax], short, unserved, spill ≥ 0
 *   balance     Σp + Σq + Σs + ΣH + imp − exp + unserved − spill = D + L
 *   cover       Σp + Σq + Σs + ΣH + short ≥ D + L            (the devices' combined output covers demand)
 *   exportable  exp ≤ Σ_{may export} (p + q + s + H)        (only when some device may not export)
 *   minimise    Σ m[g,k]·δ[g,k] + Σ om[g]·p[g] + Σ om[r]·q[r] + c_dev·Σ(up + down) + tariff·imp − sale·exp
 *               + M·short + 2M·unserved + M·spill
 * </pre>
 *
 * {@code A[s]} is the store's planned set point (within what it can do now): storage deviates from the plan at
 * {@code c_dev}, twice the dearest marginal cost of any generator, renewable or the grid, so that it steps in only
 * where the generators cannot cover demand (or take a surplus) by themselves. {@code M = 1000·c_dev}. {@code H[h]} is
 * what a device an operator holds at a set point gives ({@link DispatchRequest.HeldDevice}): a constant.
 *
 * <p>Every generator's range {@code [Pmin, Pmax]} is what it can reach by the end of the dispatch's horizon (its ramp
 * rates from its output now, its start-up), so the set points never count on output the devices cannot give in time.
 * Generators the plan runs ({@code committed}) are on, within that range. When the devices still fall short, units the
 * plan does not run but that may start and give in time ({@code startable}, {@code readyInTime}) are started cheapest
 * first (full-load average cost, ties by id), as many as cover the shortfall with their maximum output, and the LP is
 * solved again; so the answer never has a unit between 0 and its minimum stable power. A unit whose start-up outlasts
 * the horizon gives nothing in it: if the plan runs it, or if the shortfall would last even once every running unit
 * has ramped to its capacity, it is told to start (its minimum stable power, counted in no sum), for later. Same
 * request, same answer.
 *
 * <p>Thread-safe: every call builds and frees its own solver.
 */
public final class Dispatcher {
    /** LP values this close to a bound (kW) are snapped onto it, so that a set point reads 300, not 299.99999999. */
    static final double SNAP_KW = 1e-6;

    public DispatchResult dispatch(DispatchRequest request) {
        requireNonNull(request, "request");
        long startedAt = System.nanoTime();
        Natives.load();

        List<GeneratorOffer> on = new ArrayList<>();          // running in the LP
        List<GeneratorOffer> late = new ArrayList<>();        // told to run, giving nothing before the horizon ends
        List<GeneratorOffer> candidates = new ArrayList<>();  // may start, and give before the horizon ends
        List<GeneratorOffer> slow = new ArrayList<>();        // may start, but only for later
        for (GeneratorOffer g : request.generators()) {
            if (g.committed()) {
                (g.readyInTime() ? on : late).add(g);
            } else if (g.startable() && g.readyInTime() && g.maxKw() > 0) {
                candidates.add(g);
            } else if (g.startable() && g.capacityKw() > 0) {
                slow.add(g);
            }
        }
        Comparator<GeneratorOffer> cheapestFirst = Comparator.comparingDouble(GeneratorOffer::fullLoadCostPerKwh).thenComparing(GeneratorOffer::id);
        candidates.sort(cheapestFirst);
        slow.sort(cheapestFirst);

        Solution solution = solve(request, on);
        int solves = 1;
        List<AssetId> started = new ArrayList<>();
        int next = 0;
        while (solution.shortKw() > DispatchResult.TOLERANCE_KW && next < candidates.size()) {
            double addedKw = 0;
            while (next < candidates.size() && addedKw < solution.shortKw() - DispatchResult.TOLERANCE_KW) {
                GeneratorOffer g = candidates.get(next++);
                on.add(g);
                started.add(g.id());
                addedKw += g.maxKw();
            }
            solution = solve(request, on);
            solves++;
        }

        // what stays short once every unit told to run has started and ramped to its capacity, stores back at their
        // plan; units that cannot give in time are started for it, cheapest first: they give nothing now
        double heldKw = request.heldKw();
        double shortNowKw = Math.max(0, request.requiredKw() - heldKw - solution.devicesKw());
        double steadyKw = heldKw;
        for (GeneratorOffer g : on) {
            steadyKw += g.capacityKw();
        }
        for (GeneratorOffer g : late) {
            steadyKw += g.capacityKw();
        }
        for (RenewableOffer r : request.renewables()) {
            steadyKw += r.availableKw();
        }
        for (StorageOffer s : request.stores()) {
            steadyKw += s.anchorKw();
        }
        double lastingKw = Math.min(shortNowKw, Math.max(0, request.requiredKw() - steadyKw));
        for (int i = 0; i < slow.size() && lastingKw > DispatchResult.TOLERANCE_KW; i++) {
            GeneratorOffer g = slow.get(i);
            late.add(g);
            started.add(g.id());
            lastingKw = Math.max(0, lastingKw - g.capacityKw());
        }

        double capacityKw = heldKw;
        for (GeneratorOffer g : request.generators()) {
            capacityKw += g.readyInTime() && (g.committed() || g.startable()) ? g.maxKw() : 0;
        }
        for (RenewableOffer r : request.renewables()) {
            capacityKw += r.availableKw();
        }
        for (StorageOffer s : request.stores()) {
            capacityKw += s.maxKw();
        }

        Map<AssetId, Double> setpoints = new LinkedHashMap<>();
        double devicesKw = 0;
        double costPerHour = 0;
        List<AssetId> starting = late.stream().map(GeneratorOffer::id).toList();
        for (GeneratorOffer g : request.generators()) {
            Double kw = solution.generatorKw().get(g.id());
            if (kw == null) {
                setpoints.put(g.id(), starting.contains(g.id()) ? g.minKw() : 0.0); // a late starter: told to start, gives nothing yet
                continue;
            }
            setpoints.put(g.id(), kw);
            devicesKw += kw;
            costPerHour += g.cost().costPerHour(kw) + g.omCostPerKwh() * kw;
        }
        for (RenewableOffer r : request.renewables()) {
            double q = solution.renewableKw().get(r.id());
            setpoints.put(r.id(), q);
            devicesKw += q;
            costPerHour += r.omCostPerKwh() * q;
        }
        for (StorageOffer s : request.stores()) {
            double kw = solution.storageKw().get(s.id());
            setpoints.put(s.id(), kw);
            devicesKw += kw;
        }
        for (HeldDevice h : request.held()) {
            setpoints.put(h.id(), h.kw());
            devicesKw += h.kw();
            costPerHour += h.costPerHour();
        }
        GridOffer grid = request.grid();
        costPerHour += grid.importTariffPerKwh() * solution.importKw() - grid.salePricePerKwh() * solution.exportKw();
        double shortKw = Math.max(0, request.requiredKw() - devicesKw);
        shortKw = shortKw <= DispatchResult.TOLERANCE_KW ? 0 : shortKw;
        return new DispatchResult(setpoints, started, starting, request.requiredKw(), devicesKw, capacityKw, solution.importKw(),
                solution.exportKw(), shortKw, Math.min(shortKw, lastingKw), solution.unservedKw(), solution.spillKw(), costPerHour, solves,
                Duration.ofNanos(System.nanoTime() - startedAt));
    }

    /** The LP's answer, with values within {@link #SNAP_KW} of a bound snapped onto it. */
    private record Solution(Map<AssetId, Double> generatorKw, Map<AssetId, Double> renewableKw, Map<AssetId, Double> storageKw,
                            double importKw, double exportKw, double shortKw, double unservedKw, double spillKw) {
        double devicesKw() {
            double kw = 0;
            for (double p : generatorKw.values()) {
                kw += p;
            }
            for (double q : renewableKw.values()) {
                kw += q;
            }
            for (double s : storageKw.values()) {
                kw += s;
            }
            return kw;
        }
    }

    /** One LP with the generators in {@code on} running. */
    private static Solution solve(DispatchRequest request, List<GeneratorOffer> on) {
        // data
        GridOffer grid = request.grid();
        double maxMarginal = 0.01;
        for (GeneratorOffer g : on) {
            maxMarginal = Math.max(maxMarginal, g.cost().maxSlopePerKwh() + g.omCostPerKwh());
        }
        for (RenewableOffer r : request.renewables()) {
            maxMarginal = Math.max(maxMarginal, r.omCostPerKwh());
        }
        maxMarginal = Math.max(maxMarginal, Math.max(Math.abs(grid.importTariffPerKwh()), Math.abs(grid.salePricePerKwh())));
        double deviationCost = 2 * maxMarginal;
        double penalty = 1000 * deviationCost;
        // an LP could import and export at once where the sale price is not below the tariff: price export a hair lower
        double salePrice = grid.maxImportKw() > 0 && grid.salePricePerKwh() >= grid.importTariffPerKwh()
                ? grid.importTariffPerKwh() - 1e-6 * maxMarginal : grid.salePricePerKwh();
        boolean someMayNotExport = grid.maxExportKw() > 0
                && (on.stream().anyMatch(g -> !g.exportAllowed()) || request.renewables().stream().anyMatch(r -> !r.exportAllowed())
                || request.stores().stream().anyMatch(s -> !s.exportAllowed()) || request.held().stream().anyMatch(h -> !h.exportAllowed()));

        MPSolver solver = MPSolver.createSolver("GLOP");
        if (solver == null) {
            throw new IllegalStateException("OR-Tools has no GLOP solver in this build");
        }
        try {
            MPObjective objective = solver.objective();
            // constant output: generators at their minimum, fixed renewables, stores at their planned set point, held devices
            double fixedKw = 0;
            double fixedExportableKw = 0;
            for (HeldDevice h : request.held()) {
                fixedKw += h.kw();
                fixedExportableKw += h.exportAllowed() ? h.kw() : 0;
            }

            // variables, each with its part of the objective
            List<MPVariable> flexible = new ArrayList<>(); // Σ(δ + q + up − down): what the devices add to fixedKw
            List<Double> flexibleSign = new ArrayList<>();
            List<Boolean> flexibleExportable = new ArrayList<>();
            List<List<MPVariable>> segments = new ArrayList<>();
            for (GeneratorOffer g : on) {
                fixedKw += g.minKw();
                fixedExportableKw += g.exportAllowed() ? g.minKw() : 0;
                List<MPVariable> delta = new ArrayList<>(g.cost().segments());
                for (int k = 0; k < g.cost().segments(); k++) {
                    MPVariable d = solver.makeNumVar(0, g.cost().widthKw(k), "delta[" + g.id() + "," + k + "]");
                    objective.setCoefficient(d, g.cost().slopePerKwh(k) + g.omCostPerKwh());
                    delta.add(d);
                    flexible.add(d);
                    flexibleSign.add(1.0);
                    flexibleExportable.add(g.exportAllowed());
                }
                segments.add(delta);
            }
            List<MPVariable> renewable = new ArrayList<>();
            for (RenewableOffer r : request.renewables()) {
                if (r.curtailable()) {
                    MPVariable q = solver.makeNumVar(0, r.availableKw(), "renewable[" + r.id() + "]");
                    objective.setCoefficient(q, r.omCostPerKwh());
                    renewable.add(q);
                    flexible.add(q);
                    flexibleSign.add(1.0);
                    flexibleExportable.add(r.exportAllowed());
                } else {
                    renewable.add(null);
                    fixedKw += r.availableKw();
                    fixedExportableKw += r.exportAllowed() ? r.availableKw() : 0;
                }
            }
            List<MPVariable[]> storage = new ArrayList<>();
            for (StorageOffer s : request.stores()) {
                double anchor = s.anchorKw();
                fixedKw += anchor;
                fixedExportableKw += s.exportAllowed() ? anchor : 0;
                MPVariable up = solver.makeNumVar(0, s.maxKw() - anchor, "up[" + s.id() + "]");
                MPVariable down = solver.makeNumVar(0, anchor - s.minKw(), "down[" + s.id() + "]");
                objective.setCoefficient(up, deviationCost);
                objective.setCoefficient(down, deviationCost);
                storage.add(new MPVariable[] {up, down});
                flexible.add(up);
                flexibleSign.add(1.0);
                flexibleExportable.add(s.exportAllowed());
                flexible.add(down);
                flexibleSign.add(-1.0);
                flexibleExportable.add(s.exportAllowed());
            }
            MPVariable imp = solver.makeNumVar(0, grid.maxImportKw(), "import");
            MPVariable exp = solver.makeNumVar(0, grid.maxExportKw(), "export");
            MPVariable shortKw = solver.makeNumVar(0, Double.POSITIVE_INFINITY, "short");
            MPVariable unserved = solver.makeNumVar(0, Double.POSITIVE_INFINITY, "unserved");
            MPVariable spill = solver.makeNumVar(0, Double.POSITIVE_INFINITY, "spill");
            objective.setCoefficient(imp, grid.importTariffPerKwh());
            objective.setCoefficient(exp, -salePrice);
            objective.setCoefficient(shortKw, penalty);
            objective.setCoefficient(unserved, 2 * penalty);
            objective.setCoefficient(spill, penalty);
            objective.setMinimization();

            // constraints
            double required = request.requiredKw();
            // balance: Σp + Σq + Σs + ΣH + imp − exp + unserved − spill = D + L
            MPConstraint balance = solver.makeConstraint(required - fixedKw, required - fixedKw, "balance");
            // cover: Σp + Σq + Σs + ΣH + short ≥ D + L
            MPConstraint cover = solver.makeConstraint(required - fixedKw, Double.POSITIVE_INFINITY, "cover");
            for (int i = 0; i < flexible.size(); i++) {
                balance.setCoefficient(flexible.get(i), flexibleSign.get(i));
                cover.setCoefficient(flexible.get(i), flexibleSign.get(i));
            }
            balance.setCoefficient(imp, 1);
            balance.setCoefficient(exp, -1);
            balance.setCoefficient(unserved, 1);
            balance.setCoefficient(spill, -1);
            cover.setCoefficient(shortKw, 1);
            if (someMayNotExport) {
                // exportable: exp − Σ_{may export}(p + q + s) ≤ 0
                MPConstraint exportable = solver.makeConstraint(Double.NEGATIVE_INFINITY, fixedExportableKw, "exportable");
                exportable.setCoefficient(exp, 1);
                for (int i = 0; i < flexible.size(); i++) {
                    if (flexibleExportable.get(i)) {
                        exportable.setCoefficient(flexible.get(i), -flexibleSign.get(i));
                    }
                }
            }

            // solve, check status
            MPSolver.ResultStatus status = solver.solve();
            if (status == MPSolver.ResultStatus.ABNORMAL) {
                // GLOP's presolve now and then gives up on a degenerate LP (seen once in a simulated day): solve it
                // again from scratch with the dual simplex and no presolve
                solver.reset();
                solver.setSolverSpecificParametersAsString("use_preprocessing: false use_dual_simplex: true");
                status = solver.solve();
            }
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                throw new IllegalStateException("the dispatch LP did not solve: " + status + " (it always has a solution; a bug)");
            }

            // read values
            Map<AssetId, Double> generatorKw = new LinkedHashMap<>();
            for (int i = 0; i < on.size(); i++) {
                GeneratorOffer g = on.get(i);
                double p = g.minKw();
                for (MPVariable d : segments.get(i)) {
                    p += d.solutionValue();
                }
                generatorKw.put(g.id(), within(p, g.minKw(), g.maxKw()));
            }
            Map<AssetId, Double> renewableKw = new LinkedHashMap<>();
            for (int i = 0; i < request.renewables().size(); i++) {
                RenewableOffer r = request.renewables().get(i);
                MPVariable q = renewable.get(i);
                renewableKw.put(r.id(), q == null ? r.availableKw() : within(q.solutionValue(), 0, r.availableKw()));
            }
            Map<AssetId, Double> storageKw = new LinkedHashMap<>();
            for (int i = 0; i < request.stores().size(); i++) {
                StorageOffer s = request.stores().get(i);
                MPVariable[] upDown = storage.get(i);
                double kw = s.anchorKw() + upDown[0].solutionValue() - upDown[1].solutionValue();
                storageKw.put(s.id(), within(kw, s.minKw(), s.maxKw()));
            }
            return new Solution(generatorKw, renewableKw, storageKw, nonNegative(imp.solutionValue()), nonNegative(exp.solutionValue()),
                    nonNegative(shortKw.solutionValue()), nonNegative(unserved.solutionValue()), nonNegative(spill.solutionValue()));
        } finally {
            solver.delete();
        }
    }

    /** {@code kw} held within {@code [min, max]}, snapped onto a bound within {@link #SNAP_KW}. */
    private static double within(double kw, double min, double max) {
        double v = Math.max(min, Math.min(max, kw));
        if (v - min <= SNAP_KW) {
            return min + 0.0; // + 0.0: no -0.0
        }
        return max - v <= SNAP_KW ? max : v;
    }

    private static double nonNegative(double kw) {
        return kw <= SNAP_KW ? 0 : kw;
    }

    /** OR-Tools' native libraries, loaded once per JVM. */
    private static final class Natives {
        private static volatile boolean loaded;

        static void load() {
            if (!loaded) {
                synchronized (Natives.class) {
                    if (!loaded) {
                        Loader.loadNativeLibraries();
                        loaded = true;
                    }
                }
            }
        }
    }
}
