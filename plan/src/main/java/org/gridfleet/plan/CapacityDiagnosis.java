package org.gridfleet.plan;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.MaintenanceWindow;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.fleet.GridConnection;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.plan.Shortfall;
import org.gridfleet.model.problem.PlanningProblem;

/**
 * Why the fleet cannot deliver what an interval asks of it, worked out from the planning problem alone (never from a
 * plan generator's model), for the intervals in which a plan falls short.
 *
 * <p>In interval {@code t} (h hours long, {@code a} the asset's availability in {@code t}) the most the fleet could
 * deliver towards demand plus spinning reserve is
 * <pre>
 *   deliverable = Σ usable generators rated·a
 *               + Σ stores min(maxDischargeKw·a, (κ·Ē − Emin)·ηd/h)
 *               + min(Σ renewables min(forecast, rated·a), demand)
 * </pre>
 * <ul>
 *   <li>a generator is usable in {@code t} unless its run-hour limit leaves less than one interval, its initial state
 *       still owes minimum down time in {@code t} (as the MILP keeps it; the merit order ignores minimum times and the
 *       checker reports them as advisory), or {@code rated·a} is below its minimum stable power;</li>
 *   <li>{@code Ē} is the most energy a store can carry into {@code t}: from {@code initialSoc·capacity}, charging at
 *       {@code maxChargeKw·a} in every earlier interval, never above {@code maxSoc·capacity};
 *       {@code κ = (1 − selfDischargePerHour)^h} (docs/architecture.md);</li>
 *   <li>renewables count only up to demand: their output is not reserve;</li>
 *   <li>grid import is not counted: the plant promises that its own output covers demand (docs/architecture.md). It
 *       only decides how much demand goes <em>unserved</em>.</li>
 * </ul>
 * The requirement is {@code demand + reserve.requiredKw(demand, largest usable generator's rated·a)}: committing every
 * usable unit gives the most headroom even where reserve must cover the largest unit, since adding a unit raises the
 * headroom by its whole capacity and the requirement by at most that. So where the requirement exceeds
 * {@code deliverable}, no plan can meet it; where it does not, the fleet could meet that interval on its own, and the
 * plan falls short through limits that join intervals (stored energy used earlier, run hours, minimum up and down
 * times, ramps) or through the plan generator's choices.
 *
 * <p>The causes are what holds the fleet below its rating in the interval (each asset's rated power, for storage its
 * discharge limit), largest first; while renewables produce less than demand they add up to
 * {@code ratedKw − deliverableKw}. In intervals the fleet could meet on its own, units whose run-hour limit allows only
 * part of the horizon are listed too, with the capacity they can give in only some intervals.
 *
 * @param grid      the problem's time grid
 * @param intervals one per interval diagnosed, in time order
 */
public record CapacityDiagnosis(TimeGrid grid, List<Interval> intervals) {
    /** Requirements and causes count within this many kW (the plan checker's tolerance). */
    public static final double TOLERANCE_KW = ShortfallReport.TOLERANCE_KW;
    /** The run-hour and minimum-time arithmetic of the plan generators and the checker agrees within this many hours. */
    private static final double TOLERANCE_HOURS = 1e-6;
    /** Causes named one by one in an interval's description; the rest are counted. */
    private static final int CAUSES_LISTED = 5;
    /** Causes and interval times named in the summary of the other intervals. */
    private static final int SUMMARY_ITEMS = 3;

    public CapacityDiagnosis {
        requireNonNull(grid, "grid");
        intervals = List.copyOf(intervals);
        for (Interval i : intervals) {
            if (i.interval() >= grid.intervals()) {
                throw new IllegalArgumentException("diagnosed interval " + i.interval() + " outside the grid of " + grid.intervals() + " intervals");
            }
        }
    }

