package org.gridfleet.plan.agents;

import java.util.ArrayList;
import java.util.List;
import org.gridfleet.model.Profile;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.evaluate.PlanEvaluator;

/**
 * The protocol over one problem. Each round the market announces a price forecast; storage agents plan their
 * arbitrage against it; then, interval by interval in time order, every agent bids from its own state, the market
 * clears and sends each its award, and agents update their state. The round's clearing prices, damped, are the next
 * forecast. Rounds stop when no price moves by more than {@link #SETTLED_PER_KWH} or at the round limit; the plan
 * kept is the round with the fewest shortfalls, then the least cost, then the earliest.
 */
final class AgentRun {
    /** Prices within this of the last round's count as settled, per kWh. */
    static final double SETTLED_PER_KWH = 1e-6;

    private final PlanningProblem problem;
    private final AgentOptions options;
    private final List<GeneratorAgent> generators = new ArrayList<>();
    private final List<RenewableAgent> renewables = new ArrayList<>();
    private final List<StorageAgent> stores = new ArrayList<>();
    private final MarketAgent market;
    private final Profile demandKw;

    AgentRun(PlanningProblem problem, AgentOptions options) {
        this.problem = problem;
        this.options = options;
        for (Asset asset : problem.assets()) {
            switch (asset) {
                case Generator g -> generators.add(new GeneratorAgent(g, problem, options));
                case Renewable r -> renewables.add(new RenewableAgent(r, problem));
                case Storage s -> stores.add(new StorageAgent(s, problem, options));
            }
        }
        this.demandKw = problem.demandKw();
        this.market = new MarketAgent(generators, renewables, stores, GridAgent.of(problem), problem.reserve(), scarcityPrice());
    }

    /** Twice the dearest full-load cost of any unit or the dearest tariff: energy the devices cannot deliver. */
    private double scarcityPrice() {
        double dearest = problem.importTariffPerKwh().max();
        for (GeneratorAgent g : generators) {
            double startPerKwh = g.unit.startUp().coldStartCost() / (g.unit.ratedPowerKw() * problem.grid().stepHours());
            dearest = Math.max(dearest, CostBlocks.averageCost(g.unit, g.unit.ratedPowerKw(), 1) + startPerKwh);
        }
        return 2 * Math.max(dearest, 1e-3);
    }

    /** The cheapest full-load cost of any unit (or the mean tariff without units): the flat first forecast. */
    private double indicativePrice() {
        double cheapest = Double.POSITIVE_INFINITY;
        for (GeneratorAgent g : generators) {
            cheapest = Math.min(cheapest, CostBlocks.averageCost(g.unit, g.unit.ratedPowerKw(), 1));
        }
        return Double.isInfinite(cheapest) ? problem.importTariffPerKwh().sum() / problem.grid().intervals() : cheapest;
    }

    AgentOutcome run() {
        int n = problem.grid().intervals();
        PriceForecast forecast = PriceForecast.flat(n, indicativePrice());
        PlanEvaluator evaluator = new PlanEvaluator();
        List<AgentOutcome.Round> rounds = new ArrayList<>();
        DispatchPlan best = null;
        double[] bestPrices = null;
        List<Decline> bestDeclines = List.of();
        int bestRound = -1;
        int bestShortfalls = Integer.MAX_VALUE;
        double bestCost = Double.POSITIVE_INFINITY;
        double[] lastPrices = null;
        boolean converged = false;
        for (int round = 0; round < options.maxRounds(); round++) {
            Declines declines = new Declines(n);
            RoundPlan result = clearHorizon(forecast, declines);
            DispatchPlan plan = result.plan();
            double cost = evaluator.evaluate(plan, problem).cost().totalCost();
            double change = lastPrices == null ? Double.POSITIVE_INFINITY : largestChange(lastPrices, result.pricePerKwh);
            rounds.add(new AgentOutcome.Round(round, cost, result.shortfallCount(), change));
            if (result.shortfallCount() < bestShortfalls || result.shortfallCount() == bestShortfalls && cost < bestCost - 1e-9) {
                best = plan;
                bestPrices = result.pricePerKwh;
                bestDeclines = declines.list();
                bestRound = round;
                bestShortfalls = result.shortfallCount();
                bestCost = cost;
            }
            if (change <= SETTLED_PER_KWH) {
                converged = true;
                break;
            }
            lastPrices = result.pricePerKwh;
            forecast = forecast.next(result.pricePerKwh, options.damping());
        }
        return new AgentOutcome(best, Profile.of(bestPrices), bestDeclines, rounds, bestRound, converged);
    }

    /** One round: storage plans, then every interval is bid, cleared and awarded in time order. */
    private RoundPlan clearHorizon(PriceForecast forecast, Declines declines) {
        generators.forEach(GeneratorAgent::reset);
        for (StorageAgent s : stores) {
            s.reset();
            s.plan(forecast);
        }
        RoundPlan result = new RoundPlan(problem, generators, renewables, stores);
        GeneratorBid[] bids = new GeneratorBid[generators.size()];
        StorageBid[] storeBids = new StorageBid[stores.size()];
        double[] soc = new double[stores.size()];
        for (int t = 0; t < problem.grid().intervals(); t++) {
            for (int i = 0; i < bids.length; i++) {
                bids[i] = generators.get(i).bid(t, forecast);
                int k = i;
                int interval = t;
                bids[i].decline().ifPresent(reason -> declines.add(generators.get(k).unit.id(), interval, reason));
            }
            for (int s = 0; s < storeBids.length; s++) {
                storeBids[s] = stores.get(s).bid(t);
            }
            noteUnavailable(t, declines);
            Clearing clearing = market.clear(t, demandKw.get(t), bids, storeBids);
            for (int i = 0; i < bids.length; i++) {
                generators.get(i).award(clearing.generatorOn()[i], clearing.generatorKw()[i]);
            }
            for (int s = 0; s < storeBids.length; s++) {
                soc[s] = stores.get(s).award(clearing.storageKw()[s]);
            }
            result.record(t, demandKw.get(t), clearing, soc);
        }
        return result;
    }

    /** Renewables and stores decline only for maintenance or withdrawal. */
    private void noteUnavailable(int t, Declines declines) {
        List<Asset> others = new ArrayList<>();
        renewables.forEach(r -> others.add(r.unit));
        stores.forEach(s -> others.add(s.store));
        for (Asset asset : others) {
            Declines.unavailable(asset.info(), problem.availability().get(asset.id()).get(t), problem.grid(), t)
                    .ifPresent(reason -> declines.add(asset.id(), t, reason));
        }
    }

    private static double largestChange(double[] before, double[] after) {
        double largest = 0;
        for (int t = 0; t < before.length; t++) {
            largest = Math.max(largest, Math.abs(after[t] - before[t]));
        }
        return largest;
    }
}
