package org.gridfleet.comm.sunspec;

import java.util.List;

/**
 * What a device offers that we can use, and what we skip and why: the answer to "why is this inverter not
 * doing what the center asks" that a log line or an operator can read.
 *
 * @param supported the ids of the models we know and will read, in chain order
 * @param skipped   the models we skip, each with its reason (unknown model, length we cannot read)
 */
public record CapabilityReport(List<Integer> supported, List<Skipped> skipped) {
    public CapabilityReport {
        supported = List.copyOf(supported);
        skipped = List.copyOf(skipped);
    }

    /** A model we skip. */
    public record Skipped(int id, int address, String reason) {
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("SunSpec models supported: " + supported);
        for (Skipped k : skipped) {
            s.append("; skipped model ").append(k.id()).append(" at ").append(k.address()).append(": ").append(k.reason());
        }
        return s.toString();
    }
}