    /**
     * What the fleet could deliver in one interval against what it is asked for.
     *
     * @param interval      0-based index on the grid
     * @param demandKw      aggregate demand
     * @param reserveKw     spinning reserve required with every usable generator committed
     * @param ratedKw       the fleet's rating: Σ rated power of generators and renewables, Σ discharge limits of stores
     * @param deliverableKw the most the fleet could deliver towards demand plus reserve (class Javadoc)
     * @param unservedKw    demand that neither the fleet nor grid import (within its limit, none when islanded) could
     *                      serve
     * @param causes        what holds the fleet back, largest first
     */
    public record Interval(int interval, double demandKw, double reserveKw, double ratedKw, double deliverableKw, double unservedKw,
                           List<Cause> causes) {
        public Interval {
            if (interval < 0) {
                throw new IllegalArgumentException("interval must be >= 0: " + interval);
            }
            causes = List.copyOf(causes);
        }

        /** Demand plus reserve. */
        public double requiredKw() {
            return demandKw + reserveKw;
        }

        /** By how much the requirement exceeds what the fleet could deliver; ≤ 0 where it could deliver it. */
        public double excessKw() {
            return requiredKw() - deliverableKw;
        }

        /** Whether no plan could meet demand and reserve in this interval. */
        public boolean beyondFleet() {
            return excessKw() > TOLERANCE_KW;
        }
    }

    /**
     * One thing that holds the fleet back in an interval.
     *
     * @param asset the device it concerns; empty for the plant as a whole (the import limit)
     * @param kw    what it takes from what the fleet could deliver, kW ({@link Kind#IMPORT_LIMIT}: demand left unserved;
     *              {@link Kind#RUN_HOURS} of a unit that may still run part of the horizon: the capacity it can give in
     *              only some intervals)
     * @param text  for people, e.g. "GEN-2 in maintenance (oil change) −600 kW"
     */
    public record Cause(Kind kind, Optional<AssetId> asset, double kw, String text) {
        public Cause {
            requireNonNull(kind, "kind");
            requireNonNull(asset, "asset");
            requireNonNull(text, "text");
            if (!(kw >= 0) || !Double.isFinite(kw)) {
                throw new IllegalArgumentException("cause kw must be finite and >= 0: " + kw);
            }
        }

        /** The kinds of cause, each with its label in plan files. */
        public enum Kind {
            /** A maintenance window touches the interval. */
            MAINTENANCE("maintenance"),
            /** Availability below 1 (the owner makes only part of the rating available, or withdraws it). */
            DERATED("derated"),
            /** The run-hour limit is used up, or allows only part of the horizon. */
            RUN_HOURS("run-hours"),
            /** A unit that is off when the horizon starts must stay off for the rest of its minimum down time. */
            MIN_DOWN_TIME("min-down-time"),
            /** What remains available is below the unit's minimum stable power, so it cannot run at all. */
            MIN_STABLE_POWER("min-stable-power"),
            /** A store holds too little energy to discharge at its power limit. */
            STORAGE_ENERGY("storage-energy"),
            /** A renewable's forecast is below its rating. */
            FORECAST("forecast"),
            /** Demand beyond the fleet that grid import cannot serve either (islanded: none). */
            IMPORT_LIMIT("import-limit");

            private final String label;

            Kind(String label) {
                this.label = label;
            }

            /** As written in plan files, e.g. {@code min-down-time}. */
            public String label() {
                return label;
            }

            public static Optional<Kind> byLabel(String label) {
                for (Kind kind : values()) {
                    if (kind.label.equals(label)) {
                        return Optional.of(kind);
                    }
                }
                return Optional.empty();
            }
        }
    }

    /** The diagnosis of every interval in which {@code status} lists a shortfall; none when it meets every requirement. */
    public static CapacityDiagnosis of(PlanningProblem problem, PlanStatus status) {
        return of(problem, status instanceof PlanStatus.Infeasible infeasible ? infeasible.shortfalls() : List.of());
    }

