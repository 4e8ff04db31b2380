package org.gridfleet.grid;

import com.powsybl.iidm.network.Branch;
import com.powsybl.iidm.network.Bus;
import com.powsybl.iidm.network.Network;
import com.powsybl.loadflow.LoadFlow;
import com.powsybl.loadflow.LoadFlowParameters;
import com.powsybl.loadflow.LoadFlowResult;
import com.powsybl.openloadflow.OpenLoadFlowParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * AC power flow of a {@link MatpowerCase} with PowSyBl Open LoadFlow (Newton-Raphson), set up to reproduce
 * MATPOWER's {@code runpf} defaults: the slack is the case's reference bus alone (no distributed slack), generator
 * reactive limits are not enforced, transformer and shunt voltage control are off, and
 * Newton-Raphson stops at {@link #CONVERGENCE_EPS_PU}.
 */
public final class AcPowerFlow {
    private static final String PROVIDER = "OpenLoadFlow";
    /** Newton-Raphson stopping criterion per equation, pu on 100 MVA (1e-8 pu = 1 W). */
    static final double CONVERGENCE_EPS_PU = 1e-8;

    /** Runs the power flow of {@code mpc}; a non-converged flow is a {@link PowerFlowOutcome.NotConverged}. */
    public PowerFlowOutcome run(MatpowerCase mpc) {
        Network network = MatpowerNetworks.toNetwork(mpc);
        LoadFlowParameters parameters = new LoadFlowParameters()
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
        return new PowerFlowOutcome.Converged(solution(mpc, network), iterations);
    }

    private static PowerFlowOutcome.PowerFlowSolution solution(MatpowerCase mpc, Network network) {
        List<PowerFlowOutcome.BusResult> buses = new ArrayList<>();
        for (MatpowerCase.Bus b : mpc.buses()) {
            Bus calculated = MatpowerNetworks.bus(network, b.number());
            if (calculated == null) continue; // isolated
            buses.add(new PowerFlowOutcome.BusResult(b.number(),
                    calculated.getV() / calculated.getVoltageLevel().getNominalV(), calculated.getAngle()));
        }
        List<PowerFlowOutcome.BranchResult> branches = new ArrayList<>();
        double lossesMw = 0;
        int k = 0;
        for (MatpowerCase.Branch br : mpc.branches()) {
            k++;
            if (!br.inService()) continue;
            Branch<?> branch = network.getBranch("BR" + k);
            var result = new PowerFlowOutcome.BranchResult(k, br.fromBus(), br.toBus(),
                    branch.getTerminal1().getP(), branch.getTerminal1().getQ(),
                    branch.getTerminal2().getP(), branch.getTerminal2().getQ());
            branches.add(result);
            lossesMw += result.lossesMw();
        }
        return new PowerFlowOutcome.PowerFlowSolution(buses, branches, lossesMw);
    }
}
