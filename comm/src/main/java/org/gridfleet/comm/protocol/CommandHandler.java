package org.gridfleet.comm.protocol;

/** A device controller's side of the command topic: decides on each new command. */
@FunctionalInterface
public interface CommandHandler {
    /**
     * Decides on a command for this device that is new (never seen under its id) and not yet expired. Called
     * once per command id, on the network's thread: decide quickly and carry the command out elsewhere.
     */
    CommandDecision decide(DeviceCommand command);
}
