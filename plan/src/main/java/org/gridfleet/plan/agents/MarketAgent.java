package org.gridfleet.plan.agents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gridfleet.model.fleet.ReserveRequirement;

/**
 * Clears one interval from the agents' bids, uniform price, cheapest offers first, so that the devices' combined
 * output is at least demand and committed headroom meets spinning reserve:
 * <ol>
 *   <li>renewables' offers and storage's planned flows are taken as offered; generators must produce the rest, {@code N};</li>
 *   <li>commitment: units that must run, then offers by commitment price (ties by asset id) until their ceilings
 *       cover {@code N} and the reserve held (committed headroom and storage discharge headroom) meets the
 *       requirement; a unit whose floor could not be absorbed is passed over; then units cheaper than the sale price
 *       while export room is left;</li>
 *   <li>dispatch: committed units at their floors, then supply blocks by price (ties by asset id) up to {@code N},
 *       then blocks of units that may export while cheaper than the sale price; storage's further discharge at the
 *       scarcity price where generators cannot cover {@code N}, then import (a demand shortfall);</li>
 *   <li>a surplus charges storage, is exported, curtails curtailable renewables, and last overrides what units asked
 *       for (a ramp floor down to minimum stable power, then a unit that must run is stopped): the plant's balance
 *       outranks ramps and minimum times, as the checker ranks them.</li>
 * </ol>
 * The clearing price is the dearest accepted block's, or, where a start was needed for energy, that unit's
 * commitment price if higher; the sale price when the surplus is exported; 0 when it is curtailed; the scarcity
 * price where the devices fall short.
 */
final class MarketAgent {
    private static final double TOLERANCE_KW = 1e-6;
    private static final double NEGLIGIBLE = 1e-9;

    private final List<GeneratorAgent> generators;
    private final List<RenewableAgent> renewables;
    private final List<StorageAgent> stores;
    private final GridAgent grid;
    private final ReserveRequirement reserve;
    private final double scarcityPricePerKwh;
    /** Generator indexes in asset-id order, for tie-breaks. */
    private final int[] idRank;

    MarketAgent(List<GeneratorAgent> generators, List<RenewableAgent> renewables, List<StorageAgent> stores, GridAgent grid,
                ReserveRequirement reserve, double scarcityPricePerKwh) {
        this.generators = generators;
        this.renewables = renewables;
        this.stores = stores;
        this.grid = grid;
        this.reserve = reserve;
        this.scarcityPricePerKwh = scarcityPricePerKwh;
        this.idRank = new int[generators.size()];
        List<Integer> byId = new ArrayList<>();
        for (int i = 0; i < generators.size(); i++) {
            byId.add(i);
        }
        byId.sort(Comparator.comparing(i -> generators.get(i).unit.id()));
        for (int r = 0; r < byId.size(); r++) {
            idRank[byId.get(r)] = r;
        }
    }

    /** Committed set so far: sums of floors, ceilings and available output, the largest unit. */
    private static final class Commitment {
        final boolean[] on;
        double floorKw;
        double ceilingKw;
        double availableKw;
        double largestKw;

        Commitment(int size) {
            on = new boolean[size];
        }

        void add(int i, GeneratorBid bid) {
            on[i] = true;
            floorKw += bid.floorKw();
            ceilingKw += bid.ceilingKw();
            availableKw += bid.availableKw();
            largestKw = Math.max(largestKw, bid.availableKw());
        }
    }

    /**
     * Clears interval {@code t}. Where units that must run would leave output nothing can absorb, it clears again with
     * their must-run dropped: the plant's balance is a hard rule, minimum times and ramps advisory.
     */
    Clearing clear(int t, double demandKw, GeneratorBid[] bids, StorageBid[] storeBids) {
        Clearing clearing = clearOnce(t, demandKw, bids, storeBids);
        boolean insisted = false;
        for (GeneratorBid bid : bids) {
            insisted |= bid.offers() && bid.mustRun();
        }
        if (clearing.oversupplyKw() > 0 && insisted) {
            GeneratorBid[] optional = new GeneratorBid[bids.length];
            for (int i = 0; i < bids.length; i++) {
                optional[i] = bids[i].offers() ? bids[i].optional() : bids[i];
            }
            clearing = clearOnce(t, demandKw, optional, storeBids);
        }
        return clearing;
    }

