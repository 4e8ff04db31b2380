package org.gridfleet.ingest.verifier;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gridfleet.ingest.Rule;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.BusId;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.GeoLocation;
import org.gridfleet.model.Ids;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.AssetInfo;
import org.gridfleet.model.asset.CostCurve;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.InitialState;
import org.gridfleet.model.asset.MaintenanceWindow;
import org.gridfleet.model.asset.Reliability;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.RunHourLimit;
import org.gridfleet.model.asset.StartUp;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.fleet.Bus;
import org.gridfleet.model.fleet.CustomerClass;
import org.gridfleet.model.fleet.EndUser;
import org.gridfleet.model.fleet.GridConnection;
import org.gridfleet.model.fleet.Line;
import org.gridfleet.model.fleet.Network;
import org.gridfleet.model.fleet.ReactivePower;
import org.gridfleet.model.fleet.ReserveRequirement;
import org.gridfleet.model.fleet.Transformer;

/**
 * Reads the fleet document into domain records. Field types, finiteness, units and ranges are checked as each
 * number is read ({@link Fields}, {@link Quantity}); checks across fields and records are here. A record with an
 * error is left out; its neighbours are kept.
 */
final class DocumentReader {
    /** Devices above this rating get a warning: the plant is built for DERs up to about 10 MW. */
    static final double LARGE_DEVICE_KW = 10_000;
    /** Given all three reliability figures, they must agree this closely. */
    static final double RELIABILITY_TOLERANCE = 0.01;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    /** A grid-connected plant that states no limits may import and export without bound. */
    private static final GridConnection UNLIMITED_GRID = GridConnection.connected(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    /** Nominal voltages this close (relative) are the same voltage, written differently. */
    static final double NOMINAL_KV_TOLERANCE = 0.01;
    /** Transformer impedances above this many percent get a warning: real ones have a few percent. */
    static final double TYPICAL_MAX_IMPEDANCE_PERCENT = 25;
    /** A warning about unreachable buses names at most this many. */
    private static final int MAX_NAMED_BUSES = 10;

    private final Fields root;
    private final MaintenanceTable maintenanceTable;
    /** The network's buses, looked up for every device and end-user. */
    private Set<BusId> busIds = Set.of();

    /** @param maintenanceTable windows from the maintenance CSV, by device id, added to the devices' own */
    DocumentReader(Fields root, MaintenanceTable maintenanceTable) {
        this.root = root;
        this.maintenanceTable = maintenanceTable;
    }

    record Document(Optional<FleetSettings> settings, List<Asset> assets, List<EndUser> endUsers) {}

    Document read() {
        int version = root.integer("formatVersion", 1, Integer.MAX_VALUE);
        if (version != 1 && root.isClean()) {
            root.error(Rule.SCHEMA, "formatVersion", "version " + version + " is not supported; this gridfleet reads version 1");
        }
        root.known("series");
        root.object("series").ifPresent(this::checkSeriesPaths);
        Optional<FleetSettings> settings = readSettings();
        Network network = settings.map(FleetSettings::network).orElse(Network.NONE);
        busIds = network.busIds();
        List<Asset> assets = readDevices(network);
        List<EndUser> endUsers = readEndUsers(network);
        root.rejectUnknownFields();
        return new Document(settings, assets, endUsers);
    }

    private void checkSeriesPaths(Fields series) {
        for (String key : List.of("demand", "forecasts", "prices", "maintenance")) {
            series.text(key, "");
        }
        series.rejectUnknownFields();
    }

    // ---- plant-wide settings

    private Optional<FleetSettings> readSettings() {
        Fields settings = root;
        String name = settings.text("name");
        String currency = settings.text("currency", "USD");
        if (!CURRENCY.matcher(currency).matches()) {
            settings.warning(Rule.SCHEMA, "currency", "'" + currency + "' is not an ISO 4217 code (three capital letters, e.g. USD or EUR); kept as written");
        }
        Optional<TimeGrid> horizon = settings.requiredObject("horizon").flatMap(this::readHorizon);
        GridConnection grid = settings.object("grid").map(this::readGrid).orElse(UNLIMITED_GRID);
        ReserveRequirement reserve = settings.object("reserve").map(this::readReserve).orElse(ReserveRequirement.NONE);
        double[] prices = settings.object("prices").map(this::readFlatPrices).orElse(new double[] {0, 0});
        Network network = settings.object("network").map(this::readNetwork).orElse(Network.NONE);
        // without a horizon or a name nothing can be planned; other settings fall back to their defaults
        if (horizon.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FleetSettings(name, currency, horizon.get(), grid, reserve, prices[0], prices[1], network));
    }

    private Optional<TimeGrid> readHorizon(Fields f) {
        Optional<Instant> start = f.instant("start");
        Duration step = f.duration("step", Duration.ofMinutes(15));
        int intervals = f.integer("intervals", 1, TimeGrid.MAX_INTERVALS);
        f.rejectUnknownFields();
        if (!f.isClean() || start.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TimeGrid(start.get(), step, intervals));
        } catch (IllegalArgumentException e) {
            f.error(Rule.RANGE, "", e.getMessage());
            return Optional.empty();
        }
    }

