package org.gridfleet.comm.sunspec;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A group of a model definition: its points in register order, then its child groups. A child group may
 * repeat; {@code count} is a fixed number or the name of a point that holds it.
 *
 * @param name   the group's name
 * @param count  how often it repeats: a number as text ({@code "1"}), or the name of a point of an enclosing
 *               group; {@code "0"} for a repeating group that fills the rest of the model
 * @param points its points, in register order
 * @param groups its child groups, after its points
 */
public record GroupDefinition(String name, String count, List<PointDefinition> points, List<GroupDefinition> groups) {
    public GroupDefinition {
        requireNonNull(name, "name");
        requireNonNull(count, "count");
        points = List.copyOf(points);
        groups = List.copyOf(groups);
    }

    /** Registers one instance of this group takes, with one instance of each fixed child and none of a repeating one. */
    public int fixedRegisters() {
        int sum = points.stream().mapToInt(PointDefinition::registers).sum();
        for (GroupDefinition g : groups) {
            if (g.count().equals("1")) {
                sum += g.fixedRegisters();
            }
        }
        return sum;
    }
}
