package org.gridfleet.model.fleet;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.gridfleet.model.BusId;

/**
 * The electrical network that devices and end-users hang on: buses and lines, with the substation (point of
 * common coupling) as slack bus. Empty when a fleet gives none; power flow comes with a later module.
 */
public record Network(List<Bus> buses, List<Line> lines, Optional<BusId> slackBus) {
    public static final Network NONE = new Network(List.of(), List.of(), Optional.empty());

    public Network {
        buses = List.copyOf(buses);
        lines = List.copyOf(lines);
        java.util.Objects.requireNonNull(slackBus, "slackBus");
    }

    public boolean isEmpty() {
        return buses.isEmpty();
    }

    /** The ids of all buses, for lookups: build it once, not per device. */
    public Set<BusId> busIds() {
        Set<BusId> ids = new HashSet<>();
        buses.forEach(b -> ids.add(b.id()));
        return ids;
    }
}
