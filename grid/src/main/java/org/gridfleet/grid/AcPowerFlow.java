package org.gridfleet.grid;

import com.powsybl.iidm.network.Branch;
import com.powsybl.iidm.network.Bus;
import com.powsybl.iidm.network.Network;
import com.powsybl.iidm.network.Terminal;
import com.powsybl.loadflow.LoadFlow;
import com.powsybl.loadflow.LoadFlowParameters;
import com.powsybl.loadflow.LoadFlowResult;
import com.powsybl.openloadflow.OpenLoadFlowParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * AC power flow of a {@link GridModel} with PowSyBl Open LoadFlow (Newton-Raphson), set up to reproduce
 * MATPOWER's {@code runpf} defaults: the slack is the case's reference bus alone (no distributed slack), generator
 * reactive limits are not enforced, transformer and shunt voltage control are off, and
 * Newton-Raphson stops at {@link #CONVERGENCE_EPS_PU}. One instance may run many flows of the same network
 * (one per plan interval), each starting from flat voltages so that results do not depend on the order of runs.
 */
public final class AcPowerFlow {
    private static final String PROVIDER = "OpenLoadFlow";
    /** Newton-Raphson stopping criterion per equation, pu on 100 MVA (1e-8 pu = 1 W). */
    static final double CONVERGENCE_EPS_PU = 1e-8;

    private final LoadFlowParameters parameters;

    public AcPowerFlow() {
        parameters = new LoadFlowParameters()
                .setDc(false)
                .setDistributedSlack(false)
                .setUseReactiveLimits(false)
                .setReadSlackBus(true)
                .setWriteSlackBus(false)
                .setTransformerVoltageControlOn(false)
                .setShuntCompensatorVoltageControlOn(false)
                .setPhaseShifterRegulationOn(false);
        // OLF stops by default at 1e-4 pu per equation (10 kW on its 100 MVA base): too loose for a 4 MW feeder
        OpenLoadFlowParameters.create(parameters).setNewtonRaphsonConvEpsPerEq(CONVERGENCE_EPS_PU);
    }

    /** Runs the power flow of {@code mpc}; a non-converged flow is a {@link PowerFlowOutcome.NotConverged}. */
    public PowerFlowOutcome run(MatpowerCase mpc) {
        return run(MatpowerNetworks.toGrid(mpc));
    }

    /** Runs the power flow of {@code grid} as its loads and generators stand now. */
    public PowerFlowOutcome run(GridModel grid) {
        Network network = grid.iidm();
        LoadFlowResult result = LoadFlow.find(PROVIDER).run(network, parameters);
        List<LoadFlowResult.ComponentResult> components = result.getComponentResults();
        boolean converged = !components.isEmpty() && components.stream()
                .allMatch(c -> c.getStatus() == LoadFlowResult.ComponentResult.Status.CONVERGED);
        if (!converged) {
            String status = components.isEmpty() ? "NO_COMPONENT" : components.stream()
                    .map(c -> c.getStatus().name()).collect(Collectors.joining(","));
            String reason = components.stream()
                    .map(c -> "component " + c.getConnectedComponentNum() + ": " + c.getStatus()
                            + (c.getStatusText() == null ? "" : " (" + c.getStatusText() + ")")
                            + " after " + c.getIterationCount() + " iterations")
                    .collect(Collectors.joining("; "));
            return new PowerFlowOutcome.NotConverged(status, reason.isEmpty() ? "no component was computed" : reason);
        }
        int iterations = components.stream().mapToInt(LoadFlowResult.ComponentResult::getIterationCount).max().orElse(0);
        return new PowerFlowOutcome.Converged(solution(grid), iterations);
    }

    private static PowerFlowOutcome.PowerFlowSolution solution(GridModel grid) {
        Network network = grid.iidm();
        List<PowerFlowOutcome.BusResult> buses = new ArrayList<>();
        for (GridModel.BusRef ref : grid.buses()) {
            Bus calculated = network.getVoltageLevel(ref.voltageLevelId()).getBusView().getMergedBus(ref.iidmBusId());
            if (calculated == null || Double.isNaN(calculated.getV())) continue; // not energised
            buses.add(new PowerFlowOutcome.BusResult(ref.id(), ref.nominalKv(), calculated.getV() / ref.nominalKv(), calculated.getAngle()));
        }
        List<PowerFlowOutcome.BranchResult> branches = new ArrayList<>();
        double lossesKw = 0;
        for (GridModel.BranchRef ref : grid.branches()) {
            Branch<?> branch = network.getBranch(ref.iidmId());
            Terminal t1 = branch.getTerminal1();
            Terminal t2 = branch.getTerminal2();
            double i1 = GridModel.currentA(t1.getP(), t1.getQ(), t1.getBusView().getBus().getV());
            double i2 = GridModel.currentA(t2.getP(), t2.getQ(), t2.getBusView().getBus().getV());
            double loading = ref.isRated() ? Math.max(i1 / ref.ratingFromA(), i2 / ref.ratingToA()) : Double.NaN;
            var result = new PowerFlowOutcome.BranchResult(ref.id(), ref.fromBus(), ref.toBus(),
                    t1.getP() * 1000, t1.getQ() * 1000, t2.getP() * 1000, t2.getQ() * 1000, i1, i2, loading);
            branches.add(result);
            lossesKw += result.lossesKw();
        }
        return new PowerFlowOutcome.PowerFlowSolution(buses, branches, lossesKw);
    }
}