    private GridConnection readGrid(Fields f) {
        String mode = f.choice("mode", List.of("grid-connected", "islanded"), "grid-connected");
        double maxImportKw = f.number("maxImportKw", Quantity.POWER_KW, Double.POSITIVE_INFINITY);
        double maxExportKw = f.number("maxExportKw", Quantity.POWER_KW, Double.POSITIVE_INFINITY);
        f.rejectUnknownFields();
        if (mode.equals("islanded")) {
            if (f.has("maxImportKw") || f.has("maxExportKw")) {
                f.warning(Rule.CONSISTENCY, "mode", "is islanded: an islanded plant neither imports nor exports, so maxImportKw and maxExportKw are ignored");
            }
            return GridConnection.ISLANDED;
        }
        return GridConnection.connected(maxImportKw, maxExportKw);
    }

    private ReserveRequirement readReserve(Fields f) {
        double fraction = f.number("fractionOfDemand", Quantity.FRACTION, 0);
        boolean largestUnit = f.bool("coverLargestUnit", false);
        double minimumKw = f.number("minimumKw", Quantity.POWER_KW, 0);
        f.rejectUnknownFields();
        return new ReserveRequirement(fraction, largestUnit, minimumKw);
    }

    private double[] readFlatPrices(Fields f) {
        double sale = f.number("salePricePerKwh", Quantity.PRICE_PER_KWH, 0);
        double tariff = f.number("importTariffPerKwh", Quantity.PRICE_PER_KWH, 0);
        f.rejectUnknownFields();
        return new double[] {sale, tariff};
    }

    // ---- network

    private Network readNetwork(Fields f) {
        Map<BusId, Bus> buses = new LinkedHashMap<>();
        for (Fields b : f.list("buses")) {
            String id = b.id("id");
            Fields bus = b.about("bus " + id);
            double kv = bus.number("nominalKv", Quantity.KV);
            bus.rejectUnknownFields();
            if (!bus.isClean()) {
                continue;
            }
            BusId busId = BusId.of(id);
            if (buses.containsKey(busId)) {
                bus.error(Rule.DUPLICATE, "id", "bus " + id + " is defined twice; the first definition is kept");
                continue;
            }
            buses.put(busId, new Bus(busId, kv));
        }
        // lines and transformers share one name space: a branch is named by its id alone
        Map<String, String> branchPaths = new HashMap<>();
        int rejectedBranches = 0;
        Map<String, Line> lines = new LinkedHashMap<>();
        for (Fields l : f.list("lines")) {
            Optional<Line> line = readLine(l, buses, branchPaths);
            line.ifPresent(x -> lines.put(x.id(), x));
            rejectedBranches += line.isEmpty() ? 1 : 0;
        }
        Map<String, Transformer> transformers = new LinkedHashMap<>();
        for (Fields t : f.list("transformers")) {
            Optional<Transformer> transformer = readTransformer(t, buses, branchPaths);
            transformer.ifPresent(x -> transformers.put(x.id(), x));
            rejectedBranches += transformer.isEmpty() ? 1 : 0;
        }
        String slack = f.id("slackBus");
        Optional<BusId> slackBus = Optional.empty();
        if (Ids.isValid(slack)) {
            if (buses.containsKey(BusId.of(slack))) {
                slackBus = Optional.of(BusId.of(slack));
            } else {
                f.error(Rule.UNKNOWN_ID, "slackBus", "bus '" + slack + "' is not among network.buses");
            }
        }
        double slackVoltagePu = f.number("slackVoltagePu", Quantity.VOLTAGE_PU, 1.0);
        f.rejectUnknownFields();
        Network network = new Network(List.copyOf(buses.values()), List.copyOf(lines.values()), List.copyOf(transformers.values()),
                slackBus, slackVoltagePu);
        if (slackBus.isPresent()) {
            warnAboutUnreachableBuses(f, network, slackBus.get(), rejectedBranches);
        }
        return network;
    }

