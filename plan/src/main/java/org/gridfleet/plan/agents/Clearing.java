package org.gridfleet.plan.agents;

/**
 * The market's result for one interval: every award, the grid exchange that closes the balance, what falls short
 * and the uniform clearing price.
 *
 * @param shortKw      how far the devices' combined output falls below demand
 * @param unservedKw   what of that import could not cover
 * @param oversupplyKw output nothing could absorb (non-curtailable renewables beyond demand, storage and export)
 */
record Clearing(boolean[] generatorOn, double[] generatorKw, double[] renewableKw, double[] storageKw, double importKw, double exportKw,
                double shortKw, double unservedKw, double oversupplyKw, double reserveHeldKw, double reserveRequiredKw,
                double pricePerKwh) {}
