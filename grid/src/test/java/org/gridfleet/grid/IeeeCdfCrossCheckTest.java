package org.gridfleet.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.powsybl.ieeecdf.converter.IeeeCdfNetworkFactory;
import com.powsybl.iidm.network.Bus;
import com.powsybl.iidm.network.Network;
import com.powsybl.loadflow.LoadFlow;
import com.powsybl.loadflow.LoadFlowParameters;
import com.powsybl.loadflow.LoadFlowResult;
import org.gridfleet.grid.PowerFlowOutcome.Converged;
import org.junit.jupiter.api.Test;

/**
 * An independent path to the same answer: the IEEE 14-bus system as PowSyBl's own IEEE CDF importer builds it (the
 * original IEEE Common Data Format data), solved by Open LoadFlow with its defaults, against our MATPOWER reader and
 * translation of {@code case14.m}. Both describe the same system, so the solved voltages must agree; a mistake in
 * our per-unit conversion, shunts, taps or slack would show here.
 */
class IeeeCdfCrossCheckTest {

    @Test
    void ourCase14AgreesWithPowsyblsIeeeCdfImport() throws Exception {
        Network cdf = IeeeCdfNetworkFactory.create14();
        LoadFlowResult result = LoadFlow.find("OpenLoadFlow").run(cdf, new LoadFlowParameters());
        assertThat(result.isFullyConverged()).isTrue();
        var ours = ((Converged) new AcPowerFlow().run(MatpowerReader.read(MatpowerReaderTest.resource("case14.m")))).solution();

        int compared = 0;
        double maxDifference = 0;
        for (Bus bus : cdf.getBusView().getBuses()) {
            int number = Integer.parseInt(bus.getVoltageLevel().getId().replaceAll("\\D", ""));
            double voltagePu = bus.getV() / bus.getVoltageLevel().getNominalV();
            assertThat(ours.bus(number).voltagePu()).as("|V| of bus %d", number).isCloseTo(voltagePu, within(1e-6));
            assertThat(ours.bus(number).angleDeg()).as("angle of bus %d", number).isCloseTo(bus.getAngle(), within(1e-4));
            maxDifference = Math.max(maxDifference, Math.abs(ours.bus(number).voltagePu() - voltagePu));
            compared++;
        }
        assertThat(compared).isEqualTo(14);
        System.out.printf("case14 against the IEEE CDF import: largest voltage difference %.2e pu%n", maxDifference);
    }
}