    /** A line, or empty when it breaks a rule; {@code branchPaths} holds the ids of lines and transformers kept so far. */
    private Optional<Line> readLine(Fields l, Map<BusId, Bus> buses, Map<String, String> branchPaths) {
        String id = l.id("id");
        Fields line = l.about("line " + id);
        String from = line.id("from");
        String to = line.id("to");
        double r = line.number("resistanceOhm", Quantity.OHM);
        double x = line.number("reactanceOhm", Quantity.OHM);
        double b = line.number("shuntSusceptanceS", Quantity.SIEMENS, 0);
        OptionalDouble ratingA = line.optionalNumber("ratingA", Quantity.AMPERE);
        OptionalDouble ratingKva = line.optionalNumber("ratingKva", Quantity.KVA);
        boolean ratingAGiven = line.has("ratingA");
        boolean ratingKvaGiven = line.has("ratingKva");
        if (ratingAGiven && ratingKvaGiven) {
            line.error(Rule.SCHEMA, "ratingKva", "and ratingA are both given: pick one, ratingA in ampere or ratingKva in kVA"
                    + " (converted with the from bus's nominalKv)");
        } else if (!ratingAGiven && !ratingKvaGiven) {
            line.error(Rule.SCHEMA, "ratingA", "is required: give the thermal rating as ratingA in ampere or as ratingKva in kVA");
        }
        line.rejectUnknownFields();
        checkBranchEnds(line, from, to, buses, "line");
        if (line.isClean() && r + x <= 0) {
            line.error(Rule.RANGE, "reactanceOhm", "a line needs a non-zero impedance (resistanceOhm + reactanceOhm > 0)");
        }
        if (line.isClean()) {
            double fromKv = buses.get(BusId.of(from)).nominalKv();
            double toKv = buses.get(BusId.of(to)).nominalKv();
            if (Math.abs(fromKv - toKv) > NOMINAL_KV_TOLERANCE * Math.max(fromKv, toKv)) {
                line.warning(Rule.CONSISTENCY, "to", "joins bus " + from + " at " + fromKv + " kV and bus " + to + " at " + toKv
                        + " kV: a line joins buses of one voltage; between voltages give a transformer (network.transformers). Kept as a line");
            }
        }
        if (!line.isClean() || !isNewBranch(line, id, branchPaths)) {
            return Optional.empty();
        }
        double amperes = ratingA.isPresent() ? ratingA.getAsDouble()
                : amperesOf(ratingKva.getAsDouble(), buses.get(BusId.of(from)).nominalKv());
        return Optional.of(new Line(id, BusId.of(from), BusId.of(to), r, x, b, amperes));
    }

    /**
     * The current of a three-phase rating: {@code I = S / (√3 · V)} with S in kVA and V the line-to-line voltage
     * in kV gives ampere.
     */
    static double amperesOf(double kva, double kv) {
        return kva / (Math.sqrt(3) * kv);
    }

    private Optional<Transformer> readTransformer(Fields t, Map<BusId, Bus> buses, Map<String, String> branchPaths) {
        String id = t.id("id");
        Fields transformer = t.about("transformer " + id);
        String from = transformer.id("from");
        String to = transformer.id("to");
        double ratedKva = transformer.number("ratedKva", Quantity.KVA);
        double r = transformer.number("resistancePercent", Quantity.IMPEDANCE_PERCENT);
        double x = transformer.number("reactancePercent", Quantity.IMPEDANCE_PERCENT);
        double tap = transformer.number("tapRatio", Quantity.TAP_RATIO, 1);
        transformer.rejectUnknownFields();
        checkBranchEnds(transformer, from, to, buses, "transformer");
        if (transformer.isClean() && r + x <= 0) {
            transformer.error(Rule.RANGE, "reactancePercent", "a transformer needs a non-zero impedance (resistancePercent + reactancePercent > 0):"
                    + " take both from its nameplate");
        }
        if (transformer.isClean()) {
            double fromKv = buses.get(BusId.of(from)).nominalKv();
            double toKv = buses.get(BusId.of(to)).nominalKv();
            if (fromKv < toKv) {
                transformer.error(Rule.CONSISTENCY, "from", "bus " + from + " (" + fromKv + " kV) is the low-voltage side, bus " + to + " ("
                        + toKv + " kV) the high-voltage side: from is the high-voltage bus, so swap from and to (tapRatio is on the from side)");
            }
            for (String field : List.of("resistancePercent", "reactancePercent")) {
                double value = field.equals("resistancePercent") ? r : x;
                if (value > TYPICAL_MAX_IMPEDANCE_PERCENT) {
                    transformer.warning(Rule.RANGE, field, value + " % is unusually high for a transformer (a few percent, rarely above "
                            + (int) TYPICAL_MAX_IMPEDANCE_PERCENT + " %); kept, but check that it is percent on the transformer's own ratedKva, not ohm");
                }
            }
        }
        if (!transformer.isClean() || !isNewBranch(transformer, id, branchPaths)) {
            return Optional.empty();
        }
        return Optional.of(new Transformer(id, BusId.of(from), BusId.of(to), ratedKva, r, x, tap));
    }

    /** Both ends must be known buses, and different ones. */
    private static void checkBranchEnds(Fields branch, String from, String to, Map<BusId, Bus> buses, String kind) {
        for (String end : List.of("from", "to")) {
            String bus = end.equals("from") ? from : to;
            if (branch.isClean() && !buses.containsKey(BusId.of(bus))) {
                branch.error(Rule.UNKNOWN_ID, end, "bus '" + bus + "' is not among network.buses");
            }
        }
        if (branch.isClean() && from.equals(to)) {
            branch.error(Rule.RANGE, "to", "a " + kind + " cannot connect bus " + from + " to itself");
        }
    }

    /** Records the branch's id, or rejects it as a duplicate of a line or transformer kept before. */
    private static boolean isNewBranch(Fields branch, String id, Map<String, String> branchPaths) {
        String first = branchPaths.putIfAbsent(id, branch.path());
        if (first != null) {
            branch.error(Rule.DUPLICATE, "id", "id " + id + " is already used by " + first
                    + " (lines and transformers share their ids); that first one is kept");
            return false;
        }
        return true;
    }

