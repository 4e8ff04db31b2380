package org.gridfleet.server.view;

import java.time.Instant;

/**
 * One device now ({@code GET /api/devices}). Powers in kW, positive into the grid (storage charging negative).
 *
 * @param kind           generator, renewable or storage
 * @param connected      its site is online (a device without any status yet counts as connected)
 * @param online         connected and reporting neither FAULT nor MAINTENANCE
 * @param state          its latest reported operating state, null before any telemetry
 * @param socFraction    storage: state of charge 0..1 as reported, else null
 * @param telemetryAt    when its latest accepted telemetry was measured
 * @param setpointKw     the set point of its current command, null when none was sent
 * @param plannedKw      what the plan in force has it give in this interval, null outside the horizon or unplanned
 * @param excluded       why it is left out of the dispatch (until the next interval, or out of service until returned), or null
 * @param override       the operator's manual override in force, or null
 */
public record DeviceView(String id, String name, String type, String kind, double ratedKw, boolean connected, boolean online, String state,
                         Double powerKw, Double kvar, Double socFraction, Instant telemetryAt, Double setpointKw, Double plannedKw,
                         String excluded, OverrideView override) {}