    private Clearing clearOnce(int t, double demandKw, GeneratorBid[] bids, StorageBid[] storeBids) {
        int nG = generators.size();
        double[] renewableKw = new double[renewables.size()];
        double[] storageKw = new double[stores.size()];
        double need = demandKw;
        double curtailableKw = 0;
        for (int r = 0; r < renewableKw.length; r++) {
            renewableKw[r] = renewables.get(r).offerKw(t);
            need -= renewableKw[r];
            curtailableKw += renewables.get(r).unit.curtailable() ? renewableKw[r] : 0;
        }
        double storageHeadroomKw = 0;
        double chargeRoomKw = 0;
        for (int s = 0; s < storageKw.length; s++) {
            storageKw[s] = storeBids[s].plannedKw();
            need -= storageKw[s];
            storageHeadroomKw += Math.max(0, storeBids[s].dischargeLimitKw() - Math.max(storageKw[s], 0));
            chargeRoomKw += storeBids[s].chargeLimitKw() + storageKw[s];
        }
        double absorbableKw = chargeRoomKw + curtailableKw + grid.exportLimitKw();

        // commitment
        Commitment c = new Commitment(nG);
        List<Integer> offers = new ArrayList<>();
        for (int i = 0; i < nG; i++) {
            if (bids[i].offers() && bids[i].mustRun()) {
                c.add(i, bids[i]);
            } else if (bids[i].offers()) {
                offers.add(i);
            }
        }
        offers.sort(Comparator.<Integer>comparingDouble(i -> bids[i].commitPricePerKwh()).thenComparingInt(i -> idRank[i]));
        double energyCommitPrice = Double.NaN;
        for (int i : offers) {
            if (meets(c, need, storageHeadroomKw, demandKw)) {
                break;
            }
            if (c.floorKw + bids[i].floorKw() > need + absorbableKw + TOLERANCE_KW) {
                continue; // its minimum could not be absorbed
            }
            if (c.ceilingKw < need - TOLERANCE_KW) {
                energyCommitPrice = bids[i].commitPricePerKwh();
            }
            c.add(i, bids[i]);
        }
        double sale = grid.salePricePerKwh()[t];
        for (int i : offers) {
            boolean room = c.ceilingKw - Math.max(need, 0) < grid.exportLimitKw() - TOLERANCE_KW;
            if (!c.on[i] && room && generators.get(i).unit.info().exportAllowed() && bids[i].commitPricePerKwh() < sale
                    && c.floorKw + bids[i].floorKw() <= need + absorbableKw) {
                c.add(i, bids[i]);
            }
        }

        // dispatch: floors, then blocks cheapest first
        double[] generatorKw = new double[nG];
        double rest = need;
        for (int i = 0; i < nG; i++) {
            if (c.on[i]) {
                generatorKw[i] = bids[i].floorKw();
                rest -= generatorKw[i];
            }
        }
        List<Offer> blocks = blocks(c.on, bids);
        double marginal = Double.NaN;
        int next = 0;
        while (rest > NEGLIGIBLE && next < blocks.size()) {
            Offer b = blocks.get(next);
            double take = Math.min(b.remainingKw, rest);
            generatorKw[b.unit] += take;
            b.remainingKw -= take;
            rest -= take;
            marginal = b.pricePerKwh;
            if (b.remainingKw <= NEGLIGIBLE) {
                next++;
            }
        }
        // storage's further discharge where generators cannot cover the rest
        for (int s = 0; s < storageKw.length && rest > NEGLIGIBLE; s++) {
            double more = Math.min(storeBids[s].highestKw() - storageKw[s], rest);
            if (more > 0) {
                storageKw[s] += more;
                rest -= more;
            }
        }
        double exportedKw = 0;
        double curtailedKw = 0;
        if (rest < -NEGLIGIBLE) {
            Surplus surplus = new Surplus(t, c.on, bids, generatorKw, renewableKw, storageKw, storeBids);
            surplus.absorb(-rest);
            exportedKw = surplus.exportKw;
            curtailedKw = surplus.curtailedKw;
        }
        // units that may export sell blocks cheaper than the sale price while export room is left
        double exportRoom = grid.exportLimitKw() - exportedKw;
        for (int k = next; k < blocks.size() && exportRoom > NEGLIGIBLE; k++) {
            Offer b = blocks.get(k);
            if (b.pricePerKwh >= sale || !generators.get(b.unit).unit.info().exportAllowed() || !c.on[b.unit]) {
                continue;
            }
            double take = Math.min(b.remainingKw, exportRoom);
            generatorKw[b.unit] += take;
            b.remainingKw -= take;
            exportRoom -= take;
        }
        return close(t, demandKw, c, bids, generatorKw, renewableKw, storageKw, storeBids, marginal, energyCommitPrice, curtailedKw);
    }

