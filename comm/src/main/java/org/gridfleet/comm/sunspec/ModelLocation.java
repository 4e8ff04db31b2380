package org.gridfleet.comm.sunspec;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One model instance in a device's chain.
 *
 * @param id         the model id the device reports
 * @param address    the 0-based register address of its ID register
 * @param length     its L register: registers after ID and L
 * @param definition our definition of it, or empty for a model we do not know
 */
public record ModelLocation(int id, int address, int length, Optional<ModelDefinition> definition) {
    public ModelLocation {
        requireNonNull(definition, "definition");
    }
}
