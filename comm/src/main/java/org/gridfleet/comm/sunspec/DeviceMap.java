package org.gridfleet.comm.sunspec;

import java.util.List;
import java.util.Optional;

/**
 * What discovery found on a device: where its SunSpec map starts, its models in order, and what we can and
 * cannot do with them.
 *
 * @param baseAddress the 0-based address of the "SunS" marker (40000, 0 or 50000)
 * @param models      the model chain, without the end marker
 * @param report      the capability report
 */
public record DeviceMap(int baseAddress, List<ModelLocation> models, CapabilityReport report) {
    public DeviceMap {
        models = List.copyOf(models);
    }

    /** The first instance of a model, if the device has it and we know it. */
    public Optional<ModelLocation> model(int id) {
        return models.stream().filter(m -> m.id() == id && m.definition().isPresent()).findFirst();
    }
}
