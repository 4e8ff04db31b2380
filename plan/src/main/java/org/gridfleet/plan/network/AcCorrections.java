package org.gridfleet.plan.network;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridfleet.model.BusId;
import org.gridfleet.model.Profile;

/**
 * What an AC power flow of the last plan found that the linear model (LinDistFlow) does not: each one AC minus
 * linear, per interval, all optional (absent = 0).
 *
 * @param lossesKw        active losses of the whole network per interval, kW ≥ 0: the plant's output must cover
 *                        demand plus these (docs/optimization.md)
 * @param voltageOffsetPu per bus, {@code V_AC − V_linear} in pu, added to the linear voltage before it is held
 *                        within the limits
 * @param branchKwOffset  per branch id, {@code P_AC − P_linear} at the branch's sending (parent) end, kW, added to
 *                        the linear flow before the rating is applied
 * @param branchKvarOffset per branch id, {@code Q_AC − Q_linear} at the sending end, kvar
 */
public record AcCorrections(Optional<Profile> lossesKw, Map<BusId, Profile> voltageOffsetPu, Map<String, Profile> branchKwOffset,
                            Map<String, Profile> branchKvarOffset) {
    /** No corrections: the linear model alone. */
    public static final AcCorrections NONE = new AcCorrections(Optional.empty(), Map.of(), Map.of(), Map.of());

    public AcCorrections {
        requireNonNull(lossesKw, "lossesKw");
        voltageOffsetPu = Map.copyOf(voltageOffsetPu);
        branchKwOffset = Map.copyOf(branchKwOffset);
        branchKvarOffset = Map.copyOf(branchKvarOffset);
        lossesKw.ifPresent(losses -> {
            if (losses.size() > 0 && losses.min() < 0) {
                throw new IllegalArgumentException("lossesKw must be >= 0 in every interval: " + losses);
            }
        });
    }

    /** Losses in interval {@code t}, kW; 0 when none are given. */
    public double lossesKw(int t) {
        return lossesKw.map(p -> p.get(t)).orElse(0.0);
    }

    /** {@code V_AC − V_linear} at {@code bus} in interval {@code t}, pu; 0 when none is given. */
    public double voltageOffsetPu(BusId bus, int t) {
        Profile offset = voltageOffsetPu.get(bus);
        return offset == null ? 0 : offset.get(t);
    }

    /** {@code P_AC − P_linear} at the sending end of branch {@code id} in interval {@code t}, kW; 0 when none is given. */
    public double branchKwOffset(String id, int t) {
        Profile offset = branchKwOffset.get(id);
        return offset == null ? 0 : offset.get(t);
    }

    /** {@code Q_AC − Q_linear} at the sending end of branch {@code id} in interval {@code t}, kvar; 0 when none is given. */
    public double branchKvarOffset(String id, int t) {
        Profile offset = branchKvarOffset.get(id);
        return offset == null ? 0 : offset.get(t);
    }

    /**
     * Checks that every correction names a bus or branch of {@code feeder} and has one value per interval.
     *
     * @throws IllegalArgumentException naming the first that does not
     */
    public void requireFits(RadialFeeder feeder, int intervals) {
        lossesKw.ifPresent(losses -> requireSize(losses, intervals, "lossesKw"));
        voltageOffsetPu.forEach((bus, offset) -> {
            if (!feeder.hasBus(bus)) {
                throw new IllegalArgumentException("voltageOffsetPu names bus " + bus + ", which the network does not have");
            }
            requireSize(offset, intervals, "voltageOffsetPu of bus " + bus);
        });
        for (var offsets : List.of(Map.entry("branchKwOffset", branchKwOffset), Map.entry("branchKvarOffset", branchKvarOffset))) {
            offsets.getValue().forEach((id, offset) -> {
                if (feeder.branch(id).isEmpty()) {
                    throw new IllegalArgumentException(offsets.getKey() + " names branch " + id + ", which the network does not have");
                }
                requireSize(offset, intervals, offsets.getKey() + " of branch " + id);
            });
        }
    }

    private static void requireSize(Profile profile, int intervals, String what) {
        if (profile.size() != intervals) {
            throw new IllegalArgumentException(what + " must have one value per interval (" + intervals + "): " + profile.size());
        }
    }

    /** Corrections for a horizon of {@code intervals}, set value by value. */
    public static Builder builder(int intervals) {
        return new Builder(intervals);
    }

    /** Collects corrections value by value; unset values are 0. */
    public static final class Builder {
        private final int intervals;
        private double[] lossesKw;
        private final Map<BusId, double[]> voltage = new HashMap<>();
        private final Map<String, double[]> kw = new HashMap<>();
        private final Map<String, double[]> kvar = new HashMap<>();

        private Builder(int intervals) {
            if (intervals < 1) {
                throw new IllegalArgumentException("intervals must be >= 1: " + intervals);
            }
            this.intervals = intervals;
        }

        /** The network's active losses in interval {@code t}, kW. */
        public Builder losses(int t, double kw) {
            if (lossesKw == null) {
                lossesKw = new double[intervals];
            }
            lossesKw[t] = kw;
            return this;
        }

        /** {@code V_AC − V_linear} at {@code bus} in interval {@code t}, pu. */
        public Builder voltageOffset(BusId bus, int t, double pu) {
            voltage.computeIfAbsent(bus, b -> new double[intervals])[t] = pu;
            return this;
        }

        /** {@code P_AC − P_linear} and {@code Q_AC − Q_linear} at the sending end of branch {@code id} in interval {@code t}. */
        public Builder branchOffset(String id, int t, double kwOffset, double kvarOffset) {
            kw.computeIfAbsent(id, b -> new double[intervals])[t] = kwOffset;
            kvar.computeIfAbsent(id, b -> new double[intervals])[t] = kvarOffset;
            return this;
        }

        public AcCorrections build() {
            return new AcCorrections(lossesKw == null ? Optional.empty() : Optional.of(Profile.of(lossesKw)), profiles(voltage),
                    profiles(kw), profiles(kvar));
        }

        private static <K> Map<K, Profile> profiles(Map<K, double[]> values) {
            Map<K, Profile> profiles = new HashMap<>();
            values.forEach((key, array) -> profiles.put(key, Profile.of(array)));
            return profiles;
        }
    }
}
