package org.gridfleet.server.view;

import java.util.List;

/** The alarm board: every active alarm, oldest first, and the most recent ones of the run, active or cleared, newest first. */
public record AlarmsView(List<AlarmView> active, List<AlarmView> recent, int total) {}
