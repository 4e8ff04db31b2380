package org.gridfleet.grid;

import com.powsybl.iidm.network.Bus;
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

/**
 * Translates a {@link MatpowerCase} into a PowSyBl IIDM network. Per bus {@code n}: substation {@code S<n>} (shared with
 * the buses it is joined to by transformers, named after the lowest),
 * voltage level {@code VL<n>} at the bus's base kV (or {@link #DEFAULT_BASE_KV} when the case gives 0), bus
 * {@code B<n>}, load {@code L<n>} (Pd, Qd), shunt {@code SH<n>} (Gs, Bs at 1 pu). Generator row {@code k}
 * (1-based) is {@code G<k>}: voltage regulation at Vg on PV and reference buses, fixed Qg on PQ buses; the first
 * reference bus's generator carries the slack ({@code SlackTerminal}). Branch row {@code k} is {@code BR<k>}: a line
 * when the ratio is 0 or 1 and both ends have the same base kV, otherwise a two-winding transformer with the tap at
 * the from bus. Per-unit values on baseMVA are converted to ohms and siemens at the to-bus base kV.
 *
 * <p>Not supported (rejected with {@link IllegalArgumentException}): phase shifters (angle ≠ 0), line charging on
 * a transformer branch, isolated buses (type 4) that carry loads, generators or in-service branches, and a
 * reference bus without an in-service generator. Out-of-service generators and branches are left out; branch
 * angle limits, voltage limits and generator costs are not translated; rateA becomes the branch rating.
 */
public final class MatpowerNetworks {
    /** Base voltage used for buses whose baseKV is 0 (per-unit cases such as case14); pu results do not depend on it. */
    public static final double DEFAULT_BASE_KV = 100.0;

    private MatpowerNetworks() {}

    /** The nominal kV used for {@code bus}. */
    public static double nominalKv(MatpowerCase.Bus bus) {
        return bus.baseKv() > 0 ? bus.baseKv() : DEFAULT_BASE_KV;
    }

    /** Builds the IIDM network of {@code mpc}. */
    public static Network toNetwork(MatpowerCase mpc) {
        return toGrid(mpc).iidm();
    }

