package org.gridfleet.server.view;

import java.time.Instant;
import java.util.List;

/** The store's history by time range ({@code GET /api/history/...}): {@code from} inclusive, {@code to} exclusive. */
public final class HistoryViews {
    private HistoryViews() {}

    /** A device's telemetry, oldest first. */
    public record Telemetry(String device, Instant from, Instant to, int count, List<TelemetryRow> rows) {}

    /**
     * One report as the store kept it.
     *
     * @param time       the device's own time stamp
     * @param receivedAt when the control center received it
     */
    public record TelemetryRow(Instant time, double powerKw, Double kvar, Double socFraction, String state, Instant receivedAt) {}

    /** The alarms open at some time in the range, oldest first. */
    public record Alarms(Instant from, Instant to, int count, List<AlarmRow> rows) {}

    /** An alarm as the store kept it: {@code kind} as the center names it (lower case), {@code clearedAt} null while open. */
    public record AlarmRow(long id, String kind, String severity, String subject, String message, Instant raisedAt, String acknowledgedBy,
                           Instant acknowledgedAt, Instant clearedAt) {}

    /** The commands valid from a time in the range, of one device ({@code device}) or of all (null), with their acks. */
    public record Commands(String device, Instant from, Instant to, int count, List<CommandRow> rows) {}

    /**
     * A command as the store kept it.
     *
     * @param plan        the plan it carries out, or null for a re-dispatch
     * @param interval    that plan's interval, or null
     * @param redispatch  why the re-dispatch sent it, or null
     * @param sends       1, or more after resends
     */
    public record CommandRow(String id, String device, double setpointKw, Double setpointKvar, Instant validFrom, Instant validUntil,
                             Instant firstSentAt, Instant lastSentAt, int sends, String plan, Integer interval, String redispatch,
                             List<CommandView.AckView> acks) {}
}