    /**
     * Warns about buses that no path of lines and transformers joins to the slack bus: nothing supplies them, and
     * a power flow cannot solve them.
     */
    private static void warnAboutUnreachableBuses(Fields f, Network network, BusId slack, int rejectedBranches) {
        Map<BusId, List<BusId>> neighbours = new HashMap<>();
        network.lines().forEach(l -> join(neighbours, l.from(), l.to()));
        network.transformers().forEach(t -> join(neighbours, t.from(), t.to()));
        Set<BusId> reached = new HashSet<>(List.of(slack));
        ArrayDeque<BusId> queue = new ArrayDeque<>(List.of(slack));
        while (!queue.isEmpty()) {
            for (BusId next : neighbours.getOrDefault(queue.poll(), List.of())) {
                if (reached.add(next)) {
                    queue.add(next);
                }
            }
        }
        List<String> unreached = network.buses().stream().map(Bus::id).filter(b -> !reached.contains(b)).map(BusId::value).toList();
        if (unreached.isEmpty()) {
            return;
        }
        String names = unreached.size() <= MAX_NAMED_BUSES ? String.join(", ", unreached)
                : String.join(", ", unreached.subList(0, MAX_NAMED_BUSES)) + " and " + (unreached.size() - MAX_NAMED_BUSES) + " more";
        // the message follows the field name: "buses not connected to ..."
        f.warning(Rule.CONSISTENCY, "buses", "not connected to the slack bus " + slack + " through lines or transformers: " + names
                + (rejectedBranches == 0 ? "" : " (" + rejectedBranches + (rejectedBranches == 1 ? " line or transformer was" : " lines or transformers were")
                        + " rejected above)")
                + "; nothing supplies them and a power flow cannot solve them: add or correct the missing line or transformer");
    }

    private static void join(Map<BusId, List<BusId>> neighbours, BusId a, BusId b) {
        neighbours.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
        neighbours.computeIfAbsent(b, k -> new ArrayList<>()).add(a);
    }

    // ---- devices

    private List<Asset> readDevices(Network network) {
        if (!root.has("devices") || root.isEmptyList("devices")) {
            root.error(Rule.SCHEMA, "devices", "is required: a plant needs at least one device");
        }
        Map<String, Asset> assets = new LinkedHashMap<>();
        Map<String, String> firstPath = new HashMap<>();
        for (Fields item : root.list("devices")) {
            String id = item.id("id");
            Fields device = item.about("device " + (id.isEmpty() ? "without id" : id));
            Optional<Asset> asset = readDevice(device, id, network);
            if (asset.isEmpty()) {
                continue;
            }
            if (assets.containsKey(id)) {
                device.error(Rule.DUPLICATE, "id", "id " + id + " is already used by " + firstPath.get(id) + "; that first device is kept");
                continue;
            }
            assets.put(id, asset.get());
            firstPath.put(id, device.path());
        }
        return List.copyOf(assets.values());
    }

    private Optional<Asset> readDevice(Fields f, String id, Network network) {
        String typeName = f.text("type");
        Optional<DeviceType> type = DeviceType.fromFileName(typeName);
        if (type.isEmpty()) {
            if (!typeName.isEmpty()) {
                f.error(Rule.SCHEMA, "type", "unknown device type '" + typeName + "': use one of "
                        + Arrays.stream(DeviceType.values()).map(DeviceType::fileName).collect(Collectors.joining(", ")));
            }
            return Optional.empty();
        }
        AssetInfo info = readInfo(f, id, type.get(), network);
        Optional<Asset> asset = switch (type.get().category()) {
            case DISPATCHABLE_GENERATOR -> readGenerator(f, info);
            case RENEWABLE -> Optional.of(new Renewable(info, f.bool("curtailable", true)));
            case STORAGE -> readStorage(f, info);
        };
        f.rejectUnknownFields();
        if (!f.isClean()) {
            return Optional.empty();
        }
        return asset;
    }

    /** Reads the common fields; on error returns a placeholder that the caller discards because {@code f} is not clean. */
    private AssetInfo readInfo(Fields f, String id, DeviceType type, Network network) {
        String name = f.text("name", id);
        GeoLocation location = f.requiredObject("location").map(this::readLocation).orElse(new GeoLocation(0, 0));
        String bus = f.id("bus");
        if (Ids.isValid(bus) && !network.isEmpty() && !busIds.contains(BusId.of(bus))) {
            f.error(Rule.UNKNOWN_ID, "bus", "bus '" + bus + "' is not among network.buses");
        }
        double ratedPowerKw = f.number("ratedPowerKw", Quantity.POSITIVE_POWER_KW);
        if (ratedPowerKw > LARGE_DEVICE_KW) {
            f.warning(Rule.SIZE, "ratedPowerKw", ratedPowerKw + " kW is above the " + (int) LARGE_DEVICE_KW
                    + " kW this plant is built for; kept, but check the figure and the unit");
        }
        // 0 when the rating was rejected: then it bounds nothing
        ReactivePower reactive = f.object("reactive").map(r -> readDeviceReactive(r, ratedPowerKw)).orElse(ReactivePower.UNITY);
        double availability = f.number("availability", Quantity.FRACTION, 1);
        boolean exportAllowed = f.bool("exportAllowed", true);
        double omCostPerKwh = f.number("omCostPerKwh", Quantity.COST_PER_KWH, 0);
        Reliability reliability = f.object("reliability").map(this::readReliability).orElse(Reliability.PERFECT);
        List<MaintenanceWindow> maintenance = new ArrayList<>();
        for (Fields w : f.list("maintenance")) {
            readMaintenance(w).ifPresent(maintenance::add);
        }
        maintenance.addAll(maintenanceTable.windows(id));
        maintenanceTable.problem(id).ifPresent(problem -> f.error(Rule.RANGE, "", "rejected because " + problem
                + ": planning it as available could dispatch it during its maintenance"));
        if (!f.isClean()) {
            return placeholder(type);
        }
        return new AssetInfo(AssetId.of(id), name, type, location, BusId.of(bus), ratedPowerKw, availability,
                reliability, maintenance, exportAllowed, omCostPerKwh, reactive);
    }