    /**
     * Builds the IIDM network of {@code mpc} with our ids: bus numbers as text, branch row numbers (1-based) as
     * text, ratings from rateA (MVA, 0 = unrated) as currents at each end's nominal kV.
     */
    public static GridModel toGrid(MatpowerCase mpc) {
        List<GridModel.BusRef> busRefs = new ArrayList<>();
        List<GridModel.BranchRef> branchRefs = new ArrayList<>();
        Network network = Network.create(mpc.name(), "matpower");
        Map<Integer, MatpowerCase.Bus> buses = new HashMap<>();
        Map<Integer, VoltageLevel> levels = new HashMap<>();
        for (MatpowerCase.Bus b : mpc.buses()) buses.put(b.number(), b);
        // IIDM keeps both windings of a transformer in one substation: buses joined by transformers share one
        Map<Integer, Integer> substationOf = new HashMap<>();
        for (MatpowerCase.Bus b : mpc.buses()) substationOf.put(b.number(), b.number());
        for (MatpowerCase.Branch br : mpc.branches()) {
            if (br.inService() && isTransformer(br, buses.get(br.fromBus()), buses.get(br.toBus()))) {
                int a = root(substationOf, br.fromBus());
                int c = root(substationOf, br.toBus());
                if (a != c) substationOf.put(Math.max(a, c), Math.min(a, c));
            }
        }
        Map<Integer, Substation> substations = new HashMap<>();
        for (MatpowerCase.Bus b : mpc.buses()) {
            if (b.type() == MatpowerCase.BusType.ISOLATED) {
                if (b.pdMw() != 0 || b.qdMvar() != 0 || b.gsMw() != 0 || b.bsMvar() != 0) {
                    throw new IllegalArgumentException("bus " + b.number() + " is isolated (type 4) but has load or shunt");
                }
                continue;
            }
            double kv = nominalKv(b);
            Substation s = substations.computeIfAbsent(root(substationOf, b.number()),
                    n -> network.newSubstation().setId("S" + n).add());
            VoltageLevel vl = s.newVoltageLevel().setId("VL" + b.number()).setNominalV(kv)
                    .setTopologyKind(TopologyKind.BUS_BREAKER).add();
            vl.getBusBreakerView().newBus().setId("B" + b.number()).add();
            levels.put(b.number(), vl);
            busRefs.add(new GridModel.BusRef(Integer.toString(b.number()), kv, vl.getId(), "B" + b.number()));
            if (b.pdMw() != 0 || b.qdMvar() != 0) {
                vl.newLoad().setId("L" + b.number()).setBus("B" + b.number()).setConnectableBus("B" + b.number())
                        .setP0(b.pdMw()).setQ0(b.qdMvar()).add();
            }
            if (b.gsMw() != 0 || b.bsMvar() != 0) {
                // Gs MW consumed and Bs MVAr injected at 1 pu: g = Gs / kV², b = Bs / kV² in siemens
                vl.newShuntCompensator().setId("SH" + b.number()).setBus("B" + b.number())
                        .setConnectableBus("B" + b.number()).setSectionCount(1)
                        .newLinearModel().setGPerSection(b.gsMw() / (kv * kv)).setBPerSection(b.bsMvar() / (kv * kv))
                        .setMaximumSectionCount(1).add()
                        .add();
            }
        }

        int slackBus = mpc.buses().stream().filter(b -> b.type() == MatpowerCase.BusType.REF)
                .mapToInt(MatpowerCase.Bus::number).findFirst().orElseThrow();
        Generator slack = null;
        int k = 0;
        for (MatpowerCase.Gen g : mpc.gens()) {
            k++;
            if (!g.inService()) continue;
            VoltageLevel vl = levels.get(g.bus());
            if (vl == null) throw new IllegalArgumentException("generator row " + k + " is at isolated bus " + g.bus());
            MatpowerCase.Bus bus = buses.get(g.bus());
            boolean regulating = bus.type() != MatpowerCase.BusType.PQ;
            Generator gen = vl.newGenerator().setId("G" + k).setBus("B" + g.bus()).setConnectableBus("B" + g.bus())
                    .setEnergySource(EnergySource.OTHER)
                    .setMinP(Math.min(g.pminMw(), g.pgMw())).setMaxP(Math.max(g.pmaxMw(), g.pgMw()))
                    .setTargetP(g.pgMw()).setTargetQ(g.qgMvar())
                    .setTargetV(g.vgPu() * vl.getNominalV()).setVoltageRegulatorOn(regulating)
                    .add();
            gen.newMinMaxReactiveLimits().setMinQ(g.qminMvar()).setMaxQ(g.qmaxMvar()).add();
            if (g.bus() == slackBus && slack == null) slack = gen;
        }
        if (slack == null) {
            throw new IllegalArgumentException("reference bus " + slackBus + " has no in-service generator");
        }
        levels.get(slackBus).newExtension(SlackTerminalAdder.class).withTerminal(slack.getTerminal()).add();

        double baseMva = mpc.baseMva();
        k = 0;
        for (MatpowerCase.Branch br : mpc.branches()) {
            k++;
            if (!br.inService()) continue;
            VoltageLevel vl1 = levels.get(br.fromBus());
            VoltageLevel vl2 = levels.get(br.toBus());
            if (vl1 == null || vl2 == null) {
                throw new IllegalArgumentException("branch row " + k + " (" + br.fromBus() + "-" + br.toBus()
                        + ") is in service but touches an isolated bus");
            }
            if (br.shiftDeg() != 0) {
                throw new IllegalArgumentException("branch row " + k + ": phase shifters (angle " + br.shiftDeg()
                        + "°) are not supported yet");
            }
            double kv1 = vl1.getNominalV();
            double kv2 = vl2.getNominalV();
            double zBaseOhm = kv2 * kv2 / baseMva;
            String id = "BR" + k;
            boolean transformer = isTransformer(br, buses.get(br.fromBus()), buses.get(br.toBus()));
            double rateKva = br.rateAMva() > 0 ? br.rateAMva() * 1000 : Double.NaN;
            branchRefs.add(new GridModel.BranchRef(Integer.toString(k), Integer.toString(br.fromBus()), Integer.toString(br.toBus()),
                    transformer ? GridModel.Kind.TRANSFORMER : GridModel.Kind.LINE, id,
                    GridModel.ratedCurrentA(rateKva, kv1), GridModel.ratedCurrentA(rateKva, kv2)));
            if (!transformer) {
                // π model: series r + jx, half the charging b at each end
                double halfBS = br.bPu() / 2 / zBaseOhm;
                network.newLine().setId(id)
                        .setVoltageLevel1(vl1.getId()).setBus1("B" + br.fromBus()).setConnectableBus1("B" + br.fromBus())
                        .setVoltageLevel2(vl2.getId()).setBus2("B" + br.toBus()).setConnectableBus2("B" + br.toBus())
                        .setR(br.rPu() * zBaseOhm).setX(br.xPu() * zBaseOhm)
                        .setG1(0).setB1(halfBS).setG2(0).setB2(halfBS).add();
            } else {
                if (br.bPu() != 0) {
                    throw new IllegalArgumentException("branch row " + k + " (" + br.fromBus() + "-" + br.toBus()
                            + "): line charging on a transformer is not supported yet");
                }
                // MATPOWER: ideal transformer τ:1 at the from bus, impedance on the to side. IIDM: ρ = ratedU2/ratedU1
                // with the impedance at side 2, so ratedU1 = τ·kV1 and ratedU2 = kV2 give ρ = 1/τ in per unit.
                double tau = br.ratio() == 0 ? 1.0 : br.ratio();
                vl1.getSubstation().orElseThrow().newTwoWindingsTransformer().setId(id)
                        .setVoltageLevel1(vl1.getId()).setBus1("B" + br.fromBus()).setConnectableBus1("B" + br.fromBus())
                        .setVoltageLevel2(vl2.getId()).setBus2("B" + br.toBus()).setConnectableBus2("B" + br.toBus())
                        .setRatedU1(tau * kv1).setRatedU2(kv2)
                        .setR(br.rPu() * zBaseOhm).setX(br.xPu() * zBaseOhm).setG(0).setB(0).add();
            }
        }
        return new GridModel(network, busRefs, branchRefs, Integer.toString(slackBus));
    }

    private static boolean isTransformer(MatpowerCase.Branch br, MatpowerCase.Bus from, MatpowerCase.Bus to) {
        return (br.ratio() != 0 && br.ratio() != 1) || nominalKv(from) != nominalKv(to);
    }

    private static int root(Map<Integer, Integer> parent, int n) {
        int r = n;
        while (parent.get(r) != r) r = parent.get(r);
        return r;
    }

    /** The calculated bus of case bus {@code number} in {@code network}, or {@code null} if it is not energised. */
    static Bus bus(Network network, int number) {
        VoltageLevel vl = network.getVoltageLevel("VL" + number);
        if (vl == null) return null;
        return vl.getBusView().getMergedBus("B" + number);
    }
}
