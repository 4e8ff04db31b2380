package org.gridfleet.control;

/**
 * Told of everything the control center observes and decides ({@link ControlEvent}), in order, for persistence and
 * the dashboard. Called with the center's lock held, on the thread that caused the event (the network's, or the
 * clock's): return quickly and hand heavy work elsewhere. An exception is logged and otherwise ignored; it never
 * stops the control loop.
 */
@FunctionalInterface
public interface ControlListener {
    ControlListener NONE = event -> {};

    void on(ControlEvent event);
}
