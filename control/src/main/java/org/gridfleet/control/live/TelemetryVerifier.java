package org.gridfleet.control.live;

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
import org.gridfleet.comm.protocol.DemandReading;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.control.Telemetry;

/**
 * Checks one telemetry sample or meter reading against the fleet and against what is already kept, rule by rule
 * ({@link LiveRule}), in this order: unknown id, finite numbers, duplicate and out-of-order timestamps, clock skew,
 * staleness, physical range, units. The first rule broken refuses it, with a reason a person can act on.
 *
 * <p>Spoofing (a site reporting for another device) never gets here: comm refuses a payload whose id is not the id
 * of its topic ({@code SPOOFED_ID}) before decoding finishes, and the center counts comm's refusals separately.
 *
 * <p>Immutable and thread-safe.
 */
public final class TelemetryVerifier {
    private final Map<AssetId, Asset> assets;
    private final Set<EndUserId> endUsers;
    private final VerifierLimits limits;

    public TelemetryVerifier(List<Asset> assets, Set<EndUserId> endUsers, VerifierLimits limits) {
        this.assets = new HashMap<>();
        for (Asset asset : assets) {
            this.assets.put(asset.id(), asset);
        }
        this.endUsers = new HashSet<>(endUsers);
        this.limits = requireNonNull(limits, "limits");
    }

