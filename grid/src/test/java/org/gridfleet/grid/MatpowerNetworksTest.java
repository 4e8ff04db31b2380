package org.gridfleet.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.powsybl.iidm.network.Network;
import com.powsybl.iidm.network.TwoWindingsTransformer;
import org.junit.jupiter.api.Test;

class MatpowerNetworksTest {

    @Test
    void case14HasTapTransformersAndTheDefaultBaseVoltage() throws Exception {
        Network n = MatpowerNetworks.toNetwork(MatpowerReader.read(MatpowerReaderTest.resource("case14.m")));
        assertThat(n.getVoltageLevel("VL1").getNominalV()).isEqualTo(MatpowerNetworks.DEFAULT_BASE_KV);
        // branch 8: 4-7, ratio 0.978 at bus 4
        TwoWindingsTransformer t = n.getTwoWindingsTransformer("BR8");
        assertThat(t.getRatedU1()).isCloseTo(0.978 * 100, within(1e-9));
        assertThat(t.getRatedU2()).isEqualTo(100);
        assertThat(t.getX()).isCloseTo(0.20912 * 100 * 100 / 100, within(1e-9));
        assertThat(n.getLineCount()).isEqualTo(17);
        assertThat(n.getTwoWindingsTransformerCount()).isEqualTo(3);
        // bus 9's 19 MVAr capacitor at 1 pu: b = 19 / 100² S
        assertThat(n.getShuntCompensator("SH9").getB()).isCloseTo(19 / 1e4, within(1e-12));
    }

    @Test
    void case33bwLinesAreInOhmsAndTiesAreLeftOut() throws Exception {
        Network n = MatpowerNetworks.toNetwork(MatpowerReader.read(MatpowerReaderTest.resource("case33bw.m")));
        assertThat(n.getLineCount()).isEqualTo(32);
        assertThat(n.getLine("BR1").getR()).isCloseTo(0.0922, within(1e-9));
        assertThat(n.getLine("BR33")).isNull();
    }

    @Test
    void phaseShiftersAreRejected() throws Exception {
        MatpowerCase mpc = MatpowerReader.read(MatpowerReaderTest.resource("case14.m"));
        var branches = new java.util.ArrayList<>(mpc.branches());
        var b = branches.get(7);
        branches.set(7, new MatpowerCase.Branch(b.fromBus(), b.toBus(), b.rPu(), b.xPu(), b.bPu(), b.rateAMva(),
                b.ratio(), 5.0, true, b.line()));
        var shifted = new MatpowerCase(mpc.name(), mpc.baseMva(), mpc.buses(), mpc.gens(), branches);
        assertThatThrownBy(() -> MatpowerNetworks.toNetwork(shifted))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("branch row 8: phase shifters");
    }
}
