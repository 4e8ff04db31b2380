package org.gridfleet.plan.network;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridfleet.model.BusId;
import org.gridfleet.model.fleet.Bus;
import org.gridfleet.model.fleet.Line;
import org.gridfleet.model.fleet.Network;
import org.gridfleet.model.fleet.Transformer;

/**
 * A radial network seen from its slack bus, ready for LinDistFlow: the buses ordered from the slack outward (every
 * bus after its parent), and for every bus but the slack the one branch (line or transformer) that feeds it, with
 * its impedance in per unit and its rating as apparent power.
 *
 * <pre>
 *   S ──b0── A ──b1── B        buses    [S, A, B, C]   (slack first, each bus after its parent)
 *            └───b2── C        branches [b0, b1, b2]   (branch k feeds bus k + 1)
 * </pre>
 *
 * <p>Per unit: power on {@link #BASE_KVA}, voltage on each bus's nominal kV (line to line), so a line's impedance
 * base is {@code kV²·1000 / BASE_KVA} ohm and a transformer's percent impedance on its own rating becomes
 * {@code percent/100 · BASE_KVA / ratedKva}. A branch relates the squared voltages of its ends by
 * {@code v_child = voltageRatio·v_parent − 2·dropScale·(r·P + x·Q)}, P and Q in pu flowing from parent to child
 * (see {@link Branch}).
 *
 * <p>Only radial networks connected to the slack bus are accepted: {@link #of} names the branch that closes a loop
 * (and the loop), or the buses the slack bus cannot reach.
 */
public final class RadialFeeder {
    /** The system power base of the per-unit values, kVA. */
    public static final double BASE_KVA = 1000;

    private final List<Bus> buses;
    private final List<Branch> branches;
    /** Parent bus index of each bus; −1 for the slack. */
    private final int[] parent;
    private final List<List<Integer>> children;
    private final Map<BusId, Integer> busIndex;
    private final Map<String, Integer> branchIndex;
    private final double slackVoltagePu;

    private RadialFeeder(List<Bus> buses, List<Branch> branches, int[] parent, double slackVoltagePu) {
        this.buses = List.copyOf(buses);
        this.branches = List.copyOf(branches);
        this.parent = parent;
        this.slackVoltagePu = slackVoltagePu;
        this.busIndex = new HashMap<>();
        for (int k = 0; k < buses.size(); k++) {
            busIndex.put(buses.get(k).id(), k);
        }
        this.branchIndex = new HashMap<>();
        for (int k = 0; k < branches.size(); k++) {
            branchIndex.put(branches.get(k).id(), k);
        }
        List<List<Integer>> kids = new ArrayList<>();
        for (int k = 0; k < buses.size(); k++) {
            kids.add(new ArrayList<>());
        }
        for (int k = 1; k < buses.size(); k++) {
            kids.get(parent[k]).add(k);
        }
        this.children = kids.stream().map(List::copyOf).toList();
    }

    /**
     * One branch, oriented away from the slack bus. With P and Q the active and reactive power (pu) flowing from
     * {@code parent} to {@code child} and v the squared voltage magnitude (pu²), LinDistFlow says
     * {@code v_child = voltageRatio·v_parent − 2·dropScale·(resistancePu·P + reactancePu·Q)}: a line has ratio and
     * scale 1; a transformer with its tap t on the parent side (the usual, high-voltage side towards the
     * substation) has ratio 1/t² and scale 1, with its tap on the child side ratio t² and scale t² (the impedance
     * sits on the untapped side, as in MATPOWER).
     *
     * @param kind        a line or a transformer of the network
     * @param id          the line's or transformer's id
     * @param parent      the end towards the slack bus (the sending end when power flows outward)
     * @param child       the end away from the slack bus
     * @param ratingKva   thermal rating as apparent power at nominal voltage: {@code √3·kV·ratingA} for a line, the
     *                    rated kVA of a transformer
     */
    public record Branch(Kind kind, String id, BusId parent, BusId child, double resistancePu, double reactancePu,
                         double voltageRatio, double dropScale, double ratingKva) {
        public enum Kind { LINE, TRANSFORMER }

        public Branch {
            requireNonNull(kind, "kind");
            requireNonNull(id, "id");
            requireNonNull(parent, "parent");
            requireNonNull(child, "child");
        }
    }

