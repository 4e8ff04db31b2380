package org.gridfleet.control;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridfleet.comm.protocol.Rejection;
import org.gridfleet.ingest.Rule;

/**
 * What the control center did in its run so far. Energies are integrated from the live values between the center's
 * ticks (each value held until the next tick); money is in the fleet's currency.
 *
 * @param demandKwh         aggregate demand: live readings, the forecast for meters without one
 * @param deviceOutputKwh   the devices' combined output as their telemetry reported it
 * @param servedKwh         demand covered by the devices and the import the dispatch scheduled
 * @param unservedKwh       demand covered by neither
 * @param devicesShortKwh   demand the devices' own output did not cover (whether or not import did)
 * @param cost              running cost of the live outputs with the exact cost curves, start-ups seen in telemetry,
 *                          and the scheduled grid exchange
 * @param plannedCost       what the plans in force cost over the same span, counted the same way
 * @param commandsSent      commands this center sent (resends not counted again)
 * @param commandsResumed   commands the center before a restart sent that this one took over ({@link ResumeState});
 *                          their answers before the restart are in that center's report
 * @param replans           re-plans of the rest of the horizon, with why
 * @param alarms            every alarm raised in the run, as it stands now
 */
public record ControlReport(Instant from, Instant to, String currency, double demandKwh, double deviceOutputKwh, double servedKwh,
                            double unservedKwh, double devicesShortKwh, double cost, double plannedCost, int commandsSent, int commandsResumed, int resends,
                            int commandsAccepted, int commandsDone, int commandsRejected, int commandsUnanswered, int duplicateAcks,
                            int lateAcks, int unknownAcks, long telemetryAccepted, long readingsAccepted, Map<Rule, Long> rejectedByRule,
                            Map<Rejection.Reason, Long> refusedByComm, int redispatchCount, List<Redispatch> redispatches,
                            List<Replan> replans, List<Alarm> alarms) {
    public ControlReport {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        requireNonNull(currency, "currency");
        rejectedByRule = Map.copyOf(rejectedByRule);
        refusedByComm = Map.copyOf(refusedByComm);
        redispatches = List.copyOf(redispatches);
        replans = List.copyOf(replans);
        alarms = List.copyOf(alarms);
    }

    /** The report for a person, one figure a line. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append("control center ").append(from).append(" .. ").append(to).append('\n');
        b.append(String.format(Locale.ROOT, "  demand %.1f kWh, devices gave %.1f kWh, served %.1f kWh, unserved %.1f kWh (devices short %.1f kWh)%n",
                demandKwh, deviceOutputKwh, servedKwh, unservedKwh, devicesShortKwh));
        b.append(String.format(Locale.ROOT, "  cost %.2f %s against %.2f %s planned for the same span (%+.2f)%n", cost, currency, plannedCost, currency,
                cost - plannedCost));
        if (commandsResumed > 0) {
            b.append(String.format(Locale.ROOT, "  resumed: %d commands taken over from the center before the restart%n", commandsResumed));
        }
        b.append(String.format(Locale.ROOT, "  commands: %d sent (%d resent), %d accepted, %d done, %d rejected, %d unanswered; acks: %d duplicate,"
                + " %d late, %d unknown%n", commandsSent, resends, commandsAccepted, commandsDone, commandsRejected, commandsUnanswered, duplicateAcks,
                lateAcks, unknownAcks));
        b.append(String.format(Locale.ROOT, "  telemetry accepted %d, readings accepted %d, refused by rule %s, refused by comm %s%n",
                telemetryAccepted, readingsAccepted, rejectedByRule, refusedByComm));
        b.append("  re-dispatches: ").append(redispatchCount).append('\n');
        for (Redispatch r : redispatches.subList(Math.max(0, redispatches.size() - 20), redispatches.size())) {
            b.append(String.format(Locale.ROOT, "    %s demand %.1f kW, devices %.1f kW%s, %d commands: %s%n", r.time(), r.demandKw(), r.result().devicesKw(),
                    r.result().meetsDemand() ? "" : String.format(Locale.ROOT, " (short %.1f kW)", r.result().shortKw()), r.commandsSent(), r.causes()));
        }
        for (Replan r : replans) {
            b.append("  re-planned at ").append(r.time()).append(" (").append(r.reason()).append("): ").append(r.why()).append('\n');
        }
        for (Alarm a : alarms) {
            b.append("  alarm ").append(a.raisedAt()).append(a.active() ? " (active) " : " (cleared " + a.clearedAt().orElseThrow() + ") ")
                    .append(a.line()).append('\n');
        }
        return b.toString();
    }
}
