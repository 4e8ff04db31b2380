package org.gridfleet.model.fleet;

/** The kind of end-user, which shapes its demand profile. */
public enum CustomerClass {
    RESIDENTIAL, COMMERCIAL, INDUSTRIAL
}