    /**
     * A device's {@code reactive} object: {@code {powerFactor, absorbing}} or {@code {kvar}}. Positive reactive
     * power is delivered to the grid (over-excited); {@code absorbing: true} or a negative kvar takes it in.
     *
     * @param ratedKw the device's rating, taken as its apparent power in kVA; 0 when unknown
     */
    private ReactivePower readDeviceReactive(Fields f, double ratedKw) {
        f.known("powerFactor", "absorbing", "kvar");
        boolean byPowerFactor = f.has("powerFactor");
        if (byPowerFactor == f.has("kvar")) {
            f.error(Rule.SCHEMA, "", byPowerFactor
                    ? "reactive gives both powerFactor and kvar: pick one, a power factor that follows the active power or a fixed kvar set point"
                    : "reactive needs powerFactor (with absorbing: true for an under-excited device) or kvar (a fixed set point, positive delivered)");
            f.rejectUnknownFields();
            return ReactivePower.UNITY;
        }
        ReactivePower reactive;
        if (byPowerFactor) {
            double powerFactor = f.number("powerFactor", Quantity.POWER_FACTOR);
            boolean absorbing = f.bool("absorbing", false);
            if (absorbing && powerFactor == 1) {
                f.warning(Rule.CONSISTENCY, "absorbing", "has no effect at unity power factor: a device at powerFactor 1 neither delivers nor absorbs reactive power");
            }
            reactive = f.isClean() && powerFactor < 1 ? new ReactivePower.PowerFactor(powerFactor, absorbing) : ReactivePower.UNITY;
        } else {
            if (f.has("absorbing")) {
                f.error(Rule.SCHEMA, "absorbing", "goes with powerFactor only: for a fixed set point that absorbs reactive power give a negative kvar");
            }
            double kvar = f.number("kvar", Quantity.KVAR);
            if (ratedKw > 0 && Math.abs(kvar) > ratedKw) {
                f.error(Rule.RANGE, "kvar", kvar + " can never be " + (kvar > 0 ? "delivered" : "absorbed") + ": the rating of "
                        + ratedKw + " kW, taken as apparent power in kVA, bounds the reactive power to ±" + ratedKw + " kvar");
            }
            reactive = f.isClean() ? new ReactivePower.FixedKvar(kvar) : ReactivePower.UNITY;
        }
        f.rejectUnknownFields();
        return reactive;
    }

    /**
     * An end-user's {@code powerFactor} and {@code leading}: a load draws reactive power (inductive, lagging)
     * unless it is {@code leading} (capacitive), when it delivers it.
     */
    private ReactivePower readEndUserReactive(Fields f) {
        double powerFactor = f.number("powerFactor", Quantity.POWER_FACTOR, 1);
        boolean leading = f.bool("leading", false);
        if (leading && powerFactor == 1 && f.isClean()) {
            f.warning(Rule.CONSISTENCY, "leading", "has no effect at unity power factor: give the load's powerFactor, e.g. 0.95");
        }
        return powerFactor == 1 ? ReactivePower.UNITY : new ReactivePower.PowerFactor(powerFactor, leading);
    }

    private static AssetInfo placeholder(DeviceType type) {
        return new AssetInfo(AssetId.of("rejected"), "", type, new GeoLocation(0, 0), BusId.of("rejected"), 1, 1,
                Reliability.PERFECT, List.of(), false, 0);
    }

    private GeoLocation readLocation(Fields f) {
        double latitude = f.number("latitude", Quantity.LATITUDE);
        double longitude = f.number("longitude", Quantity.LONGITUDE);
        f.rejectUnknownFields();
        return new GeoLocation(latitude, longitude);
    }

