package org.gridfleet.server.view;

import java.time.Instant;

/**
 * An alarm ({@code GET /api/alarms}).
 *
 * @param subject          a device id, or {@code plant}
 * @param missingKw        for demand-not-met: by how much the devices fall short, else null
 * @param clearedAt        null while active
 * @param acknowledgedBy   the token name that acknowledged it, null before
 */
public record AlarmView(long id, String kind, String severity, String subject, String message, Double missingKw, Instant raisedAt,
                        Instant clearedAt, boolean active, String acknowledgedBy, Instant acknowledgedAt) {}