    /** The diagnosis of every interval that {@code shortfalls} name, whatever their kind. */
    public static CapacityDiagnosis of(PlanningProblem problem, Collection<Shortfall> shortfalls) {
        SortedSet<Integer> wanted = new TreeSet<>();
        for (Shortfall s : shortfalls) {
            if (s.interval() >= problem.grid().intervals()) {
                throw new IllegalArgumentException("shortfall in interval " + s.interval() + " outside the grid of "
                        + problem.grid().intervals() + " intervals");
            }
            wanted.add(s.interval());
        }
        return new CapacityDiagnosis(problem.grid(), new Diagnose(problem, wanted).run());
    }

    public boolean isEmpty() {
        return intervals.isEmpty();
    }

    /** The intervals no plan could meet, the largest excess first. */
    public List<Interval> beyondFleet() {
        return intervals.stream().filter(Interval::beyondFleet)
                .sorted(Comparator.comparingDouble(Interval::excessKw).reversed().thenComparingInt(Interval::interval)).toList();
    }

    /**
     * One interval for an operator, e.g. "10:00–11:00Z: demand 1 500 kW + reserve 150 kW exceeds the most the fleet can
     * deliver, 1 240 kW of its 2 600 kW rating, by 410 kW; binding: GEN-2 in maintenance (oil change) −600 kW, PV-1
     * forecast 120 of 500 kW −380 kW, ...".
     */
    public String describe(Interval i) {
        StringBuilder text = new StringBuilder(span(i.interval())).append(": demand ").append(kw(i.demandKw())).append(" kW");
        if (i.reserveKw() > TOLERANCE_KW) {
            text.append(" + reserve ").append(kw(i.reserveKw())).append(" kW");
        }
        String most = kw(i.deliverableKw()) + " kW of its " + kw(i.ratedKw()) + " kW rating";
        if (i.beyondFleet()) {
            text.append(" exceeds the most the fleet can deliver, ").append(most).append(", by ").append(kw(i.excessKw())).append(" kW");
        } else {
            text.append(" is within the most the fleet can deliver in this interval alone, ").append(most);
        }
        List<Cause> capacity = i.causes().stream().filter(c -> c.kind() != Cause.Kind.IMPORT_LIMIT).toList();
        if (!capacity.isEmpty()) {
            text.append(i.beyondFleet() ? "; binding: " : "; limited by: ").append(list(capacity));
        }
        double beyondDemandKw = i.demandKw() - i.deliverableKw();
        i.causes().stream().filter(c -> c.kind() == Cause.Kind.IMPORT_LIMIT).findFirst().ifPresentOrElse(
                c -> text.append("; ").append(c.text()),
                () -> {
                    if (beyondDemandKw > TOLERANCE_KW) {
                        text.append("; grid import can serve the ").append(kw(beyondDemandKw))
                                .append(" kW of demand beyond the fleet, but does not count as the plant's own output");
                    }
                });
        return text.toString();
    }

    /**
     * All intervals in a few sentences, for a plan's infeasible reason: the interval furthest beyond the fleet in full,
     * the others beyond it summarised, then the intervals the fleet could have met on its own.
     */
    public String summary() {
        List<Interval> beyond = beyondFleet();
        List<Interval> within = intervals.stream().filter(i -> !i.beyondFleet()).toList();
        List<String> sentences = new ArrayList<>();
        if (!beyond.isEmpty()) {
            sentences.add(describe(beyond.getFirst()));
            List<Interval> rest = beyond.subList(1, beyond.size());
            if (!rest.isEmpty()) {
                sentences.add(String.format(Locale.ROOT, "Also beyond the fleet in %d more interval%s (%s) by %s kW%s",
                        rest.size(), rest.size() == 1 ? "" : "s", times(rest), range(rest), causeCounts(rest, "binding there")));
            }
        }
        if (!within.isEmpty()) {
            sentences.add(String.format(Locale.ROOT, "In %d interval%s (%s) the fleet could deliver demand and reserve on its own: "
                            + "the plan falls short through limits that join intervals (stored energy used earlier, run hours, "
                            + "minimum up and down times, ramps) or through the plan generator's choices%s",
                    within.size(), within.size() == 1 ? "" : "s", times(within), causeCounts(within, "limited there by")));
        }
        return String.join(". ", sentences);
    }

