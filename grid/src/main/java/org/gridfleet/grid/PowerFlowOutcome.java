package org.gridfleet.grid;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;

/** What an AC power flow returns: a solution, or the solver's status when it did not converge. */
public sealed interface PowerFlowOutcome {

    /** The load flow converged in {@code iterations} Newton-Raphson iterations. */
    record Converged(PowerFlowSolution solution, int iterations) implements PowerFlowOutcome {
        public Converged { requireNonNull(solution, "solution"); }
    }

    /**
     * The load flow did not converge (or a part of the network could not be computed); {@code status} is the
     * solver's status per connected component, for example {@code MAX_ITERATION_REACHED}.
     */
    record NotConverged(String status, String reason) implements PowerFlowOutcome {
        public NotConverged {
            requireNonNull(status, "status");
            requireNonNull(reason, "reason");
        }
    }

    /** Per-bus voltages, per-branch flows and total losses of a converged power flow. */
    record PowerFlowSolution(List<BusResult> buses, List<BranchResult> branches, double lossesKw) {
        public PowerFlowSolution {
            buses = List.copyOf(buses);
            branches = List.copyOf(branches);
        }

        /** The result of bus {@code id}. */
        public BusResult bus(String id) {
            return buses.stream().filter(b -> b.id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no bus " + id));
        }

        /** The result of MATPOWER case bus {@code number}. */
        public BusResult bus(int number) {
            return bus(Integer.toString(number));
        }

        /** The bus with the lowest voltage magnitude. */
        public BusResult minVoltageBus() {
            return buses.stream().min(Comparator.comparingDouble(BusResult::voltagePu)).orElseThrow();
        }

        /** The bus with the highest voltage magnitude. */
        public BusResult maxVoltageBus() {
            return buses.stream().max(Comparator.comparingDouble(BusResult::voltagePu)).orElseThrow();
        }

        /** The rated branch loaded most, as a share of its rating; empty when no branch is rated. */
        public java.util.Optional<BranchResult> mostLoadedBranch() {
            return branches.stream().filter(b -> Double.isFinite(b.loading())).max(Comparator.comparingDouble(BranchResult::loading));
        }
    }

    /** Voltage magnitude (pu of the bus's nominal kV) and angle (degrees, slack at 0) of bus {@code id}. */
    record BusResult(String id, double nominalKv, double voltagePu, double angleDeg) {}

    /**
     * Flows of one branch. Signs as in MATPOWER's PF/QF/PT/QT: positive is power flowing from the bus into the branch
     * at that end; kW and kvar. {@code loading} is the larger of the two end currents as a share of the rating
     * (1 = 100 %), {@code NaN} for an unrated branch.
     */
    record BranchResult(String id, String fromBus, String toBus, double pFromKw, double qFromKvar, double pToKw,
                        double qToKvar, double currentFromA, double currentToA, double loading) {
        /** Active losses in the branch, kW. */
        public double lossesKw() { return pFromKw + pToKw; }
    }
}
