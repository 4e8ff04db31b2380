package org.gridfleet.synth;

import static org.gridfleet.synth.Decimals.round;
import static org.gridfleet.synth.Decimals.roundSignificant;
import static org.gridfleet.synth.DeviceCatalog.uniform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.gridfleet.model.BusId;
import org.gridfleet.model.GeoLocation;
import org.gridfleet.model.fleet.Bus;
import org.gridfleet.model.fleet.Line;
import org.gridfleet.model.fleet.Network;
import org.gridfleet.model.fleet.Transformer;

/**
 * A radial 12.47 kV distribution network drawn on the map around the campus: a 69/12.47 kV substation whose
 * 69 kV bus is the slack, its 12.47 kV bus, and one or more feeders leaving that, each a trunk of up to six
 * segments with laterals of up to three.
 *
 * <pre>
 *                                     f01-t1 ── f01-t2 ── f01-t3        trunk: 0.3–1.5 km segments, 0.10–0.20 + j0.30–0.40 Ω/km
 *   sub-hv ──tx-sub-1──  sub ─────────┤          │
 *  (69 kV,   1 % + j7 %  (12.47 kV)   │          f01-t2-l1 ── f01-t2-l2   lateral: 0.3–1.0 km, 0.20–0.40 + j0.30–0.40 Ω/km
 *   slack)                            f02-t1 ── ...
 * </pre>
 *
 * Devices are shared out over the feeders so that no feeder carries much more than {@value #FEEDER_KW} kW of
 * nameplate; devices of 2 MW and more sit on the trunk. Each line is rated, from a ladder of 200–600 A, for
 * 1.25 times the larger of the generation and the undiversified peak demand downstream of it. The substation
 * transformer is rated, from a ladder of standard sizes of 2.5–40 MVA, for 1.25 times the undiversified peak
 * demand of all end-users at a power factor of 0.95; a plant too large for one 40 MVA unit gets identical units
 * in parallel ({@code tx-sub-1}, {@code tx-sub-2}, ...). Its high-voltage bus is held at
 * {@value #SLACK_VOLTAGE_PU} pu, as a substation holds its bus a little above nominal so that the far ends of
 * its feeders stay within ±5 % at peak.
 */
final class FeederLayout {
    static final double NOMINAL_KV = 12.47;
    /** The substation's 12.47 kV bus, where the feeders start. */
    static final String SUBSTATION_BUS = "sub";
    /** The substation's 69 kV bus: the slack, where the utility grid meets the plant. */
    static final String SLACK_BUS = "sub-hv";
    static final double SLACK_KV = 69;
    static final double SLACK_VOLTAGE_PU = 1.02;
    static final String TRANSFORMER_PREFIX = "tx-sub-";
    static final double TRANSFORMER_RESISTANCE_PERCENT = 1;
    static final double TRANSFORMER_REACTANCE_PERCENT = 7;
    /** Standard substation transformer sizes, kVA. */
    private static final double[] TRANSFORMER_KVA = {2_500, 3_750, 5_000, 7_500, 10_000, 12_000, 15_000, 20_000, 25_000, 30_000, 40_000};
    /** Campus centre: the substation. */
    static final GeoLocation CENTRE = new GeoLocation(40.0, -105.25);
    private static final double FEEDER_KW = 8_000;
    private static final double TRUNK_DEVICE_KW = 2_000;
    private static final int MAX_TRUNK_BUSES = 6;
    private static final int MAX_LATERAL_BUSES = 3;
    private static final double POWER_FACTOR = 0.95;
    private static final double[] RATINGS_A = {200, 300, 400, 600};
    private static final double KM_PER_DEGREE_LATITUDE = 110.574;
    private static final double KM_PER_DEGREE_LONGITUDE = 111.320 * StrictMath.cos(StrictMath.toRadians(CENTRE.latitudeDeg()));

    private final List<BusId> busIds = new ArrayList<>();
    private final List<Integer> parent = new ArrayList<>();
    private final List<Boolean> trunk = new ArrayList<>();
    private final List<double[]> segment = new ArrayList<>(); // lengthKm, rOhmPerKm, xOhmPerKm, bSPerKm
    private final List<double[]> position = new ArrayList<>(); // xKm east, yKm north of the substation
    private final int[] deviceBus;
    private final GeoLocation[] deviceLocation;
    private final int[] endUserBus;

    private FeederLayout(int devices, int endUsers) {
        deviceBus = new int[devices];
        deviceLocation = new GeoLocation[devices];
        endUserBus = new int[endUsers];
    }