    private boolean meets(Commitment c, double need, double storageHeadroomKw, double demandKw) {
        if (c.ceilingKw < need - TOLERANCE_KW) {
            return false;
        }
        double produced = Math.max(c.floorKw, Math.min(need, c.ceilingKw));
        double held = c.availableKw - produced + storageHeadroomKw;
        return held >= reserve.requiredKw(demandKw, c.largestKw) - TOLERANCE_KW;
    }

    /** One supply block of a committed unit, with what is left of it. */
    private static final class Offer {
        final int unit;
        final int index;
        final double pricePerKwh;
        double remainingKw;

        Offer(int unit, int index, CostBlocks.Block block) {
            this.unit = unit;
            this.index = index;
            this.pricePerKwh = block.pricePerKwh();
            this.remainingKw = block.quantityKw();
        }
    }

    private List<Offer> blocks(boolean[] on, GeneratorBid[] bids) {
        List<Offer> blocks = new ArrayList<>();
        for (int i = 0; i < on.length; i++) {
            if (on[i]) {
                List<CostBlocks.Block> own = bids[i].blocks();
                for (int k = 0; k < own.size(); k++) {
                    blocks.add(new Offer(i, k, own.get(k)));
                }
            }
        }
        blocks.sort(Comparator.<Offer>comparingDouble(b -> b.pricePerKwh).thenComparingInt(b -> idRank[b.unit]).thenComparingInt(b -> b.index));
        return blocks;
    }

    /** Absorbs a surplus: storage charges, export, curtailment, and last the units' own floors and must-runs. */
    private final class Surplus {
        final int t;
        final boolean[] on;
        final GeneratorBid[] bids;
        final double[] generatorKw;
        final double[] renewableKw;
        final double[] storageKw;
        final StorageBid[] storeBids;
        double exportKw;
        double curtailedKw;

        Surplus(int t, boolean[] on, GeneratorBid[] bids, double[] generatorKw, double[] renewableKw, double[] storageKw,
                StorageBid[] storeBids) {
            this.t = t;
            this.on = on;
            this.bids = bids;
            this.generatorKw = generatorKw;
            this.renewableKw = renewableKw;
            this.storageKw = storageKw;
            this.storeBids = storeBids;
        }

        void absorb(double surplusKw) {
            double left = surplusKw;
            for (int s = 0; s < storageKw.length && left > NEGLIGIBLE; s++) {
                double more = Math.min(storeBids[s].chargeLimitKw() + storageKw[s], left);
                if (more > 0) {
                    storageKw[s] -= more;
                    left -= more;
                }
            }
            exportKw = Math.min(Math.min(grid.exportLimitKw(), exportableKw()), Math.max(left, 0));
            left -= exportKw;
            // curtail what may not be exported first; an exporter only as far as export stays covered
            for (boolean exporters : new boolean[] {false, true}) {
                for (int r = 0; r < renewableKw.length && left > NEGLIGIBLE; r++) {
                    RenewableAgent agent = renewables.get(r);
                    if (agent.unit.curtailable() && agent.unit.info().exportAllowed() == exporters) {
                        double cut = Math.min(Math.min(renewableKw[r], left), exporters ? exportableKw() - exportKw : left);
                        if (cut > 0) {
                            renewableKw[r] -= cut;
                            curtailedKw += cut;
                            left -= cut;
                        }
                    }
                }
            }
            left = overrideUnits(left);
        }

        /** Ramp floors down to minimum stable power, then stops units that asked to run, dearest first. */
        private double overrideUnits(double surplusKw) {
            double left = surplusKw;
            List<Integer> dearestFirst = new ArrayList<>();
            for (int i = 0; i < on.length; i++) {
                if (on[i]) {
                    dearestFirst.add(i);
                }
            }
            dearestFirst.sort(Comparator.<Integer>comparingDouble(i -> -bids[i].commitPricePerKwh()).thenComparingInt(i -> idRank[i]));
            for (int i : dearestFirst) {
                double cut = Math.min(generatorKw[i] - generators.get(i).unit.minStablePowerKw(), Math.min(left, cutRoom(i)));
                if (cut > NEGLIGIBLE) {
                    generatorKw[i] -= cut;
                    left -= cut;
                }
            }
            // a stop may leave less than the surplus: export less, then give curtailed output back
            for (int i : dearestFirst) {
                if (left <= NEGLIGIBLE) {
                    break;
                }
                if (generatorKw[i] > left + exportKw + curtailedKw + NEGLIGIBLE) {
                    continue;
                }
                left -= generatorKw[i];
                generatorKw[i] = 0;
                on[i] = false;
                double lessExport = Math.min(exportKw, Math.max(-left, 0));
                exportKw -= lessExport;
                left += lessExport;
                if (left < 0) {
                    left += uncurtail(-left);
                }
            }
            return left;
        }

