package org.gridfleet.comm.mqtt;

import org.gridfleet.comm.protocol.DemandReading;
import org.gridfleet.comm.protocol.Rejection;
import org.gridfleet.comm.protocol.SiteStatus;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.Telemetry;

/**
 * What the control center receives, decoded and checked (the id in each payload is the id in its topic).
 * Called on the network's thread: return quickly. An exception is caught and counted, never passed back.
 */
public interface CenterHandler {
    default void telemetry(Telemetry telemetry) {}

    default void ack(Ack ack) {}

    /** A site's status; a retained one arrives right after connecting, for every site the broker knows. */
    default void status(SiteStatus status) {}

    default void demand(DemandReading reading) {}

    /** A refused message, already counted in {@link CenterLink#counters()}. */
    default void rejected(Rejection rejection) {}
}