    private Reliability readReliability(Fields f) {
        OptionalDouble rate = f.optionalNumber("forcedOutageRate", Quantity.OUTAGE_RATE);
        OptionalDouble mttf = f.optionalNumber("mttfHours", Quantity.POSITIVE_HOURS);
        double mttr = f.number("mttrHours", Quantity.POSITIVE_HOURS, 24);
        f.rejectUnknownFields();
        if (rate.isPresent() && rate.getAsDouble() == 0 && mttf.isPresent() && Double.isFinite(mttf.getAsDouble())) {
            f.warning(Rule.CONSISTENCY, "forcedOutageRate", "0 means the device never fails, which contradicts mttfHours "
                    + mttf.getAsDouble() + "; the device is taken as never failing");
            return new Reliability(0, Double.POSITIVE_INFINITY, mttr);
        }
        if (rate.isPresent() && mttf.isPresent()) {
            double implied = Reliability.impliedForcedOutageRate(mttf.getAsDouble(), mttr);
            if (f.has("mttrHours") && Math.abs(implied - rate.getAsDouble()) > RELIABILITY_TOLERANCE) {
                f.warning(Rule.CONSISTENCY, "forcedOutageRate", rate.getAsDouble() + " disagrees with mttrHours / (mttfHours + mttrHours) = "
                        + String.format("%.4f", implied) + "; the given rate is kept");
            }
            if (!f.has("mttrHours")) {
                // two figures given: the repair time follows from them
                double r = rate.getAsDouble();
                mttr = r == 0 ? 24 : r * mttf.getAsDouble() / (1 - r);
            }
            return new Reliability(rate.getAsDouble(), mttf.getAsDouble(), mttr);
        }
        if (rate.isPresent()) {
            return new Reliability(rate.getAsDouble(), Reliability.impliedMttfHours(rate.getAsDouble(), mttr), mttr);
        }
        if (mttf.isPresent()) {
            return new Reliability(Reliability.impliedForcedOutageRate(mttf.getAsDouble(), mttr), mttf.getAsDouble(), mttr);
        }
        return new Reliability(0, Double.POSITIVE_INFINITY, mttr);
    }

    private Optional<MaintenanceWindow> readMaintenance(Fields f) {
        Optional<Instant> start = f.instant("start");
        Optional<Instant> end = f.instant("end");
        String reason = f.text("reason", "maintenance");
        f.rejectUnknownFields();
        if (start.isEmpty() || end.isEmpty()) {
            return Optional.empty();
        }
        if (!end.get().isAfter(start.get())) {
            f.error(Rule.RANGE, "end", "maintenance must end after it starts: " + start.get() + " .. " + end.get());
            return Optional.empty();
        }
        return Optional.of(new MaintenanceWindow(start.get(), end.get(), reason));
    }

    private Optional<Asset> readGenerator(Fields f, AssetInfo info) {
        // with bad common fields the rating is a placeholder: checks against it would only mislead
        boolean ratingKnown = f.isClean();
        double rated = info.ratedPowerKw();
        double minStable = f.number("minStablePowerKw", Quantity.POWER_KW, 0);
        if (ratingKnown && minStable > rated) {
            f.error(Rule.RANGE, "minStablePowerKw", minStable + " kW is above ratedPowerKw " + rated + " kW");
        }
        double rampUp = f.number("rampUpKwPerMin", Quantity.RAMP_KW_PER_MIN, rated);
        double rampDown = f.number("rampDownKwPerMin", Quantity.RAMP_KW_PER_MIN, rated);
        double minUp = f.number("minUpTimeHours", Quantity.HOURS, 0);
        double minDown = f.number("minDownTimeHours", Quantity.HOURS, 0);
        StartUp startUp = f.object("startUp").map(this::readStartUp).orElse(StartUp.FREE_AND_INSTANT);
        InitialState initial = f.object("initialState").map(s -> readInitialState(s, ratingKnown, minStable, rated)).orElse(InitialState.LONG_OFF);
        Optional<CostCurve> cost = f.requiredObject("cost").flatMap(c -> readCost(c, ratingKnown, minStable, rated));
        RunHourLimit runHours = f.object("runHours").map(this::readRunHours).orElse(RunHourLimit.NONE);
        double co2 = f.number("co2KgPerKwh", Quantity.CO2_KG_PER_KWH, info.type().typicalCo2KgPerKwh());
        if (!f.isClean() || cost.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Generator(info, minStable, rampUp, rampDown, minUp, minDown, startUp, initial, cost.get(), runHours, co2));
    }

    private StartUp readStartUp(Fields f) {
        double hot = f.number("hotCost", Quantity.MONEY, 0);
        double cold = f.number("coldCost", Quantity.MONEY, hot);
        double coldAfter = f.number("coldAfterHours", Quantity.HOURS, 0);
        double minutes = f.number("timeMinutes", Quantity.MINUTES, 0);
        f.rejectUnknownFields();
        return new StartUp(hot, cold, coldAfter, minutes);
    }

    private InitialState readInitialState(Fields f, boolean ratingKnown, double minStable, double rated) {
        boolean on = f.bool("on", false);
        double hours = f.number("hoursInState", Quantity.HOURS, 1_000);
        double powerKw = f.number("powerKw", Quantity.POWER_KW, 0);
        f.rejectUnknownFields();
        if (!on && powerKw > 0) {
            f.error(Rule.RANGE, "powerKw", "a unit that is off delivers 0 kW, found " + powerKw);
        } else if (ratingKnown && on && (powerKw < minStable || powerKw > rated)) {
            f.error(Rule.RANGE, "powerKw", "a running unit delivers between minStablePowerKw " + minStable
                    + " and ratedPowerKw " + rated + " kW, found " + powerKw);
        }
        return f.isClean() ? new InitialState(on, hours, powerKw) : InitialState.LONG_OFF;
    }