    /**
     * The feeder of {@code network}.
     *
     * @throws IllegalArgumentException when the network is empty or has no slack bus, a branch names a bus the
     *                                  network does not have, two branches share an id, a line joins buses of
     *                                  different nominal voltage, a branch closes a loop (the message names the
     *                                  branch and the loop), or buses are not connected to the slack bus (it names them)
     */
    public static RadialFeeder of(Network network) {
        requireNonNull(network, "network");
        if (network.isEmpty()) {
            throw new IllegalArgumentException("the problem has no network: network constraints need buses, lines and a slack bus");
        }
        BusId slack = network.slackBus().orElseThrow(() -> new IllegalArgumentException("the network has no slack bus"));
        Map<BusId, Bus> byId = new LinkedHashMap<>();
        for (Bus bus : network.buses()) {
            if (byId.put(bus.id(), bus) != null) {
                throw new IllegalArgumentException("bus " + bus.id() + " appears twice in the network");
            }
        }
        if (!byId.containsKey(slack)) {
            throw new IllegalArgumentException("the slack bus " + slack + " is not one of the network's buses");
        }

        // every branch as an undirected edge: (kind, id, from, to), in the network's order (lines, then transformers)
        List<Edge> edges = new ArrayList<>();
        Map<String, Edge> seen = new HashMap<>();
        for (Line line : network.lines()) {
            Edge edge = new Edge(Branch.Kind.LINE, line.id(), line.from(), line.to(), line, null);
            requireBuses(edge, byId);
            double fromKv = byId.get(line.from()).nominalKv();
            double toKv = byId.get(line.to()).nominalKv();
            if (fromKv != toKv) {
                throw new IllegalArgumentException("line " + line.id() + " joins " + line.from() + " (" + fromKv + " kV) and "
                        + line.to() + " (" + toKv + " kV): buses of different voltage are joined by a transformer");
            }
            edges.add(edge);
        }
        for (Transformer t : network.transformers()) {
            Edge edge = new Edge(Branch.Kind.TRANSFORMER, t.id(), t.from(), t.to(), null, t);
            requireBuses(edge, byId);
            edges.add(edge);
        }
        for (Edge edge : edges) {
            Edge other = seen.put(edge.id, edge);
            if (other != null) {
                throw new IllegalArgumentException(edge.describe() + " and " + other.describe() + " share an id: give every branch its own id");
            }
        }
        Map<BusId, List<Edge>> adjacent = new HashMap<>();
        for (Edge edge : edges) {
            adjacent.computeIfAbsent(edge.from, b -> new ArrayList<>()).add(edge);
            adjacent.computeIfAbsent(edge.to, b -> new ArrayList<>()).add(edge);
        }

        // breadth first from the slack: each bus reached once, by the branch that becomes its feeder
        Map<BusId, Integer> index = new HashMap<>();
        List<BusId> order = new ArrayList<>();
        List<Edge> feederOf = new ArrayList<>();
        List<Integer> parents = new ArrayList<>();
        index.put(slack, 0);
        order.add(slack);
        feederOf.add(null);
        parents.add(-1);
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(0));
        while (!queue.isEmpty()) {
            int u = queue.poll();
            BusId bus = order.get(u);
            for (Edge edge : adjacent.getOrDefault(bus, List.of())) {
                if (edge == feederOf.get(u)) {
                    continue;
                }
                BusId other = edge.other(bus);
                Integer w = index.get(other);
                if (w != null) {
                    throw new IllegalArgumentException("the network is not radial: " + edge.describe() + " closes the loop "
                            + loop(order, parents, u, w) + "; network constraints (LinDistFlow) need a radial feeder: "
                            + "open one branch of the loop (leave it out of the network, as a normally open switch)");
                }
                index.put(other, order.size());
                order.add(other);
                feederOf.add(edge);
                parents.add(u);
                queue.add(order.size() - 1);
            }
        }
        if (order.size() < byId.size()) {
            List<String> islanded = byId.keySet().stream().filter(b -> !index.containsKey(b)).map(BusId::value).sorted().toList();
            String named = islanded.size() <= 10 ? String.join(", ", islanded)
                    : String.join(", ", islanded.subList(0, 10)) + " and " + (islanded.size() - 10) + " more";
            throw new IllegalArgumentException("bus" + (islanded.size() == 1 ? " " : "es ") + named + (islanded.size() == 1 ? " is" : " are")
                    + " not connected to the slack bus " + slack + ": connect " + (islanded.size() == 1 ? "it" : "them")
                    + " with a line or transformer, or remove " + (islanded.size() == 1 ? "it" : "them") + " from the network");
        }

