package org.gridfleet.ingest.verifier;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridfleet.ingest.Rule;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.control.Telemetry;

/**
 * The data verifier for live data: checks one telemetry sample or meter reading with the rules and the quantities
 * fleet files are checked with ({@link Rule}, {@code Quantity}: the same units mistakes, the same physical ranges),
 * plus what only live data has: its time against what is already kept and against the receiver's clock. In this
 * order: unknown id, finite numbers, duplicate, order, clock skew, staleness, units, range. The first rule broken
 * refuses it, with a reason a person can act on.
 *
 * <p>Spoofing (a site reporting for another device) never gets here: comm refuses a payload whose id is not the id
 * of its topic before decoding finishes. Immutable and thread-safe.
 */
public final class LiveVerifier {
    /** Below this a negative power is measurement noise around zero, kW. */
    public static final double SIGN_TOLERANCE_KW = 1e-3;

    private final Map<AssetId, Asset> assets = new HashMap<>();
    private final Set<EndUserId> endUsers;
    private final LiveLimits limits;

    public LiveVerifier(List<? extends Asset> assets, Set<EndUserId> endUsers, LiveLimits limits) {
        for (Asset asset : assets) {
            this.assets.put(asset.id(), asset);
        }
        this.endUsers = new HashSet<>(endUsers);
        this.limits = requireNonNull(limits, "limits");
    }

    public LiveLimits limits() {
        return limits;
    }

    /** Whether {@code device} is part of the fleet. */
    public boolean knows(AssetId device) {
        return assets.containsKey(device);
    }

    /**
     * Why {@code telemetry} may not be applied, or empty when it may.
     *
     * @param latestKept the time of the device's latest accepted sample; null when there is none
     * @param now        the receiver's clock
     */
    public Optional<LiveRejection> check(Telemetry telemetry, Instant latestKept, Instant now) {
        requireNonNull(telemetry, "telemetry");
        requireNonNull(now, "now");
        AssetId id = telemetry.device();
        Instant time = telemetry.time();
        Asset asset = assets.get(id);
        if (asset == null) {
            return reject(Rule.UNKNOWN_ID, id.value(), time, now,
                    "no device " + id + " in this plant's fleet: add it to the fleet, or correct the id its site is configured with");
        }
        double powerKw = telemetry.powerKw();
        if (!Double.isFinite(powerKw)) {
            return reject(Rule.FINITE, id.value(), time, now, "powerKw is " + powerKw + ": the site sent no measurement; check its meter");
        }
        Optional<LiveRejection> timing = checkTime(id.value(), time, latestKept, now);
        if (timing.isPresent()) {
            return timing;
        }
        Optional<LiveRejection> quantities = checkQuantity(Quantity.SIGNED_POWER_KW, "powerKw", powerKw, id.value(), time, now);
        if (quantities.isEmpty() && telemetry.socFraction().isPresent()) {
            quantities = checkQuantity(Quantity.FRACTION, "socFraction", telemetry.socFraction().getAsDouble(), id.value(), time, now);
        }
        if (quantities.isEmpty() && telemetry.kvar().isPresent()) {
            quantities = checkQuantity(Quantity.KVAR, "kvar", telemetry.kvar().getAsDouble(), id.value(), time, now);
        }
        if (quantities.isPresent()) {
            return quantities;
        }
        return checkDeviceRange(asset, telemetry, now);
    }

    /**
     * Why a meter's reading of {@code demandKw} for {@code endUser} at {@code time} may not be applied, or empty when
     * it may.
     *
     * @param latestKept the time of the end-user's latest accepted reading; null when there is none
     */
    public Optional<LiveRejection> checkDemand(EndUserId endUser, Instant time, double demandKw, Instant latestKept, Instant now) {
        requireNonNull(endUser, "endUser");
        requireNonNull(time, "time");
        requireNonNull(now, "now");
        if (!endUsers.contains(endUser)) {
            return reject(Rule.UNKNOWN_ID, endUser.value(), time, now,
                    "no end-user " + endUser + " in this plant's fleet: add it to the fleet, or correct the meter's id");
        }
        if (!Double.isFinite(demandKw)) {
            return reject(Rule.FINITE, endUser.value(), time, now, "demandKw is " + demandKw + ": the meter sent no measurement");
        }
        Optional<LiveRejection> timing = checkTime(endUser.value(), time, latestKept, now);
        if (timing.isPresent()) {
            return timing;
        }
        if (demandKw < 0 && demandKw >= -SIGN_TOLERANCE_KW) {
            return Optional.empty(); // noise around zero
        }
        return checkQuantity(Quantity.END_USER_DEMAND_KW, "demandKw", demandKw, endUser.value(), time, now)
                .map(r -> r.rule() == Rule.RANGE ? new LiveRejection(Rule.RANGE, r.subject(), time, now, "demand " + kw(demandKw)
                        + " is negative: the plant's end-users draw power (feed-in is not modelled); check the meter's sign") : r);
    }