    /** Lays out feeders for devices of the given ratings and places the devices and end-users on them. */
    static FeederLayout build(double[] deviceRatedKw, int endUsers, SplittableRandom random) {
        FeederLayout layout = new FeederLayout(deviceRatedKw.length, endUsers);
        double totalKw = Arrays.stream(deviceRatedKw).sum();
        int feeders = Math.max(1, (int) Math.ceil(totalKw / FEEDER_KW));
        int[] deviceFeeder = shareOut(deviceRatedKw, feeders);
        int[] endUserFeeder = new int[endUsers];
        int[] devicesOn = new int[feeders];
        int[] endUsersOn = new int[feeders];
        for (int d = 0; d < deviceFeeder.length; d++) {
            devicesOn[deviceFeeder[d]]++;
        }
        for (int u = 0; u < endUsers; u++) {
            endUserFeeder[u] = random.nextInt(feeders);
            endUsersOn[endUserFeeder[u]]++;
        }
        layout.add(BusId.of(SUBSTATION_BUS), -1, false, new double[4], new double[2]);
        int width = Math.max(2, Integer.toString(feeders).length());
        List<List<Integer>> trunkBuses = new ArrayList<>();
        List<List<Integer>> allBuses = new ArrayList<>();
        for (int f = 0; f < feeders; f++) {
            String feederName = "f" + pad(f + 1, width);
            double heading = 2 * Math.PI * (f + uniform(random, -0.35, 0.35)) / feeders;
            int buses = Math.clamp((long) Math.ceil((devicesOn[f] + Math.ceil(endUsersOn[f] / 12.0)) / 1.5), 1, 24);
            int trunkCount = Math.min(MAX_TRUNK_BUSES, (int) Math.ceil(buses / 2.0));
            int lateralCount = Math.min(buses - trunkCount, MAX_LATERAL_BUSES * trunkCount);
            List<Integer> trunkOfFeeder = new ArrayList<>();
            int previous = 0;
            for (int t = 1; t <= trunkCount; t++) {
                double direction = heading + 0.2 * random.nextGaussian();
                double[] line = {uniform(random, 0.3, 1.5), uniform(random, 0.10, 0.20), uniform(random, 0.30, 0.40),
                        uniform(random, 2.8e-6, 3.6e-6)};
                previous = layout.add(BusId.of(feederName + "-t" + t), previous, true, line,
                        layout.step(previous, direction, line[0]));
                trunkOfFeeder.add(previous);
            }
            List<Integer> all = new ArrayList<>(trunkOfFeeder);
            int[] lateralLength = new int[trunkCount];
            int[] lateralEnd = new int[trunkCount];
            double[] lateralSide = new double[trunkCount];
            for (int l = 0; l < lateralCount; l++) {
                int t = random.nextInt(trunkCount);
                while (lateralLength[t] == MAX_LATERAL_BUSES) {
                    t = (t + 1) % trunkCount;
                }
                if (lateralLength[t] == 0) {
                    lateralEnd[t] = trunkOfFeeder.get(t);
                    lateralSide[t] = random.nextBoolean() ? Math.PI / 2 : -Math.PI / 2;
                }
                lateralLength[t]++;
                double direction = heading + lateralSide[t] + 0.3 * random.nextGaussian();
                double[] line = {uniform(random, 0.3, 1.0), uniform(random, 0.20, 0.40), uniform(random, 0.30, 0.40),
                        uniform(random, 2.8e-6, 3.6e-6)};
                BusId id = BusId.of(feederName + "-t" + (t + 1) + "-l" + lateralLength[t]);
                lateralEnd[t] = layout.add(id, lateralEnd[t], false, line, layout.step(lateralEnd[t], direction, line[0]));
                all.add(lateralEnd[t]);
            }
            trunkBuses.add(trunkOfFeeder);
            allBuses.add(all);
        }
        for (int d = 0; d < deviceRatedKw.length; d++) {
            List<Integer> candidates = deviceRatedKw[d] >= TRUNK_DEVICE_KW
                    ? trunkBuses.get(deviceFeeder[d]) : allBuses.get(deviceFeeder[d]);
            int bus = candidates.get(random.nextInt(candidates.size()));
            layout.deviceBus[d] = bus;
            double[] site = layout.position.get(bus);
            layout.deviceLocation[d] = toLocation(site[0] + 0.1 * random.nextGaussian(), site[1] + 0.1 * random.nextGaussian());
        }
        for (int u = 0; u < endUsers; u++) {
            List<Integer> candidates = allBuses.get(endUserFeeder[u]);
            layout.endUserBus[u] = candidates.get(random.nextInt(candidates.size()));
        }
        return layout;
    }

    BusId deviceBus(int device) {
        return busIds.get(deviceBus[device]);
    }

    GeoLocation deviceLocation(int device) {
        return deviceLocation[device];
    }

    BusId endUserBus(int endUser) {
        return busIds.get(endUserBus[endUser]);
    }

