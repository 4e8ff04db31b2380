package org.gridfleet.plan.evaluate;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.plan.DeviceSchedule;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.plan.Shortfall;
import org.gridfleet.model.problem.PlanningProblem;

/**
 * Judges a plan by its true figures, with the exact cost curves, whatever generator made it; it does not check
 * that the plan is valid (that is {@link org.gridfleet.plan.check.PlanChecker}'s job). Optionally also the network
 * ({@link NetworkAssessor}) and reliability ({@link ReliabilityAssessor}), so that every candidate plan is judged by
 * one evaluator.
 */
public final class PlanEvaluator {
    /** Figures below this many kW count as zero when counting shortfall intervals. */
    private static final double TOLERANCE_KW = 1e-6;

    private final Optional<NetworkAssessor> network;
    private final Optional<ReliabilityAssessor> reliability;

    /** Judges cost, energy and service only. */
    public PlanEvaluator() {
        this(Optional.empty(), Optional.empty());
    }

    /** Also judges the network, with {@code network}, for problems that have one. */
    public PlanEvaluator(NetworkAssessor network) {
        this(Optional.of(network), Optional.empty());
    }

    /**
     * Also judges the network with {@code network} (for problems that have one) and reliability with
     * {@code reliability} (for every problem), each when given.
     */
    public PlanEvaluator(Optional<NetworkAssessor> network, Optional<ReliabilityAssessor> reliability) {
        this.network = requireNonNull(network, "network");
        this.reliability = requireNonNull(reliability, "reliability");
    }

    /** This evaluator, also judging reliability with {@code assessor} (e.g. {@code new MonteCarloReliability()}). */
    public PlanEvaluator withReliability(ReliabilityAssessor assessor) {
        return new PlanEvaluator(network, Optional.of(assessor));
    }

    /** This evaluator, also judging the network with {@code assessor} for problems that have one. */
    public PlanEvaluator withNetwork(NetworkAssessor assessor) {
        return new PlanEvaluator(Optional.of(assessor), reliability);
    }

    /** The network assessor, if this evaluator has one. */
    public Optional<NetworkAssessor> network() {
        return network;
    }

    /** The reliability assessor, if this evaluator has one. */
    public Optional<ReliabilityAssessor> reliability() {
        return reliability;
    }

