package org.gridfleet.model.fleet;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.gridfleet.model.BusId;

/**
 * The electrical network that devices and end-users hang on: buses, lines and transformers, with the substation
 * (point of common coupling) as slack bus held at {@code slackVoltagePu}. Empty when a fleet gives none.
 */
public record Network(List<Bus> buses, List<Line> lines, List<Transformer> transformers, Optional<BusId> slackBus, double slackVoltagePu) {
    public static final Network NONE = new Network(List.of(), List.of(), Optional.empty());

    public Network {
        buses = List.copyOf(buses);
        lines = List.copyOf(lines);
        transformers = List.copyOf(transformers);
        java.util.Objects.requireNonNull(slackBus, "slackBus");
        if (!(slackVoltagePu >= 0.8 && slackVoltagePu <= 1.2)) {
            throw new IllegalArgumentException("slackVoltagePu must be within [0.8, 1.2]: " + slackVoltagePu);
        }
    }

    /** Lines only, slack at 1 pu. */
    public Network(List<Bus> buses, List<Line> lines, Optional<BusId> slackBus) {
        this(buses, lines, List.of(), slackBus, 1.0);
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
