package org.gridfleet.comm.sunspec;

import java.util.ArrayList;
import java.util.Deque;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each point of a model instance lies: its path and its offset in registers from the model's ID register.
 * A repeating group repeats as often as the model's length allows (SunSpec devices report the length, so the
 * length is the authority, not a count point that could disagree with it).
 */
final class ModelLayout {
    /** A point at its place: the offset counts from the model's ID register; scale is the path of its sunssf, if named. */
    record Slot(String path, PointDefinition point, int offset, Optional<String> scalePath) {
    }

    private final List<Slot> slots;
    private final Map<String, Slot> byPath;
    private final int registers;

    private ModelLayout(List<Slot> slots, int registers) {
        this.slots = List.copyOf(slots);
        this.registers = registers;
        Map<String, Slot> map = new LinkedHashMap<>();
        for (Slot s : slots) {
            map.put(s.path(), s);
        }
        this.byPath = map;
    }

    /** The layout of a model whose L register holds {@code length}; points beyond the length are left out. */
    static ModelLayout of(ModelDefinition model, int length) {
        List<Slot> slots = new ArrayList<>();
        int[] offset = {0};
        place(model.group(), "", new ArrayDeque<>(), slots, offset, length + 2);
        return new ModelLayout(slots, length + 2);
    }

    private static void place(GroupDefinition group, String prefix, Deque<Map<String, String>> scopes,
                              List<Slot> slots, int[] offset, int end) {
        Map<String, String> scope = new LinkedHashMap<>();
        for (PointDefinition p : group.points()) {
            scope.put(p.name(), prefix + p.name());
        }
        scopes.push(scope);
        for (PointDefinition p : group.points()) {
            if (offset[0] + p.registers() > end) {
                break;
            }
            slots.add(new Slot(prefix + p.name(), p, offset[0], p.scaleFactor().filter(sf -> p.fixedScaleFactor().isEmpty())
                    .map(sf -> resolve(sf, scopes))));
            offset[0] += p.registers();
        }
        for (GroupDefinition child : group.groups()) {
            int size = child.fixedRegisters();
            if (child.count().equals("1")) {
                place(child, prefix + child.name() + ".", scopes, slots, offset, end);
            } else {
                int count = child.count().matches("[1-9]\\d*") ? Integer.parseInt(child.count())
                        : size == 0 ? 0 : Math.max(0, (end - offset[0]) / size);
                for (int i = 0; i < count && offset[0] + size <= end; i++) {
                    place(child, prefix + child.name() + "[" + i + "].", scopes, slots, offset, end);
                }
            }
        }
        scopes.pop();
    }

    private static String resolve(String scaleFactor, Deque<Map<String, String>> scopes) {
        for (Map<String, String> scope : scopes) {   // innermost first, as SunSpec looks up scale factors
            String path = scope.get(scaleFactor);
            if (path != null) {
                return path;
            }
        }
        throw new IllegalArgumentException("scale factor " + scaleFactor + " is not a point of this or an enclosing group");
    }

    List<Slot> slots() {
        return slots;
    }

    Optional<Slot> slot(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    /** Registers of the whole instance, ID and L included. */
    int registers() {
        return registers;
    }
}
