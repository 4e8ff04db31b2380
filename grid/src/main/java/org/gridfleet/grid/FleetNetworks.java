package org.gridfleet.grid;

import com.powsybl.iidm.network.EnergySource;
import com.powsybl.iidm.network.Generator;
import com.powsybl.iidm.network.Network;
import com.powsybl.iidm.network.Substation;
import com.powsybl.iidm.network.TopologyKind;
import com.powsybl.iidm.network.VoltageLevel;
import com.powsybl.iidm.network.extensions.SlackTerminalAdder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridfleet.model.BusId;
import org.gridfleet.model.fleet.Bus;
import org.gridfleet.model.fleet.Line;
import org.gridfleet.model.fleet.Transformer;

/**
 * Translates a fleet's {@link org.gridfleet.model.fleet.Network} into a PowSyBl IIDM network. Every bus gets one
 * net load {@link #netLoadId} whose P0/Q0 the caller sets to what the bus draws (end-users less devices), and the
 * slack bus gets a generator {@link #GRID_SOURCE_ID} holding the slack voltage set point: the utility grid behind
 * the point of common coupling. IIDM ids carry a prefix ({@code B_}, {@code LN_}, {@code TR_}) so that a line and
 * a bus may share a name in the fleet file.
 */
public final class FleetNetworks {
    /** The generator at the slack bus that stands for the utility grid. */
    public static final String GRID_SOURCE_ID = "GRID";

    private FleetNetworks() {}

    /** The id of the net load at {@code bus}. */
    public static String netLoadId(String bus) {
        return "LD_" + bus;
    }

