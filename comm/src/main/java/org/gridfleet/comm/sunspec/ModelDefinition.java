package org.gridfleet.comm.sunspec;

import static java.util.Objects.requireNonNull;

/**
 * A SunSpec information model: its id and its top-level group, whose first two points are always the model
 * id ({@code ID}) and the model's length in registers after them ({@code L}).
 *
 * @param id    the model id (1 common, 103 three-phase inverter, 704 DER AC controls, ...)
 * @param label the human name the definition gives
 * @param group the top-level group
 */
public record ModelDefinition(int id, String label, GroupDefinition group) {
    public ModelDefinition {
        requireNonNull(label, "label");
        requireNonNull(group, "group");
        if (id < 1 || id > 0xFFFE) {
            throw new IllegalArgumentException("model id must be within 1..65534: " + id);
        }
        if (group.points().size() < 2 || !group.points().get(0).name().equals("ID")
                || !group.points().get(1).name().equals("L")) {
            throw new IllegalArgumentException("model " + id + ": the first points must be ID and L");
        }
    }

    /** The length the model's {@code L} register holds when no group repeats: all registers after ID and L. */
    public int fixedLength() {
        return group.fixedRegisters() - 2;
    }
}
