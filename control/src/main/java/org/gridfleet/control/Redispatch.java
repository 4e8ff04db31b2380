package org.gridfleet.control;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.gridfleet.control.dispatch.DispatchResult;

/**
 * One dispatch of the center: when, why, on what demand, with which answer, and how many commands it sent.
 *
 * @param intervalStart     the start of the plan interval it dispatched
 * @param causes            why, in the order the events came (several events between two ticks make one dispatch)
 * @param demandKw          the aggregate demand it covered: live readings, and the forecast for meters without one
 * @param metersOnForecast  end-users without a reading in this interval, whose forecast stood in
 * @param notes             what else it had to assume (forecast renewables, planned state of charge, ...)
 * @param commandsSent      commands sent for it (devices whose set point changed beyond the deadband, or without a
 *                          command in force)
 */
public record Redispatch(Instant time, Instant intervalStart, List<Cause> causes, double demandKw, int metersOnForecast, List<String> notes,
                         DispatchResult result, int commandsSent) {
    public Redispatch {
        requireNonNull(time, "time");
        requireNonNull(intervalStart, "intervalStart");
        causes = List.copyOf(causes);
        notes = List.copyOf(notes);
        requireNonNull(result, "result");
    }

    /** Whether any of its causes is {@code trigger}. */
    public boolean hasCause(Cause.Trigger trigger) {
        return causes.stream().anyMatch(c -> c.trigger() == trigger);
    }
}