    private RunHourLimit readRunHours(Fields f) {
        double max = f.number("maxPerYear", Quantity.POSITIVE_HOURS);
        double used = f.number("usedThisYear", Quantity.HOURS, 0);
        f.rejectUnknownFields();
        if (max > 8_784) {
            f.error(Rule.RANGE, "maxPerYear", max + " h is more than a year has (8784 h)");
        }
        return f.isClean() ? new RunHourLimit(max, used) : RunHourLimit.NONE;
    }

    private Optional<CostCurve> readCost(Fields f, boolean ratingKnown, double minStable, double rated) {
        List<String> forms = List.of("quadratic", "piecewiseLinear", "fuel");
        long given = forms.stream().filter(f::has).count();
        f.known(forms.toArray(String[]::new));
        if (given != 1) {
            f.error(Rule.SCHEMA, "", "give exactly one of quadratic, piecewiseLinear or fuel; found " + given);
            f.rejectUnknownFields();
            return Optional.empty();
        }
        Optional<CostCurve> curve;
        if (f.has("quadratic")) {
            curve = f.object("quadratic").flatMap(q -> readQuadratic(q, ratingKnown, minStable, rated));
        } else if (f.has("piecewiseLinear")) {
            curve = points(f, "piecewiseLinear", "costPerHour", Quantity.MONEY).map(CostCurve.PiecewiseLinear::new);
            if (ratingKnown && curve.isPresent()) {
                List<CostCurve.Point> points = ((CostCurve.PiecewiseLinear) curve.get()).points();
                if (points.getFirst().powerKw() > minStable || points.getLast().powerKw() < rated) {
                    f.error(Rule.RANGE, "piecewiseLinear", "the points cover " + points.getFirst().powerKw() + ".." + points.getLast().powerKw()
                            + " kW but the unit runs from minStablePowerKw " + minStable + " to ratedPowerKw " + rated + " kW: give points at both ends");
                    curve = Optional.empty();
                }
            }
        } else {
            curve = f.object("fuel").flatMap(this::readFuel);
        }
        f.rejectUnknownFields();
        return f.isClean() ? curve : Optional.empty();
    }

    private Optional<CostCurve> readQuadratic(Fields f, boolean ratingKnown, double minStable, double rated) {
        double a = f.number("noLoadPerHour", Quantity.MONEY_PER_HOUR, 0);
        double b = f.number("perKwh", Quantity.COST_PER_KWH, 0);
        double c = f.number("perKw2h", Quantity.COEFFICIENT, 0);
        f.rejectUnknownFields();
        if (!f.isClean()) {
            return Optional.empty();
        }
        CostCurve.Quadratic curve = new CostCurve.Quadratic(a, b, c);
        if (!ratingKnown) {
            return Optional.of(curve);
        }
        double vertex = c > 0 ? Math.max(minStable, Math.min(rated, -b / (2 * c))) : minStable;
        for (double p : new double[] {minStable, vertex, rated}) {
            if (curve.costPerHour(p) < 0) {
                f.error(Rule.RANGE, "", "the cost per hour is negative at " + p + " kW (" + curve.costPerHour(p) + "): check the coefficients");
                return Optional.empty();
            }
        }
        return Optional.of(curve);
    }

    private Optional<CostCurve> readFuel(Fields f) {
        String fuel = f.text("name", "fuel");
        double price = f.number("pricePerKwh", Quantity.COST_PER_KWH);
        f.known("efficiency", "heatRateBtuPerKwh");
        boolean byEfficiency = f.has("efficiency");
        if (byEfficiency == f.has("heatRateBtuPerKwh")) {
            f.error(Rule.SCHEMA, "", "give exactly one of efficiency or heatRateBtuPerKwh");
            f.rejectUnknownFields();
            return Optional.empty();
        }
        Optional<List<CostCurve.Point>> efficiency = byEfficiency
                ? points(f, "efficiency", "efficiency", Quantity.EFFICIENCY)
                : points(f, "heatRateBtuPerKwh", "heatRate", Quantity.HEAT_RATE_BTU_PER_KWH)
                        .map(heatRates -> CostCurve.FuelBased.fromHeatRates(fuel, price, heatRates).efficiency());
        f.rejectUnknownFields();
        if (!f.isClean() || efficiency.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CostCurve.FuelBased(fuel, price, efficiency.get()));
    }