        /** Gives back up to {@code kw} of curtailed renewable output, in renewable order; returns what it gave. */
        private double uncurtail(double kw) {
            double given = 0;
            for (int r = 0; r < renewableKw.length && given < kw; r++) {
                double back = Math.min(renewables.get(r).offerKw(t) - renewableKw[r], kw - given);
                if (back > 0) {
                    renewableKw[r] += back;
                    given += back;
                }
            }
            curtailedKw -= given;
            return given;
        }

        /** How far unit {@code i} may come down without leaving export uncovered. */
        private double cutRoom(int i) {
            return generators.get(i).unit.info().exportAllowed() ? exportableKw() - exportKw : Double.POSITIVE_INFINITY;
        }

        private double exportableKw() {
            double kw = 0;
            for (int i = 0; i < generatorKw.length; i++) {
                kw += on[i] && generators.get(i).unit.info().exportAllowed() ? generatorKw[i] : 0;
            }
            for (int r = 0; r < renewableKw.length; r++) {
                kw += renewables.get(r).unit.info().exportAllowed() ? renewableKw[r] : 0;
            }
            for (int s = 0; s < storageKw.length; s++) {
                kw += stores.get(s).store.info().exportAllowed() ? Math.max(storageKw[s], 0) : 0;
            }
            return kw;
        }
    }

    /** Closes the balance with grid exchange, measures reserve and shortfalls, and sets the price. */
    private Clearing close(int t, double demandKw, Commitment c, GeneratorBid[] bids, double[] generatorKw, double[] renewableKw,
                           double[] storageKw, StorageBid[] storeBids, double marginal, double energyCommitPrice, double curtailedKw) {
        double combinedKw = 0;
        double exportableKw = 0;
        double heldKw = 0;
        double largestKw = 0;
        for (int i = 0; i < generatorKw.length; i++) {
            if (c.on[i]) {
                combinedKw += generatorKw[i];
                heldKw += Math.max(0, bids[i].availableKw() - generatorKw[i]);
                largestKw = Math.max(largestKw, bids[i].availableKw());
                exportableKw += generators.get(i).unit.info().exportAllowed() ? generatorKw[i] : 0;
            }
        }
        for (int r = 0; r < renewableKw.length; r++) {
            combinedKw += renewableKw[r];
            exportableKw += renewables.get(r).unit.info().exportAllowed() ? renewableKw[r] : 0;
        }
        for (int s = 0; s < storageKw.length; s++) {
            combinedKw += storageKw[s];
            heldKw += Math.max(0, storeBids[s].dischargeLimitKw() - Math.max(storageKw[s], 0));
            exportableKw += stores.get(s).store.info().exportAllowed() ? Math.max(storageKw[s], 0) : 0;
        }
        double shortKw = demandKw - combinedKw > TOLERANCE_KW ? demandKw - combinedKw : 0;
        double importKw = Math.min(grid.importLimitKw(), shortKw);
        double surplusKw = Math.max(0, combinedKw - demandKw);
        double exportKw = Math.min(Math.min(grid.exportLimitKw(), exportableKw), surplusKw);
        double oversupplyKw = surplusKw - exportKw > NEGLIGIBLE ? surplusKw - exportKw : 0;
        double price;
        if (shortKw > 0) {
            price = Math.max(scarcityPricePerKwh, grid.tariffPerKwh()[t]);
        } else if (!Double.isNaN(marginal)) {
            price = Double.isNaN(energyCommitPrice) ? marginal : Math.max(marginal, energyCommitPrice);
        } else if (!Double.isNaN(energyCommitPrice)) {
            price = energyCommitPrice;
        } else if (exportKw > NEGLIGIBLE) {
            price = grid.salePricePerKwh()[t];
        } else {
            price = curtailedKw > NEGLIGIBLE || surplusKw > NEGLIGIBLE ? 0 : cheapestUnused(c.on, bids);
        }
        return new Clearing(c.on, generatorKw, renewableKw, storageKw, importKw, exportKw, shortKw, shortKw - importKw, oversupplyKw,
                heldKw, reserve.requiredKw(demandKw, largestKw), price);
    }

    /** What one more kWh would cost from the units committed: their cheapest block; 0 when there is none. */
    private static double cheapestUnused(boolean[] on, GeneratorBid[] bids) {
        double cheapest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < on.length; i++) {
            if (on[i] && !bids[i].blocks().isEmpty()) {
                cheapest = Math.min(cheapest, bids[i].blocks().getFirst().pricePerKwh());
            }
        }
        return Double.isInfinite(cheapest) ? 0 : cheapest;
    }
}
