package org.gridfleet.server.view;

import java.time.Instant;

/**
 * An operator's manual override of a device.
 *
 * @param mode       {@code hold} (held at {@code setpointKw}) or {@code out_of_service}
 * @param setpointKw what it is held at, kW (positive into the grid); null when out of service
 * @param by         the token name that overrode it
 * @param until      when it lapses by itself; null: until returned
 */
public record OverrideView(String mode, Double setpointKw, String by, String note, Instant since, Instant until) {}
