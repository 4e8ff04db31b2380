package org.gridfleet.control;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import org.gridfleet.model.AssetId;

/**
 * An operator's hand on one device, until it is returned to the plan (docs/control.md, "Manual overrides"): either
 * held at a set point, which the dispatch takes as fixed while the other devices cover the rest, or taken out of
 * service, left out of the dispatch with a 0 kW set point.
 *
 * @param setpointKw what it is held at, kW, positive into the grid (storage charging negative); empty when out of service
 * @param by         who overrode it (the API token's name)
 * @param note       why, as the operator put it; may be empty
 * @param since      when, on the center's clock
 * @param until      when it lapses by itself and the device returns to the plan; empty: until returned
 */
public record ManualOverride(AssetId device, OptionalDouble setpointKw, String by, String note, Instant since, Optional<Instant> until) {
    public ManualOverride {
        requireNonNull(device, "device");
        requireNonNull(setpointKw, "setpointKw");
        requireNonNull(by, "by");
        requireNonNull(note, "note");
        requireNonNull(since, "since");
        requireNonNull(until, "until");
        if (by.isBlank()) {
            throw new IllegalArgumentException("who overrides a device must be named");
        }
        if (setpointKw.isPresent() && !Double.isFinite(setpointKw.getAsDouble())) {
            throw new IllegalArgumentException("setpointKw must be finite: " + setpointKw.getAsDouble());
        }
        if (until.isPresent() && !until.get().isAfter(since)) {
            throw new IllegalArgumentException("until must be after since (" + since + "): " + until.get());
        }
    }

    /** Whether it is taken out of service rather than held at a set point. */
    public boolean outOfService() {
        return setpointKw.isEmpty();
    }

    /** Whether it has lapsed at {@code now}. */
    public boolean lapsedAt(Instant now) {
        return until.isPresent() && !now.isBefore(until.get());
    }

    /** One line for an alarm, the dispatch's notes or a log: what, who, until when and why. */
    String describe() {
        String what = outOfService() ? "out of service" : String.format(java.util.Locale.ROOT, "held at %.1f kW", setpointKw.getAsDouble());
        return what + " by " + by + " since " + since + until.map(u -> " until " + u).orElse(" until returned") + (note.isEmpty() ? "" : ": " + note);
    }
}