        List<Bus> buses = order.stream().map(byId::get).toList();
        List<Branch> branches = new ArrayList<>();
        int[] parent = parents.stream().mapToInt(Integer::intValue).toArray();
        for (int k = 1; k < order.size(); k++) {
            branches.add(feederOf.get(k).toBranch(buses.get(parent[k]), buses.get(k)));
        }
        return new RadialFeeder(buses, branches, parent, network.slackVoltagePu());
    }

    private static void requireBuses(Edge edge, Map<BusId, Bus> buses) {
        for (BusId end : List.of(edge.from, edge.to)) {
            if (!buses.containsKey(end)) {
                throw new IllegalArgumentException(edge.describe() + " ends at bus " + end + ", which the network does not have");
            }
        }
    }

    /** The loop a branch between buses u and w (both reached already) closes: common ancestor … u, w … common ancestor. */
    private static String loop(List<BusId> order, List<Integer> parents, int u, int w) {
        List<Integer> fromU = new ArrayList<>();
        for (int k = u; k >= 0; k = parents.get(k)) {
            fromU.add(k);
        }
        List<Integer> fromW = new ArrayList<>();
        for (int k = w; !fromU.contains(k); k = parents.get(k)) {
            fromW.add(k);
        }
        int common = fromW.isEmpty() ? w : parents.get(fromW.getLast());
        List<BusId> path = new ArrayList<>();
        for (int k : fromU) {
            path.add(order.get(k));
            if (k == common) {
                break;
            }
        }
        Collections.reverse(path); // common … u
        for (int k : fromW) {
            path.add(order.get(k)); // across the branch to w, and up towards the common ancestor
        }
        path.add(order.get(common));
        return String.join(" – ", path.stream().map(BusId::value).toList());
    }

    /** A branch before it is oriented: exactly one of line and transformer is set. */
    private record Edge(Branch.Kind kind, String id, BusId from, BusId to, Line line, Transformer transformer) {
        BusId other(BusId end) {
            return end.equals(from) ? to : from;
        }

        String describe() {
            return (kind == Branch.Kind.LINE ? "line " : "transformer ") + id + " (" + from + " – " + to + ")";
        }

        Branch toBranch(Bus parent, Bus child) {
            if (line != null) {
                double baseOhm = parent.nominalKv() * parent.nominalKv() * 1000 / BASE_KVA;
                return new Branch(kind, id, parent.id(), child.id(), line.resistanceOhm() / baseOhm, line.reactanceOhm() / baseOhm,
                        1, 1, Math.sqrt(3) * parent.nominalKv() * line.ratingA());
            }
            double onBase = BASE_KVA / transformer.ratedKva();
            double r = transformer.resistancePercent() / 100 * onBase;
            double x = transformer.reactancePercent() / 100 * onBase;
            double t2 = transformer.tapRatio() * transformer.tapRatio();
            boolean tapOnParent = transformer.from().equals(parent.id());
            return new Branch(kind, id, parent.id(), child.id(), r, x, tapOnParent ? 1 / t2 : t2, tapOnParent ? 1 : t2, transformer.ratedKva());
        }
    }

    /** The buses, slack first, every bus after its parent. */
    public List<Bus> buses() {
        return buses;
    }

    /** The branches; branch k feeds bus k + 1. */
    public List<Branch> branches() {
        return branches;
    }

    public BusId slackBus() {
        return buses.getFirst().id();
    }

    /** The slack bus's voltage set point, pu. */
    public double slackVoltagePu() {
        return slackVoltagePu;
    }

    /** The position of {@code bus} in {@link #buses()}. */
    public int busIndex(BusId bus) {
        Integer k = busIndex.get(bus);
        if (k == null) {
            throw new IllegalArgumentException("bus " + bus + " is not in the network");
        }
        return k;
    }

    public boolean hasBus(BusId bus) {
        return busIndex.containsKey(bus);
    }

    /** The position of the branch {@code id} in {@link #branches()}. */
    public int branchIndex(String id) {
        Integer k = branchIndex.get(id);
        if (k == null) {
            throw new IllegalArgumentException("branch " + id + " is not in the network");
        }
        return k;
    }

    public Optional<Branch> branch(String id) {
        Integer k = branchIndex.get(id);
        return k == null ? Optional.empty() : Optional.of(branches.get(k));
    }

    /** The branch that feeds {@code bus}; the slack bus has none. */
    public Optional<Branch> feederOf(BusId bus) {
        int k = busIndex(bus);
        return k == 0 ? Optional.empty() : Optional.of(branches.get(k - 1));
    }

    /** Index of the parent of bus {@code k} in {@link #buses()}; −1 for the slack bus (k = 0). */
    public int parentIndex(int k) {
        return parent[k];
    }

    /** Indices of the buses bus {@code k} feeds. */
    public List<Integer> childIndices(int k) {
        return children.get(k);
    }

    public int busCount() {
        return buses.size();
    }
}