    public VerifierLimits limits() {
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
     * @param now        the center's clock
     */
    public Optional<LiveRejection> check(Telemetry telemetry, Instant latestKept, Instant now) {
        requireNonNull(telemetry, "telemetry");
        requireNonNull(now, "now");
        AssetId id = telemetry.device();
        Instant time = telemetry.time();
        Asset asset = assets.get(id);
        if (asset == null) {
            return reject(LiveRule.UNKNOWN_ID, id.value(), time, now,
                    "no device " + id + " in this plant's fleet: add it to the fleet, or correct the id its site is configured with");
        }
        double powerKw = telemetry.powerKw();
        if (!Double.isFinite(powerKw)) {
            return reject(LiveRule.NOT_FINITE, id.value(), time, now, "powerKw is " + powerKw + ": the site sent no measurement; check its meter");
        }
        Optional<LiveRejection> timing = checkTime(id.value(), time, latestKept, now);
        if (timing.isPresent()) {
            return timing;
        }
        if (telemetry.socFraction().isPresent()) {
            double soc = telemetry.socFraction().getAsDouble();
            if (!(soc >= 0 && soc <= 1)) {
                return reject(LiveRule.RANGE, id.value(), time, now, "socFraction " + soc + " is outside 0..1: a percentage, or a faulty battery management system");
            }
        }
        double margin = 1 + limits.rangeMargin();
        String marginText = String.format(Locale.ROOT, "%.2f", margin);
        switch (asset) {
            case Generator g -> {
                if (powerKw < -SIGN_TOLERANCE_KW) {
                    return reject(LiveRule.RANGE, id.value(), time, now, "a generator reports " + kw(powerKw)
                            + ": it cannot take power from the grid; check the sign convention (positive into the grid) of its meter");
                }
                if (powerKw > g.ratedPowerKw() * margin) {
                    return reject(LiveRule.RANGE, id.value(), time, now, "reports " + kw(powerKw) + ", above " + marginText + " × its rating "
                            + kw(g.ratedPowerKw()) + ": check the meter's scaling, or the rating in the fleet");
                }
            }
            case Renewable r -> {
                if (powerKw < -SIGN_TOLERANCE_KW) {
                    return reject(LiveRule.RANGE, id.value(), time, now, "a " + r.type().fileName() + " reports " + kw(powerKw)
                            + ": it cannot take power from the grid; check the sign convention (positive into the grid) of its meter");
                }
                if (powerKw > r.ratedPowerKw() * margin) {
                    return reject(LiveRule.RANGE, id.value(), time, now, "reports " + kw(powerKw) + ", above " + marginText + " × its rating "
                            + kw(r.ratedPowerKw()) + ": check the meter's scaling, or the rating in the fleet");
                }
            }
            case Storage s -> {
                if (powerKw > s.maxDischargeKw() * margin + SIGN_TOLERANCE_KW) {
                    return reject(LiveRule.RANGE, id.value(), time, now, "discharges " + kw(powerKw) + ", above " + marginText
                            + " × its discharge limit " + kw(s.maxDischargeKw()) + ": check the meter's scaling, or the limit in the fleet");
                }
                if (-powerKw > s.maxChargeKw() * margin + SIGN_TOLERANCE_KW) {
                    return reject(LiveRule.RANGE, id.value(), time, now, "charges " + kw(-powerKw) + " (powerKw " + kw(powerKw) + "), above "
                            + marginText + " × its charge limit " + kw(s.maxChargeKw()) + ": check the meter's scaling and sign, or the limit in the fleet");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Why {@code reading} may not be applied, or empty when it may.
     *
     * @param latestKept the time of the end-user's latest accepted reading; null when there is none
     */
    public Optional<LiveRejection> check(DemandReading reading, Instant latestKept, Instant now) {
        requireNonNull(reading, "reading");
        requireNonNull(now, "now");
        EndUserId id = reading.endUser();
        Instant time = reading.time();
        if (!endUsers.contains(id)) {
            return reject(LiveRule.UNKNOWN_ID, id.value(), time, now,
                    "no end-user " + id + " in this plant's fleet: add it to the fleet, or correct the meter's id");
        }
        double demandKw = reading.demandKw();
        if (!Double.isFinite(demandKw)) {
            return reject(LiveRule.NOT_FINITE, id.value(), time, now, "demandKw is " + demandKw + ": the meter sent no measurement");
        }
        Optional<LiveRejection> timing = checkTime(id.value(), time, latestKept, now);
        if (timing.isPresent()) {
            return timing;
        }
        if (demandKw > limits.maxEndUserDemandKw()) {
            return reject(LiveRule.UNITS, id.value(), time, now, "demand " + kw(demandKw) + " for one end-user (more than "
                    + kw(limits.maxEndUserDemandKw()) + ") looks like watts, not kW: check the meter's unit");
        }
        if (demandKw < -SIGN_TOLERANCE_KW) {
            return reject(LiveRule.RANGE, id.value(), time, now, "demand " + kw(demandKw)
                    + " is negative: the plant's end-users draw power (feed-in is not modelled); check the meter's sign");
        }
        return Optional.empty();
    }

    /** Below this a negative power is measurement noise around zero, kW. */
    static final double SIGN_TOLERANCE_KW = 1e-3;

    private Optional<LiveRejection> checkTime(String subject, Instant time, Instant latestKept, Instant now) {
        if (latestKept != null && time.equals(latestKept)) {
            return reject(LiveRule.DUPLICATE, subject, time, now, "a value measured at " + time + " is already kept: a repeat, dropped");
        }
        if (latestKept != null && time.isBefore(latestKept)) {
            return reject(LiveRule.OUT_OF_ORDER, subject, time, now, "measured at " + time + ", before the latest kept value of "
                    + latestKept + ": late or replayed; the newer value stands");
        }
        Duration ahead = Duration.between(now, time);
        if (ahead.compareTo(limits.maxClockSkew()) > 0) {
            return reject(LiveRule.CLOCK_SKEW, subject, time, now, "measured at " + time + ", " + seconds(ahead) + " ahead of the center's clock "
                    + now + " (at most " + seconds(limits.maxClockSkew()) + "): set the site's clock right (NTP)");
        }
        Duration age = Duration.between(time, now);
        if (age.compareTo(limits.maxAge()) > 0) {
            return reject(LiveRule.STALE, subject, time, now, "measured at " + time + ", " + seconds(age) + " before it arrived (at most "
                    + seconds(limits.maxAge()) + "): delayed or replayed; it no longer says what is happening now");
        }
        return Optional.empty();
    }

    private static Optional<LiveRejection> reject(LiveRule rule, String subject, Instant time, Instant now, String reason) {
        return Optional.of(new LiveRejection(rule, subject, time, now, reason));
    }

    static String kw(double kw) {
        return String.format(Locale.ROOT, "%.1f kW", kw);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
