package org.gridfleet.ingest.verifier;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridfleet.model.Sample;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.fleet.EndUser;

/**
 * What passed the verifier: records that broke no rule, series of valid samples in rising time order, and the
 * gaps those series have inside the horizon.
 *
 * @param settings empty when the plant-wide part was unusable (no valid horizon): nothing can be planned then
 */
public record VerifiedData(
        Optional<FleetSettings> settings,
        List<Asset> assets,
        List<EndUser> endUsers,
        Map<SeriesKey, List<Sample>> series,
        List<Gap> gaps) {

    public VerifiedData {
        requireNonNull(settings, "settings");
        assets = List.copyOf(assets);
        endUsers = List.copyOf(endUsers);
        series = Collections.unmodifiableMap(new HashMap<>(series)); // not Map.copyOf: see PlanningProblem
        gaps = List.copyOf(gaps);
    }

    public List<Sample> series(SeriesKey key) {
        return series.getOrDefault(key, List.of());
    }
}