    public PlanMetrics evaluate(DispatchPlan plan, PlanningProblem problem) {
        if (!plan.grid().equals(problem.grid())) {
            throw new IllegalArgumentException("plan grid " + plan.grid() + " differs from the problem's " + problem.grid());
        }
        double h = problem.grid().stepHours();
        int n = problem.grid().intervals();
        Map<DeviceType, Double> netKwh = new EnumMap<>(DeviceType.class);
        Map<DeviceType, Double> throughputKwh = new EnumMap<>(DeviceType.class);
        double operating = 0;
        double startUp = 0;
        double om = 0;
        double degradation = 0;
        double curtailedKwh = 0;
        double fuelKwh = 0;
        double co2Kg = 0;

        // one lookup table, not a scan of the schedules per asset: fleets have thousands of devices
        Map<AssetId, DeviceSchedule> schedules = new HashMap<>();
        plan.schedules().forEach(s -> schedules.putIfAbsent(s.asset(), s));
        for (Asset asset : problem.assets()) {
            DeviceSchedule schedule = schedules.get(asset.id());
            if (schedule == null) {
                throw new IllegalArgumentException("plan has no schedule for " + asset.id());
            }
            Profile powerKw = schedule.powerKw();
            double producedKwh = 0;
            double absorbedKwh = 0;
            for (int t = 0; t < n; t++) {
                producedKwh += Math.max(powerKw.get(t), 0) * h;
                absorbedKwh += Math.max(-powerKw.get(t), 0) * h;
            }
            netKwh.merge(asset.type(), producedKwh - absorbedKwh, Double::sum);
            om += asset.info().omCostPerKwh() * producedKwh;
            switch (asset) {
                case Generator g -> {
                    startUp += startUpCost(g, schedule.committed(), h);
                    for (int t = 0; t < n; t++) {
                        if (schedule.committed().get(t)) {
                            double p = powerKw.get(t);
                            operating += g.costCurve().costPerHour(p) * h;
                            OptionalDouble fuel = g.costCurve().fuelKwhPerHour(p);
                            fuelKwh += fuel.orElse(0) * h;
                        }
                    }
                    co2Kg += g.co2KgPerKwh() * producedKwh;
                }
                case Renewable r -> {
                    Profile boundKw = problem.maxOutputKw(r);
                    for (int t = 0; t < n; t++) {
                        curtailedKwh += Math.max(boundKw.get(t) - powerKw.get(t), 0) * h;
                    }
                }
                case Storage s -> {
                    throughputKwh.merge(s.type(), producedKwh + absorbedKwh, Double::sum);
                    degradation += s.degradationCostPerKwh() * (producedKwh + absorbedKwh);
                }
            }
        }

        Profile demandKw = problem.demandKw();
        Profile combinedKw = plan.combinedOutputKw();
        double importKwh = 0;
        double exportKwh = 0;
        double importCost = 0;
        double exportRevenue = 0;
        double demandKwh = 0;
        double unservedKwh = 0;
        double maxShortfallKw = 0;
        int demandShortIntervals = 0;
        double gridOnlyCost = 0;
        for (int t = 0; t < n; t++) {
            double imp = plan.importKw().get(t);
            double exp = plan.exportKw().get(t);
            double d = demandKw.get(t);
            importKwh += imp * h;
            exportKwh += exp * h;
            importCost += imp * problem.importTariffPerKwh().get(t) * h;
            exportRevenue += exp * problem.salePricePerKwh().get(t) * h;
            demandKwh += d * h;
            unservedKwh += Math.max(d - (combinedKw.get(t) + imp - exp), 0) * h;
            double shortKw = d - combinedKw.get(t);
            if (shortKw > TOLERANCE_KW) {
                demandShortIntervals++;
                maxShortfallKw = Math.max(maxShortfallKw, shortKw);
            }
            gridOnlyCost += d * problem.importTariffPerKwh().get(t) * h;
        }
        double servedKwh = demandKwh - unservedKwh;
        double total = operating + startUp + om + degradation + importCost - exportRevenue;
        double savings = gridOnlyCost - total;

        return new PlanMetrics(problem.currency(),
                new PlanMetrics.Cost(operating, startUp, om, degradation, importCost, exportRevenue, total,
                        servedKwh > 0 ? total / servedKwh : 0),
                new PlanMetrics.Energy(netKwh, throughputKwh, importKwh, exportKwh, curtailedKwh, fuelKwh, co2Kg),
                new PlanMetrics.Service(demandKwh, servedKwh, unservedKwh, maxShortfallKw, demandShortIntervals,
                        reserveShortIntervals(plan.status())),
                new PlanMetrics.Savings(gridOnlyCost, savings, gridOnlyCost != 0 ? 100 * savings / gridOnlyCost : 0),
                problem.network().isEmpty() ? Optional.empty() : network.map(assessor -> assessor.assess(plan, problem)),
                reliability.map(assessor -> assessor.assess(plan, problem)));
    }

    /**
     * Start-up costs of one generator: a start is an interval committed after one that was not (or after the
     * initial state off), hot or cold by the hours the unit had been off.
     */
    static double startUpCost(Generator g, List<Boolean> committed, double stepHours) {
        boolean wasOn = g.initialState().on();
        double hoursOff = wasOn ? 0 : g.initialState().hoursInState();
        double cost = 0;
        for (boolean on : committed) {
            if (on && !wasOn) {
                cost += g.startUp().costAfter(hoursOff);
            }
            hoursOff = on ? 0 : hoursOff + stepHours;
            wasOn = on;
        }
        return cost;
    }

    private static int reserveShortIntervals(PlanStatus status) {
        if (status instanceof PlanStatus.Infeasible infeasible) {
            return (int) infeasible.shortfalls().stream()
                    .filter(s -> s.kind() == Shortfall.Kind.RESERVE).mapToInt(Shortfall::interval).distinct().count();
        }
        return 0;
    }
}