    /**
     * Builds the IIDM network of {@code net}.
     *
     * @throws IllegalArgumentException when the network is empty, has no slack bus, or a line joins buses of
     *                                  different nominal voltage (that takes a transformer)
     */
    public static GridModel toGrid(org.gridfleet.model.fleet.Network net) {
        if (net.isEmpty()) {
            throw new IllegalArgumentException("the fleet has no network: add network.buses, lines and slackBus to the fleet file");
        }
        BusId slackBus = net.slackBus().orElseThrow(() -> new IllegalArgumentException("the network has no slackBus"));
        Map<BusId, Bus> buses = new HashMap<>();
        net.buses().forEach(b -> buses.put(b.id(), b));
        for (Line line : net.lines()) {
            double kv1 = require(buses, line.from(), "line " + line.id()).nominalKv();
            double kv2 = require(buses, line.to(), "line " + line.id()).nominalKv();
            if (kv1 != kv2) {
                throw new IllegalArgumentException("line " + line.id() + " joins " + line.from() + " (" + kv1 + " kV) and " + line.to()
                        + " (" + kv2 + " kV): buses of different voltage are joined by a transformer");
            }
        }
        // IIDM keeps both windings of a transformer in one substation: buses joined by transformers share one
        Map<BusId, BusId> substationOf = new HashMap<>();
        net.buses().forEach(b -> substationOf.put(b.id(), b.id()));
        for (Transformer t : net.transformers()) {
            require(buses, t.from(), "transformer " + t.id());
            require(buses, t.to(), "transformer " + t.id());
            BusId a = root(substationOf, t.from());
            BusId c = root(substationOf, t.to());
            if (!a.equals(c)) substationOf.put(c, a);
        }

        Network network = Network.create("fleet", "gridfleet");
        Map<BusId, VoltageLevel> levels = new HashMap<>();
        Map<BusId, Substation> substations = new HashMap<>();
        List<GridModel.BusRef> busRefs = new ArrayList<>();
        for (Bus b : net.buses()) {
            Substation s = substations.computeIfAbsent(root(substationOf, b.id()), r -> network.newSubstation().setId("S_" + r.value()).add());
            String busId = iidmBus(b.id());
            VoltageLevel vl = s.newVoltageLevel().setId("VL_" + b.id().value()).setNominalV(b.nominalKv())
                    .setTopologyKind(TopologyKind.BUS_BREAKER).add();
            vl.getBusBreakerView().newBus().setId(busId).add();
            vl.newLoad().setId(netLoadId(b.id().value())).setBus(busId).setConnectableBus(busId).setP0(0).setQ0(0).add();
            levels.put(b.id(), vl);
            busRefs.add(new GridModel.BusRef(b.id().value(), b.nominalKv(), vl.getId(), busId));
        }
        VoltageLevel slackLevel = require(levels, slackBus, "slackBus");
        Generator grid = slackLevel.newGenerator().setId(GRID_SOURCE_ID).setBus(iidmBus(slackBus)).setConnectableBus(iidmBus(slackBus))
                .setEnergySource(EnergySource.OTHER).setMinP(-1e6).setMaxP(1e6).setTargetP(0).setTargetQ(0)
                .setTargetV(net.slackVoltagePu() * slackLevel.getNominalV()).setVoltageRegulatorOn(true).add();
        slackLevel.newExtension(SlackTerminalAdder.class).withTerminal(grid.getTerminal()).add();

        List<GridModel.BranchRef> branchRefs = new ArrayList<>();
        for (Line line : net.lines()) {
            VoltageLevel vl1 = levels.get(line.from());
            VoltageLevel vl2 = levels.get(line.to());
            String id = "LN_" + line.id();
            double halfB = line.shuntSusceptanceS() / 2;
            network.newLine().setId(id)
                    .setVoltageLevel1(vl1.getId()).setBus1(iidmBus(line.from())).setConnectableBus1(iidmBus(line.from()))
                    .setVoltageLevel2(vl2.getId()).setBus2(iidmBus(line.to())).setConnectableBus2(iidmBus(line.to()))
                    .setR(line.resistanceOhm()).setX(line.reactanceOhm()).setG1(0).setB1(halfB).setG2(0).setB2(halfB).add();
            branchRefs.add(new GridModel.BranchRef(line.id(), line.from().value(), line.to().value(), GridModel.Kind.LINE, id,
                    line.ratingA(), line.ratingA()));
        }
        for (Transformer t : net.transformers()) {
            VoltageLevel vl1 = levels.get(t.from());
            VoltageLevel vl2 = levels.get(t.to());
            double kv1 = vl1.getNominalV();
            double kv2 = vl2.getNominalV();
            String id = "TR_" + t.id();
            // IIDM: ρ = ratedU2 / ratedU1 with the impedance on side 2; the off-nominal tap t on the HV side is ratedU1 = t·kV1
            vl1.getSubstation().orElseThrow().newTwoWindingsTransformer().setId(id)
                    .setVoltageLevel1(vl1.getId()).setBus1(iidmBus(t.from())).setConnectableBus1(iidmBus(t.from()))
                    .setVoltageLevel2(vl2.getId()).setBus2(iidmBus(t.to())).setConnectableBus2(iidmBus(t.to()))
                    .setRatedU1(t.tapRatio() * kv1).setRatedU2(kv2).setRatedS(t.ratedKva() / 1000)
                    .setR(t.resistanceOhmAt(kv2)).setX(t.reactanceOhmAt(kv2)).setG(0).setB(0).add();
            branchRefs.add(new GridModel.BranchRef(t.id(), t.from().value(), t.to().value(), GridModel.Kind.TRANSFORMER, id,
                    GridModel.ratedCurrentA(t.ratedKva(), kv1), GridModel.ratedCurrentA(t.ratedKva(), kv2)));
        }
        return new GridModel(network, busRefs, branchRefs, slackBus.value());
    }

    private static String iidmBus(BusId id) {
        return "B_" + id.value();
    }

    private static <V> V require(Map<BusId, V> map, BusId id, String what) {
        V v = map.get(id);
        if (v == null) throw new IllegalArgumentException(what + " names bus " + id + ", which the network does not have");
        return v;
    }

    private static BusId root(Map<BusId, BusId> parent, BusId n) {
        BusId r = n;
        while (!parent.get(r).equals(r)) r = parent.get(r);
        return r;
    }
}