    /** "GEN-2 in maintenance (oil change) −600 kW, BAT-1 ... and 3 more −120 kW". */
    private static String list(List<Cause> causes) {
        String named = causes.stream().limit(CAUSES_LISTED).map(Cause::text).collect(Collectors.joining(", "));
        if (causes.size() <= CAUSES_LISTED) {
            return named;
        }
        double restKw = causes.stream().skip(CAUSES_LISTED).mapToDouble(Cause::kw).sum();
        return named + " and " + (causes.size() - CAUSES_LISTED) + " more −" + kw(restKw) + " kW";
    }

    /**
     * "; binding there: GEN-2 maintenance in 3, BAT-1 storage energy in 2": the capacity causes with the most kW over the
     * intervals (unserved demand is their consequence, not a cause).
     */
    private static String causeCounts(List<Interval> intervals, String lead) {
        record Key(Cause.Kind kind, Optional<AssetId> asset) {}
        Map<Key, double[]> totals = new LinkedHashMap<>(); // kW summed, intervals counted
        for (Interval i : intervals) {
            for (Cause c : i.causes()) {
                if (c.kind() == Cause.Kind.IMPORT_LIMIT) {
                    continue;
                }
                double[] t = totals.computeIfAbsent(new Key(c.kind(), c.asset()), k -> new double[2]);
                t[0] += c.kw();
                t[1]++;
            }
        }
        if (totals.isEmpty()) {
            return "";
        }
        List<Map.Entry<Key, double[]>> ranked = totals.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<Key, double[]> e) -> -e.getValue()[0])).toList();
        String named = ranked.stream().limit(SUMMARY_ITEMS).map(e -> e.getKey().asset().map(a -> a.value() + " ").orElse("")
                + e.getKey().kind().label().replace('-', ' ') + " in " + (int) e.getValue()[1]).collect(Collectors.joining(", "));
        return "; " + lead + ": " + named + (ranked.size() > SUMMARY_ITEMS ? " and " + (ranked.size() - SUMMARY_ITEMS) + " more" : "");
    }

    /** "01:00Z, 03:00Z, 04:00Z and 2 more", in time order. */
    private String times(List<Interval> intervals) {
        List<Integer> sorted = intervals.stream().map(Interval::interval).sorted().toList();
        String named = sorted.stream().limit(SUMMARY_ITEMS).map(this::time).collect(Collectors.joining(", "));
        return sorted.size() > SUMMARY_ITEMS ? named + " and " + (sorted.size() - SUMMARY_ITEMS) + " more" : named;
    }

    /** "50 to 300" or "214" when all are the same. */
    private static String range(List<Interval> intervals) {
        String low = kw(intervals.stream().mapToDouble(Interval::excessKw).min().orElse(0));
        String high = kw(intervals.stream().mapToDouble(Interval::excessKw).max().orElse(0));
        return low.equals(high) ? low : low + " to " + high;
    }

    /** "10:00Z" within a day's horizon, "2026-11-23T10:00Z" beyond. */
    private String time(int interval) {
        return timeFormat().format(grid.startOf(interval));
    }

    /** "10:00–11:00Z", or "2026-11-23T10:00–11:00Z" beyond a day's horizon (the end with its date when it differs). */
    private String span(int interval) {
        Instant start = grid.startOf(interval);
        Instant end = grid.endOf(interval);
        DateTimeFormatter clock = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
        DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'").withZone(ZoneOffset.UTC);
        boolean withDates = grid.horizon().toHours() > 24;
        String endText = withDates && !day.format(start).equals(day.format(end)) ? day.format(end) + clock.format(end) : clock.format(end);
        return (withDates ? day.format(start) : "") + clock.format(start) + "–" + endText + "Z";
    }

    private DateTimeFormatter timeFormat() {
        return (grid.horizon().toHours() <= 24 ? DateTimeFormatter.ofPattern("HH:mm'Z'") : DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'"))
                .withZone(ZoneOffset.UTC);
    }

    /** As {@link ShortfallReport}'s figures ("1 234", "8.5"), and "0" for nothing. */
    static String kw(double value) {
        return Math.abs(value) < 0.05 ? "0" : ShortfallReport.kw(value);
    }

    /** The work of {@link #of}: per-asset limits over the grid, then one {@link Interval} per wanted interval. */
    private static final class Diagnose {
        private final PlanningProblem problem;
        private final SortedSet<Integer> wanted;
        private final TimeGrid grid;
        private final int n;
        private final double h;
        private final Profile demandKw;

        Diagnose(PlanningProblem problem, SortedSet<Integer> wanted) {
            this.problem = problem;
            this.wanted = wanted;
            this.grid = problem.grid();
            this.n = grid.intervals();
            this.h = grid.stepHours();
            this.demandKw = problem.demandKw();
        }

        List<Interval> run() {
            if (wanted.isEmpty()) {
                return List.of();
            }
            int last = wanted.last();
            Map<Storage, double[]> carriedKwh = new LinkedHashMap<>();
            for (Asset asset : problem.assets()) {
                if (asset instanceof Storage s) {
                    carriedKwh.put(s, mostCarriedKwh(s, last));
                }
            }
            List<Interval> result = new ArrayList<>();
            for (int t : wanted) {
                result.add(interval(t, carriedKwh));
            }
            return result;
        }

        /**
         * The most energy store {@code s} can carry into each interval up to {@code last}, after that interval's
         * self-discharge: E'_t = κ·Ē_t with Ē_0 = E0 and Ē_{t+1} = min(Emax, κ·Ē_t + ηc·maxChargeKw·a_t·h).
         */
        private double[] mostCarriedKwh(Storage s, int last) {
            double kappa = Math.pow(1 - s.selfDischargePerHour(), h);
            double maxKwh = s.maxSoc() * s.energyCapacityKwh();
            Profile share = problem.availability().get(s.id());
            double[] carried = new double[last + 1];
            double energyKwh = s.initialSoc() * s.energyCapacityKwh();
            for (int t = 0; t <= last; t++) {
                carried[t] = kappa * energyKwh;
                energyKwh = Math.min(maxKwh, carried[t] + s.chargeEfficiency() * s.maxChargeKw() * share.get(t) * h);
            }
            return carried;
        }

        private Interval interval(int t, Map<Storage, double[]> carriedKwh) {
            double demand = demandKw.get(t);
            double ratedKw = 0;
            double generatorsKw = 0;
            double largestKw = 0;
            double storesKw = 0;
            double renewablesKw = 0;
            List<Cause> causes = new ArrayList<>();
            List<Cause> acrossIntervals = new ArrayList<>();
            List<Cause> renewableCauses = new ArrayList<>();
            for (Asset asset : problem.assets()) {
                double a = problem.availability().get(asset.id()).get(t);
                switch (asset) {
                    case Generator g -> {
                        ratedKw += g.ratedPowerKw();
                        availability(g, g.ratedPowerKw(), g.ratedPowerKw() * (1 - a), a, t, causes);
                        double capKw = g.ratedPowerKw() * a;
                        Optional<Cause> idle = idle(g, capKw, t);
                        if (idle.isPresent()) {
                            causes.add(idle.get());
                        } else if (capKw > 0) {
                            generatorsKw += capKw;
                            largestKw = Math.max(largestKw, capKw);
                            partialRunHours(g, capKw).ifPresent(acrossIntervals::add);
                        }
                    }
                    case Storage s -> {
                        double limitKw = s.maxDischargeKw();
                        ratedKw += limitKw;
                        availability(s, limitKw, limitKw * (1 - a), a, t, causes);
                        double powerKw = limitKw * a;
                        double carried = carriedKwh.get(s)[t];
                        double minKwh = s.minSoc() * s.energyCapacityKwh();
                        // discharge: E' − P·h/ηd ≥ Emin
                        double energyKw = Math.max(0, (carried - minKwh) * s.dischargeEfficiency() / h);
                        double boundKw = Math.min(powerKw, energyKw);
                        storesKw += boundKw;
                        if (powerKw - boundKw > TOLERANCE_KW) {
                            String limited = boundKw > TOLERANCE_KW ? "limited to " + kw(boundKw) + " of " + kw(powerKw) + " kW" : "empty";
                            causes.add(cause(Cause.Kind.STORAGE_ENERGY, s, powerKw - boundKw, "%s %s by stored energy (at most %s kWh, minimum %s kWh)",
                                    s.id(), limited, kw(carried), kw(minKwh)));
                        }
                    }
                    case Renewable r -> {
                        double rated = r.ratedPowerKw();
                        ratedKw += rated;
                        double forecastKw = problem.forecastKw().get(r.id()).get(t);
                        double possibleKw = Math.min(forecastKw, rated);
                        double boundKw = Math.min(forecastKw, rated * a);
                        renewablesKw += boundKw;
                        if (rated - possibleKw > TOLERANCE_KW) {
                            renewableCauses.add(cause(Cause.Kind.FORECAST, r, rated - possibleKw, "%s forecast %s of %s kW", r.id(), kw(forecastKw), kw(rated)));
                        }
                        availability(r, rated, possibleKw - boundKw, a, t, renewableCauses);
                    }
                }
            }
            // renewable output beyond demand is not reserve: then more of it would not help
            if (renewablesKw < demand - TOLERANCE_KW) {
                causes.addAll(renewableCauses);
            }
            double deliverableKw = generatorsKw + storesKw + Math.min(renewablesKw, demand);
            double reserveKw = problem.reserve().requiredKw(demand, largestKw);
            GridConnection connection = problem.gridConnection();
            double beyondKw = demand - deliverableKw;
            double unservedKw = Math.max(0, beyondKw - connection.maxImportKw());
            if (unservedKw > TOLERANCE_KW) {
                causes.add(new Cause(Cause.Kind.IMPORT_LIMIT, Optional.empty(), unservedKw, connection.islanded()
                        ? String.format(Locale.ROOT, "islanded: no grid import for the %s kW of demand beyond the fleet", kw(unservedKw))
                        : String.format(Locale.ROOT, "import limit %s kW: %s kW of demand unserved", kw(connection.maxImportKw()), kw(unservedKw))));
            } else {
                unservedKw = 0;
            }
            if (deliverableKw >= demand + reserveKw - TOLERANCE_KW) {
                causes.addAll(acrossIntervals);
            }
            causes.sort(Comparator.comparingDouble(Cause::kw).reversed().thenComparing(Cause::kind)
                    .thenComparing(c -> c.asset().map(AssetId::value).orElse("")));
            return new Interval(t, demand, reserveKw, ratedKw, deliverableKw, unservedKw, causes);
        }

        /** Maintenance (with the windows' reasons) or availability below 1, taking {@code lostKw} of {@code ratingKw}. */
        private void availability(Asset asset, double ratingKw, double lostKw, double a, int t, List<Cause> causes) {
            if (lostKw <= TOLERANCE_KW) {
                return;
            }
            Instant from = grid.startOf(t);
            Instant to = grid.endOf(t);
            List<String> reasons = asset.info().maintenance().stream().filter(w -> w.overlaps(from, to)).map(MaintenanceWindow::reason)
                    .distinct().toList();
            if (a == 0 && !reasons.isEmpty()) {
                causes.add(cause(Cause.Kind.MAINTENANCE, asset, lostKw, "%s in maintenance (%s)", asset.id(), String.join(", ", reasons)));
            } else if (a == 0) {
                causes.add(cause(Cause.Kind.DERATED, asset, lostKw, "%s withdrawn (availability 0)", asset.id()));
            } else {
                causes.add(cause(Cause.Kind.DERATED, asset, lostKw, "%s at %s availability (%s of %s kW)", asset.id(), percent(a),
                        kw(ratingKw * a), kw(ratingKw)));
            }
        }

        /** Why a generator with {@code capKw} available cannot run in {@code t} at all, if it cannot. */
        private Optional<Cause> idle(Generator g, double capKw, int t) {
            if (capKw <= TOLERANCE_KW) {
                return Optional.empty();
            }
            double remaining = g.runHourLimit().remainingHours();
            if (runnableIntervals(remaining) == 0) {
                return Optional.of(remaining <= TOLERANCE_HOURS
                        ? cause(Cause.Kind.RUN_HOURS, g, capKw, "%s has no run hours left this year (%s of %s h used)", g.id(),
                                hours(g.runHourLimit().usedHours()), hours(g.runHourLimit().maxHoursPerYear()))
                        : cause(Cause.Kind.RUN_HOURS, g, capKw, "%s has %s h of run time left this year, less than an interval", g.id(),
                                hours(remaining)));
            }
            if (t < owedDownIntervals(g)) {
                double hoursOff = g.initialState().hoursInState();
                return Optional.of(cause(Cause.Kind.MIN_DOWN_TIME, g, capKw, "%s must stay off until %s (minimum down time %s h, off for %s h)",
                        g.id(), clock(owedDownIntervals(g)), hours(g.minDownTimeHours()), hours(hoursOff)));
            }
            if (capKw < g.minStablePowerKw()) {
                return Optional.of(cause(Cause.Kind.MIN_STABLE_POWER, g, capKw, "%s cannot run: %s kW available, below its minimum stable power %s kW",
                        g.id(), kw(capKw), kw(g.minStablePowerKw())));
            }
            return Optional.empty();
        }

        /** A unit whose run-hour limit allows some intervals of the horizon but not all. */
        private Optional<Cause> partialRunHours(Generator g, double capKw) {
            double remaining = g.runHourLimit().remainingHours();
            int runnable = runnableIntervals(remaining);
            if (runnable >= n) {
                return Optional.empty();
            }
            return Optional.of(new Cause(Cause.Kind.RUN_HOURS, Optional.of(g.id()), capKw, String.format(Locale.ROOT,
                    "%s may run only %s h more this year: its %s kW in at most %d of %d intervals", g.id(), hours(remaining), kw(capKw), runnable, n)));
        }

        /** Intervals a unit may still run: the largest k with k·h ≤ remaining hours (as the plan generators count). */
        private int runnableIntervals(double remainingHours) {
            return grid.intervalsWithin(remainingHours, TOLERANCE_HOURS);
        }

        /** Intervals at the start that a unit off when the horizon starts must stay off: smallest L with off + L·h ≥ minDown. */
        private int owedDownIntervals(Generator g) {
            return g.initialState().on() ? 0 : grid.intervalsToReach(g.initialState().hoursInState(), g.minDownTimeHours(), TOLERANCE_HOURS);
        }

        /** The start of interval {@code k} as "02:00Z", or the end of the horizon. */
        private String clock(int k) {
            Instant at = k < n ? grid.startOf(k) : grid.end();
            String pattern = grid.horizon().toHours() <= 24 ? "HH:mm'Z'" : "yyyy-MM-dd'T'HH:mm'Z'";
            return DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC).format(at);
        }

        /** A cause whose text ends in its kW: "GEN-2 in maintenance (oil change) −600 kW". */
        private static Cause cause(Cause.Kind kind, Asset asset, double kw, String format, Object... args) {
            return new Cause(kind, Optional.of(asset.id()), kw, String.format(Locale.ROOT, format, args) + " −" + kw(kw) + " kW");
        }

        private static String hours(double hours) {
            return BigDecimal.valueOf(hours).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }

        private static String percent(double fraction) {
            return String.format(Locale.ROOT, "%.0f %%", 100 * fraction);
        }
    }
}
