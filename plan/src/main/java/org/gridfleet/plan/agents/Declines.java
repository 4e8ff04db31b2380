package org.gridfleet.plan.agents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.asset.AssetInfo;

/** Collects the agents' declines of one round, interval by interval, and joins consecutive ones into {@link Decline}s. */
final class Declines {
    private final Map<AssetId, Decline.Reason[]> byAsset = new LinkedHashMap<>();
    private final int intervals;

    Declines(int intervals) {
        this.intervals = intervals;
    }

    /** Maintenance or withdrawal, for a device whose availability in {@code t} is {@code share}. */
    static Optional<Decline.Reason> unavailable(AssetInfo info, double share, TimeGrid grid, int t) {
        if (share > 0) {
            return Optional.empty();
        }
        boolean maintained = info.maintenance().stream().anyMatch(w -> w.overlaps(grid.startOf(t), grid.endOf(t)));
        return Optional.of(maintained ? Decline.Reason.MAINTENANCE : Decline.Reason.UNAVAILABLE);
    }

    void add(AssetId asset, int t, Decline.Reason reason) {
        byAsset.computeIfAbsent(asset, a -> new Decline.Reason[intervals])[t] = reason;
    }

    /** Runs of one reason, by asset in the order first seen, then by interval. */
    List<Decline> list() {
        List<Decline> declines = new ArrayList<>();
        byAsset.forEach((asset, reasons) -> {
            int t = 0;
            while (t < intervals) {
                if (reasons[t] == null) {
                    t++;
                    continue;
                }
                int first = t;
                while (t + 1 < intervals && reasons[t + 1] == reasons[first]) {
                    t++;
                }
                declines.add(new Decline(asset, first, t, reasons[first]));
                t++;
            }
        });
        return declines;
    }
}
