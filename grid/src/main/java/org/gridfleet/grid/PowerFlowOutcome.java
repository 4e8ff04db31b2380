package org.gridfleet.grid;

import static java.util.Objects.requireNonNull;

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
    record PowerFlowSolution(List<BusResult> buses, List<BranchResult> branches, double lossesMw) {
        public PowerFlowSolution {
            buses = List.copyOf(buses);
            branches = List.copyOf(branches);
        }

        /** The result of bus {@code number}. */
        public BusResult bus(int number) {
            return buses.stream().filter(b -> b.number() == number).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no bus " + number));
        }

        /** The bus with the lowest voltage magnitude. */
        public BusResult minVoltageBus() {
            return buses.stream().min((a, b) -> Double.compare(a.voltagePu(), b.voltagePu())).orElseThrow();
        }
    }

    /** Voltage magnitude (pu of the bus's base kV) and angle (degrees, slack at 0) of case bus {@code number}. */
    record BusResult(int number, double voltagePu, double angleDeg) {}

    /**
     * Flows of the in-service branch in row {@code index} (1-based, as in {@code mpc.branch}). Signs as in
     * MATPOWER's PF/QF/PT/QT: positive is power flowing from the bus into the branch at that end; MW and MVAr.
     */
    record BranchResult(int index, int fromBus, int toBus, double pFromMw, double qFromMvar, double pToMw,
                        double qToMvar) {
        /** Active losses in the branch, MW. */
        public double lossesMw() { return pFromMw + pToMw; }
    }
}
