package org.gridfleet.comm.mqtt;

/** What the broker said about a command the center sent. */
public enum SendResult {
    /** Taken and routed: the site is connected, or its session keeps the command until it reconnects or the command expires. */
    ROUTED,
    /** Taken, but no site subscribes to the device's command topic: the site has never connected, or closed its session. */
    NO_SUBSCRIBER
}