    /**
     * The network, each line rated for what flows through it at most (generation or peak demand downstream), the
     * substation transformer for the peak demand of all end-users.
     */
    Network network(double[] deviceRatedKw, double[] endUserPeakKw) {
        int count = busIds.size();
        double[] generationKw = new double[count];
        double[] demandKw = new double[count];
        for (int d = 0; d < deviceRatedKw.length; d++) {
            generationKw[deviceBus[d]] += deviceRatedKw[d];
        }
        for (int u = 0; u < endUserPeakKw.length; u++) {
            demandKw[endUserBus[u]] += endUserPeakKw[u];
        }
        for (int b = count - 1; b > 0; b--) { // parents come before children
            generationKw[parent.get(b)] += generationKw[b];
            demandKw[parent.get(b)] += demandKw[b];
        }
        List<Bus> buses = new ArrayList<>(count + 1);
        List<Line> lines = new ArrayList<>(count - 1);
        BusId slack = BusId.of(SLACK_BUS);
        buses.add(new Bus(slack, SLACK_KV));
        for (int b = 0; b < count; b++) {
            buses.add(new Bus(busIds.get(b), NOMINAL_KV));
            if (b == 0) {
                continue;
            }
            double[] s = segment.get(b);
            double flowA = Math.max(generationKw[b], demandKw[b]) / (Math.sqrt(3) * NOMINAL_KV * POWER_FACTOR);
            lines.add(new Line("ln-" + busIds.get(b), busIds.get(parent.get(b)), busIds.get(b),
                    round(s[0] * s[1], 4), round(s[0] * s[2], 4), roundSignificant(s[0] * s[3], 3),
                    rating(1.25 * flowA, trunk.get(b) ? 400 : 200)));
        }
        return new Network(buses, lines, substationTransformers(slack, demandKw[0]), Optional.of(slack), SLACK_VOLTAGE_PU);
    }

    /** Enough identical units in parallel to carry 1.25 times {@code peakDemandKw} at a power factor of 0.95. */
    private List<Transformer> substationTransformers(BusId slack, double peakDemandKw) {
        double requiredKva = 1.25 * peakDemandKw / POWER_FACTOR;
        double largestKva = TRANSFORMER_KVA[TRANSFORMER_KVA.length - 1];
        int units = Math.max(1, (int) Math.ceil(requiredKva / largestKva));
        double unitKva = largestKva;
        for (double size : TRANSFORMER_KVA) {
            if (size * units >= requiredKva) {
                unitKva = size;
                break;
            }
        }
        List<Transformer> transformers = new ArrayList<>(units);
        for (int t = 1; t <= units; t++) {
            transformers.add(new Transformer(TRANSFORMER_PREFIX + t, slack, busIds.getFirst(), unitKva,
                    TRANSFORMER_RESISTANCE_PERCENT, TRANSFORMER_REACTANCE_PERCENT, 1));
        }
        return transformers;
    }

    private static double rating(double requiredA, double minimumA) {
        for (double rating : RATINGS_A) {
            if (rating >= minimumA && rating >= requiredA) {
                return rating;
            }
        }
        return RATINGS_A[RATINGS_A.length - 1];
    }

    private int add(BusId id, int parentBus, boolean isTrunk, double[] line, double[] at) {
        busIds.add(id);
        parent.add(parentBus);
        trunk.add(isTrunk);
        segment.add(line);
        position.add(at);
        return busIds.size() - 1;
    }

    private double[] step(int from, double direction, double lengthKm) {
        double[] origin = position.get(from);
        return new double[] {origin[0] + lengthKm * StrictMath.cos(direction), origin[1] + lengthKm * StrictMath.sin(direction)};
    }

    /** Largest device first onto the least-loaded feeder, so feeders carry about the same nameplate. */
    private static int[] shareOut(double[] ratedKw, int feeders) {
        Integer[] order = new Integer[ratedKw.length];
        for (int d = 0; d < order.length; d++) {
            order[d] = d;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer d) -> -ratedKw[d]).thenComparing(d -> d));
        double[] load = new double[feeders];
        PriorityQueue<Integer> lightest = new PriorityQueue<>(
                Comparator.comparingDouble((Integer f) -> load[f]).thenComparing(f -> f));
        for (int f = 0; f < feeders; f++) {
            lightest.add(f);
        }
        int[] feederOf = new int[ratedKw.length];
        for (int d : order) {
            int f = lightest.poll();
            feederOf[d] = f;
            load[f] += ratedKw[d];
            lightest.add(f);
        }
        return feederOf;
    }

    private static GeoLocation toLocation(double eastKm, double northKm) {
        return new GeoLocation(round(CENTRE.latitudeDeg() + northKm / KM_PER_DEGREE_LATITUDE, 6),
                round(CENTRE.longitudeDeg() + eastKm / KM_PER_DEGREE_LONGITUDE, 6));
    }

    static String pad(int number, int width) {
        String text = Integer.toString(number);
        return text.length() >= width ? text : "0".repeat(width - text.length()) + text;
    }
}