    /** A list of {@code {powerKw, <valueField>}} points with strictly rising power. */
    private Optional<List<CostCurve.Point>> points(Fields f, String listName, String valueField, Quantity quantity) {
        List<CostCurve.Point> points = new ArrayList<>();
        List<Fields> items = f.list(listName);
        if (items.isEmpty() && f.isClean()) {
            f.error(Rule.SCHEMA, listName, "needs at least one point {powerKw, " + valueField + "}");
        }
        for (Fields p : items) {
            double power = p.number("powerKw", Quantity.POWER_KW);
            double value = p.number(valueField, quantity);
            p.rejectUnknownFields();
            if (!p.isClean()) {
                continue;
            }
            if (!points.isEmpty() && power <= points.getLast().powerKw()) {
                p.error(Rule.RANGE, "powerKw", "points need strictly rising powerKw: " + power + " after " + points.getLast().powerKw());
                continue;
            }
            points.add(new CostCurve.Point(power, value));
        }
        return f.isClean() ? Optional.of(points) : Optional.empty();
    }

    private Optional<Asset> readStorage(Fields f, AssetInfo info) {
        boolean ratingKnown = f.isClean();
        double rated = info.ratedPowerKw();
        DeviceType type = info.type();
        double capacity = f.number("energyCapacityKwh", Quantity.ENERGY_KWH);
        double maxCharge = f.number("maxChargeKw", Quantity.POWER_KW, rated);
        double maxDischarge = f.number("maxDischargeKw", Quantity.POWER_KW, rated);
        for (String name : List.of("maxChargeKw", "maxDischargeKw")) {
            double value = name.equals("maxChargeKw") ? maxCharge : maxDischarge;
            if (ratingKnown && value > rated) {
                f.error(Rule.RANGE, name, value + " kW is above ratedPowerKw " + rated + " kW (the inverter rating)");
            }
        }
        double etaCharge = f.number("chargeEfficiency", Quantity.EFFICIENCY, type.typicalEfficiency());
        double etaDischarge = f.number("dischargeEfficiency", Quantity.EFFICIENCY, type.typicalEfficiency());
        double selfDischarge = f.number("selfDischargePerHour", Quantity.FRACTION, type.typicalSelfDischargePerHour());
        if (selfDischarge >= 1) {
            f.error(Rule.RANGE, "selfDischargePerHour", "must be below 1 (all energy lost within an hour), found " + selfDischarge);
        }
        double minSoc = f.number("minSoc", Quantity.FRACTION, 0);
        double maxSoc = f.number("maxSoc", Quantity.FRACTION, 1);
        double initialSoc = f.number("initialSoc", Quantity.FRACTION, 0.5);
        boolean socKnown = f.isClean();
        OptionalDouble finalSoc = f.optionalNumber("finalSoc", Quantity.FRACTION);
        if (socKnown && minSoc > maxSoc) {
            f.error(Rule.RANGE, "minSoc", "state-of-charge limits are inverted: minSoc " + minSoc + " > maxSoc " + maxSoc);
        } else if (socKnown) {
            if (initialSoc < minSoc || initialSoc > maxSoc) {
                f.error(Rule.RANGE, "initialSoc", initialSoc + " is outside [minSoc, maxSoc] = [" + minSoc + ", " + maxSoc + "]");
            }
            if (finalSoc.isPresent() && (finalSoc.getAsDouble() < minSoc || finalSoc.getAsDouble() > maxSoc)) {
                f.error(Rule.RANGE, "finalSoc", finalSoc.getAsDouble() + " is outside [minSoc, maxSoc] = [" + minSoc + ", " + maxSoc
                        + "]: give an end-of-horizon target within the limits, or leave finalSoc out to end where it starts");
            }
        }
        double degradation = f.number("degradationCostPerKwh", Quantity.COST_PER_KWH, 0);
        if (!f.isClean()) {
            return Optional.empty();
        }
        return Optional.of(new Storage(info, capacity, maxCharge, maxDischarge, etaCharge, etaDischarge, selfDischarge,
                minSoc, maxSoc, initialSoc, finalSoc.orElse(Storage.defaultFinalSoc(initialSoc, minSoc, maxSoc)), degradation));
    }

    // ---- end-users

    private List<EndUser> readEndUsers(Network network) {
        Map<String, EndUser> users = new LinkedHashMap<>();
        Map<String, String> firstPath = new HashMap<>();
        List<String> classes = Arrays.stream(CustomerClass.values()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
        for (Fields item : root.list("endUsers")) {
            String id = item.id("id");
            Fields f = item.about("end-user " + (id.isEmpty() ? "without id" : id));
            String name = f.text("name", id);
            String bus = f.id("bus");
            if (Ids.isValid(bus) && !network.isEmpty() && !busIds.contains(BusId.of(bus))) {
                f.error(Rule.UNKNOWN_ID, "bus", "bus '" + bus + "' is not among network.buses");
            }
            String customerClass = f.choice("class", classes, "residential");
            ReactivePower reactive = readEndUserReactive(f);
            f.rejectUnknownFields();
            if (!f.isClean()) {
                continue;
            }
            if (users.containsKey(id)) {
                f.error(Rule.DUPLICATE, "id", "id " + id + " is already used by " + firstPath.get(id) + "; that first end-user is kept");
                continue;
            }
            users.put(id, new EndUser(EndUserId.of(id), name, BusId.of(bus), CustomerClass.valueOf(customerClass.toUpperCase(Locale.ROOT)), reactive));
            firstPath.put(id, f.path());
        }
        return List.copyOf(users.values());
    }

}
