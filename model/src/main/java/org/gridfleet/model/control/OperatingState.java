package org.gridfleet.model.control;

/** What a device reports it is doing. */
public enum OperatingState {
    RUNNING, STARTING, STOPPED, FAULT, MAINTENANCE
}
