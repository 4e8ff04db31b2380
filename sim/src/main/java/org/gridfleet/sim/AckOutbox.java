package org.gridfleet.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.gridfleet.model.control.Ack;

/**
 * The acks a controller produces on its own, after the command's first answer: {@code DONE} when a set point is
 * reached, a late {@code REJECTED} when an accepted command is abandoned (trip, forced outage, maintenance). The
 * communication device drains it after every step and publishes them in order. Thread-safe.
 */
public final class AckOutbox {
    private final ArrayDeque<Ack> acks = new ArrayDeque<>();

    synchronized void add(Ack ack) {
        acks.add(ack);
    }

    /** Takes every ack waiting, oldest first. */
    public synchronized List<Ack> drain() {
        List<Ack> out = new ArrayList<>(acks);
        acks.clear();
        return out;
    }

    public synchronized int size() {
        return acks.size();
    }
}