    /** The file verifier's check of one number: units first (the hint wins), then the physically possible range. */
    private static Optional<LiveRejection> checkQuantity(Quantity quantity, String field, double value, String subject, Instant time, Instant now) {
        if (quantity.isUnitMistake(value)) {
            return reject(Rule.UNITS, subject, time, now, field + " " + value + " " + quantity.unitHint() + ": check the meter's unit");
        }
        if (!quantity.inRange(value)) {
            return reject(Rule.RANGE, subject, time, now, field + " must be " + quantity.describeRange() + ", found " + value);
        }
        return Optional.empty();
    }

    /** What the device itself can do: its rating, its charge and discharge limits, and its apparent power. */
    private Optional<LiveRejection> checkDeviceRange(Asset asset, Telemetry telemetry, Instant now) {
        String id = asset.id().value();
        Instant time = telemetry.time();
        double powerKw = telemetry.powerKw();
        double margin = 1 + limits.rangeMargin();
        String marginText = String.format(Locale.ROOT, "%.2f", margin);
        switch (asset) {
            case Generator g -> {
                if (powerKw < -SIGN_TOLERANCE_KW) {
                    return reject(Rule.RANGE, id, time, now, "a generator reports " + kw(powerKw)
                            + ": it cannot take power from the grid; check the sign convention (positive into the grid) of its meter");
                }
                if (powerKw > g.ratedPowerKw() * margin) {
                    return reject(Rule.RANGE, id, time, now, "reports " + kw(powerKw) + ", above " + marginText + " × its rating "
                            + kw(g.ratedPowerKw()) + ": check the meter's scaling, or the rating in the fleet");
                }
            }
            case Renewable r -> {
                if (powerKw < -SIGN_TOLERANCE_KW) {
                    return reject(Rule.RANGE, id, time, now, "a " + r.type().fileName() + " reports " + kw(powerKw)
                            + ": it cannot take power from the grid; check the sign convention (positive into the grid) of its meter");
                }
                if (powerKw > r.ratedPowerKw() * margin) {
                    return reject(Rule.RANGE, id, time, now, "reports " + kw(powerKw) + ", above " + marginText + " × its rating "
                            + kw(r.ratedPowerKw()) + ": check the meter's scaling, or the rating in the fleet");
                }
            }
            case Storage s -> {
                if (powerKw > s.maxDischargeKw() * margin + SIGN_TOLERANCE_KW) {
                    return reject(Rule.RANGE, id, time, now, "discharges " + kw(powerKw) + ", above " + marginText
                            + " × its discharge limit " + kw(s.maxDischargeKw()) + ": check the meter's scaling, or the limit in the fleet");
                }
                if (-powerKw > s.maxChargeKw() * margin + SIGN_TOLERANCE_KW) {
                    return reject(Rule.RANGE, id, time, now, "charges " + kw(-powerKw) + " (powerKw " + kw(powerKw) + "), above "
                            + marginText + " × its charge limit " + kw(s.maxChargeKw()) + ": check the meter's scaling and sign, or the limit in the fleet");
                }
            }
        }
        if (telemetry.kvar().isPresent()) {
            // the rating is apparent power (docs/fleet-format.md): no device delivers sqrt(P² + Q²) beyond it
            double kvar = telemetry.kvar().getAsDouble();
            double kva = Math.hypot(powerKw, kvar);
            if (kva > asset.ratedPowerKw() * margin + SIGN_TOLERANCE_KW) {
                return reject(Rule.RANGE, id, time, now, String.format(Locale.ROOT, "reports %.1f kW and %.1f kvar, an apparent power of %.1f kVA,"
                        + " above %s × its rating of %.1f kVA: check the meter's reactive scaling (var, not kvar?), or the rating in the fleet",
                        powerKw, kvar, kva, marginText, asset.ratedPowerKw()));
            }
        }
        return Optional.empty();
    }

    private Optional<LiveRejection> checkTime(String subject, Instant time, Instant latestKept, Instant now) {
        if (latestKept != null && time.equals(latestKept)) {
            return reject(Rule.DUPLICATE, subject, time, now, "a value measured at " + time + " is already kept: a repeat, dropped");
        }
        if (latestKept != null && time.isBefore(latestKept)) {
            return reject(Rule.ORDER, subject, time, now, "measured at " + time + ", before the latest kept value of "
                    + latestKept + ": late or replayed; the newer value stands");
        }
        Duration ahead = Duration.between(now, time);
        if (ahead.compareTo(limits.maxClockSkew()) > 0) {
            return reject(Rule.CLOCK_SKEW, subject, time, now, "measured at " + time + ", " + seconds(ahead) + " ahead of the center's clock "
                    + now + " (at most " + seconds(limits.maxClockSkew()) + "): set the site's clock right (NTP)");
        }
        Duration age = Duration.between(time, now);
        if (age.compareTo(limits.maxAge()) > 0) {
            return reject(Rule.STALE, subject, time, now, "measured at " + time + ", " + seconds(age) + " before it arrived (at most "
                    + seconds(limits.maxAge()) + "): delayed or replayed; it no longer says what is happening now");
        }
        return Optional.empty();
    }

    private static Optional<LiveRejection> reject(Rule rule, String subject, Instant time, Instant now, String reason) {
        return Optional.of(new LiveRejection(rule, subject, time, now, reason));
    }

    private static String kw(double kw) {
        return String.format(Locale.ROOT, "%.1f kW", kw);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
