package org.gridfleet.sim;

/** What keeps a device from its set point right now, as a dashboard would show it. */
public enum Limit {
    /** Nothing: it is at its set point (or its safe default). */
    NONE("at its set point"),
    /** A generator moving toward its set point at its ramp rate. */
    RAMPING("ramping toward its set point"),
    /** A generator between its start command and its minimum stable power. */
    STARTING_UP("starting up"),
    /** A generator asked to stop, held at its minimum stable power until its minimum up time has passed. */
    MIN_UP_TIME("held on by its minimum up time"),
    /** A generator asked to start, kept off until its minimum down time has passed. */
    MIN_DOWN_TIME("kept off by its minimum down time"),
    /** An emergency generator whose permitted running hours for the year are used up. */
    RUN_HOURS("run-hour limit used up"),
    /** A renewable whose weather gives less than its set point. */
    WEATHER("weather gives less than the set point"),
    /** A renewable that cannot be curtailed, giving more than its set point. */
    NOT_CURTAILABLE("not curtailable: gives all the weather allows"),
    /** Storage at its minimum state of charge, asked to discharge. */
    EMPTY("at its minimum state of charge"),
    /** Storage at its maximum state of charge, asked to charge. */
    FULL("at its maximum state of charge"),
    /** A random forced outage, until repaired. */
    FORCED_OUTAGE("forced outage"),
    /** Tripped by fault injection, until repaired. */
    TRIPPED("tripped"),
    /** Within a planned maintenance window. */
    MAINTENANCE("planned maintenance");

    private final String description;

    Limit(String description) {
        this.description = description;
    }

    /** For people: "held on by its minimum up time". */
    public String description() {
        return description;
    }
}
