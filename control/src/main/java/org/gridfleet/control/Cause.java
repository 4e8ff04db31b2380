package org.gridfleet.control;

import static java.util.Objects.requireNonNull;

/**
 * Why the center re-dispatched: the event and what it was about.
 *
 * @param subject the device or end-user, or {@code plant}
 * @param detail  what happened, for a person
 */
public record Cause(Trigger trigger, String subject, String detail) {
    /** The events on which the center re-dispatches. */
    public enum Trigger {
        /** The center's first dispatch of its run. */
        START,
        /** A new interval of the plan began. */
        INTERVAL_START,
        /** A device reports FAULT or MAINTENANCE. */
        DEVICE_DOWN,
        /** A device that reported FAULT or MAINTENANCE reports otherwise again. */
        DEVICE_BACK,
        /** A device's site went offline or was lost. */
        SITE_OFFLINE,
        /** A device's site is online again. */
        SITE_ONLINE,
        /** A device rejected its current command. */
        COMMAND_REJECTED,
        /** A device answered neither a command nor its resend. */
        NO_ACK,
        /** Live demand departs from the demand the set points in force were made for by more than the threshold. */
        DEMAND_DEVIATION,
        /** The rest of the horizon was re-planned. */
        REPLANNED,
        /** An operator held a device at a set point or took it out of service. */
        OVERRIDE,
        /** A device's manual override ended (returned by an operator, or lapsed): back to the plan. */
        OVERRIDE_ENDED
    }

    public Cause {
        requireNonNull(trigger, "trigger");
        requireNonNull(subject, "subject");
        requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return trigger + " " + subject + (detail.isEmpty() ? "" : ": " + detail);
    }
}
