package org.gridfleet.control.live;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridfleet.comm.protocol.DemandReading;
import org.gridfleet.comm.protocol.Rejection;
import org.gridfleet.comm.protocol.SiteStatus;
import org.gridfleet.ingest.Rule;
import org.gridfleet.ingest.verifier.LiveLimits;
import org.gridfleet.ingest.verifier.LiveRejection;
import org.gridfleet.ingest.verifier.LiveVerifier;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.fleet.EndUser;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.model.control.Telemetry;

/**
 * The control center's live picture of the plant: each device's latest verified telemetry and its site's latest
 * status, each end-user's latest verified demand reading, each with its time. Nothing enters it unverified: a value
 * that breaks a rule of the data verifier ({@link Rule}, the rules fleet files are checked by) is refused with a reason, counted by rule, and never applied; so are messages comm
 * refused before decoding ({@link #countRefused}).
 *
 * <p>Statuses are ordered by connection ({@link SiteStatus}): a status about an older connection than the one known
 * ({@code connectedAt} earlier) is stale and ignored, and within one connection an ended connection (offline, lost)
 * is never turned back online by a late {@code online}.
 *
 * <p>Thread-safe.
 */
public final class LiveState {
    private final LiveVerifier verifier;
    private final Map<AssetId, Telemetry> telemetry = new HashMap<>();
    private final Map<AssetId, SiteStatus> statuses = new HashMap<>();
    private final Map<EndUserId, DemandReading> demand = new HashMap<>();
    private final Map<Rule, Long> rejectedByRule = new EnumMap<>(Rule.class);
    private final Map<Rejection.Reason, Long> refusedByReason = new EnumMap<>(Rejection.Reason.class);
    private long telemetryAccepted;
    private long readingsAccepted;
    private long staleStatuses;

    public LiveState(LiveVerifier verifier) {
        this.verifier = requireNonNull(verifier, "verifier");
    }

    /** The live state of {@code problem}'s devices and end-users, verified within {@code limits}. */
    public static LiveState of(PlanningProblem problem, LiveLimits limits) {
        Set<EndUserId> users = new HashSet<>();
        for (EndUser user : problem.endUsers()) {
            users.add(user.id());
        }
        return new LiveState(new LiveVerifier(problem.assets(), users, limits));
    }

    public LiveVerifier verifier() {
        return verifier;
    }

    // ---- input ---------------------------------------------------------------------------------------------

    /** Verifies {@code sample} at {@code now} and keeps it; or refuses it, counted, and returns why. */
    public synchronized Optional<LiveRejection> offer(Telemetry sample, Instant now) {
        Telemetry kept = telemetry.get(sample.device());
        Optional<LiveRejection> rejection = verifier.check(sample, kept == null ? null : kept.time(), now);
        if (rejection.isPresent()) {
            rejectedByRule.merge(rejection.get().rule(), 1L, Long::sum);
        } else {
            telemetry.put(sample.device(), sample);
            telemetryAccepted++;
        }
        return rejection;
    }

    /** Verifies {@code reading} at {@code now} and keeps it; or refuses it, counted, and returns why. */
    public synchronized Optional<LiveRejection> offer(DemandReading reading, Instant now) {
        DemandReading kept = demand.get(reading.endUser());
        Optional<LiveRejection> rejection = verifier.checkDemand(reading.endUser(), reading.time(), reading.demandKw(), kept == null ? null : kept.time(), now);
        if (rejection.isPresent()) {
            rejectedByRule.merge(rejection.get().rule(), 1L, Long::sum);
        } else {
            demand.put(reading.endUser(), reading);
            readingsAccepted++;
        }
        return rejection;
    }

    /**
     * Keeps {@code status} unless it is stale (about an older connection, or an online status for a connection
     * already known to have ended) or about a device not in the fleet (counted under {@link Rule#UNKNOWN_ID}).
     * Returns whether it was kept.
     */
    public synchronized boolean offer(SiteStatus status) {
        requireNonNull(status, "status");
        if (!verifier.knows(status.device())) {
            rejectedByRule.merge(Rule.UNKNOWN_ID, 1L, Long::sum);
            return false;
        }
        SiteStatus known = statuses.get(status.device());
        boolean newer = known == null
                || status.connectedAt().isAfter(known.connectedAt())
                || status.connectedAt().equals(known.connectedAt()) && known.isOnline() && !status.isOnline();
        if (!newer) {
            staleStatuses++;
            return false;
        }
        statuses.put(status.device(), status);
        return true;
    }

    /** Counts a message comm refused before it could be decoded and checked (spoofed id, malformed, ...). */
    public synchronized void countRefused(Rejection rejection) {
        refusedByReason.merge(rejection.reason(), 1L, Long::sum);
    }

    // ---- what is known -------------------------------------------------------------------------------------

    public synchronized Optional<Telemetry> telemetry(AssetId device) {
        return Optional.ofNullable(telemetry.get(device));
    }

    public synchronized Optional<SiteStatus> status(AssetId device) {
        return Optional.ofNullable(statuses.get(device));
    }

    public synchronized Optional<DemandReading> demand(EndUserId endUser) {
        return Optional.ofNullable(demand.get(endUser));
    }

    /** Whether the device's site is connected: its latest status is online, or no status is known yet. */
    public synchronized boolean connected(AssetId device) {
        SiteStatus s = statuses.get(device);
        return s == null || s.isOnline();
    }

    /** Values refused by the live rules, by rule. */
    public synchronized Map<Rule, Long> rejectedByRule() {
        return Collections.unmodifiableMap(new EnumMap<>(rejectedByRule));
    }

    /** Messages comm refused, by reason. */
    public synchronized Map<Rejection.Reason, Long> refusedByReason() {
        return Collections.unmodifiableMap(new EnumMap<>(refusedByReason));
    }

    public synchronized long telemetryAccepted() {
        return telemetryAccepted;
    }

    public synchronized long readingsAccepted() {
        return readingsAccepted;
    }

    /** Statuses ignored as stale. */
    public synchronized long staleStatuses() {
        return staleStatuses;
    }

    /** All values refused, by the live rules and by comm. */
    public synchronized long rejectedTotal() {
        return rejectedByRule.values().stream().mapToLong(Long::longValue).sum() + refusedByReason.values().stream().mapToLong(Long::longValue).sum();
    }
}
