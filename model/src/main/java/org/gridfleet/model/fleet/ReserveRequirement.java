package org.gridfleet.model.fleet;

/**
 * Spinning reserve the plant must hold in every interval: online headroom of generators and storage beyond
 * what serves demand. The requirement is the largest of the three terms.
 *
 * @param fractionOfDemand   reserve as a share of the interval's demand, e.g. 0.1
 * @param coverLargestUnit   whether reserve must also cover the loss of the largest online unit
 * @param minimumKw          a floor in kW
 */
public record ReserveRequirement(double fractionOfDemand, boolean coverLargestUnit, double minimumKw) {
    public static final ReserveRequirement NONE = new ReserveRequirement(0, false, 0);

    public ReserveRequirement {
        if (!(fractionOfDemand >= 0 && fractionOfDemand <= 1)) {
            throw new IllegalArgumentException("reserve fractionOfDemand must be within [0, 1]: " + fractionOfDemand);
        }
        if (!(minimumKw >= 0) || !Double.isFinite(minimumKw)) {
            throw new IllegalArgumentException("reserve minimumKw must be finite and >= 0: " + minimumKw);
        }
    }

    /** Reserve needed for {@code demandKw} when the largest online unit delivers {@code largestOnlineKw}. */
    public double requiredKw(double demandKw, double largestOnlineKw) {
        double byDemand = fractionOfDemand * demandKw;
        double byUnit = coverLargestUnit ? largestOnlineKw : 0;
        return Math.max(minimumKw, Math.max(byDemand, byUnit));
    }
}
