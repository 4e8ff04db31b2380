package org.gridfleet.plan.io;

import java.math.BigDecimal;
import java.util.List;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.plan.DeviceSchedule;
import org.gridfleet.model.plan.DispatchPlan;

/**
 * A plan's schedules as CSV, in the conventions of the fleet's own series (docs/fleet-format.md): comma-separated,
 * a header row, ids unescaped, ISO-8601 UTC times, numbers in plain decimal notation (the shortest that reads back
 * to the same double), lines ending in {@code \n}.
 *
 * <ul>
 *   <li>{@link #setPoints}: {@code time,<assetId>,...,importKw,exportKw}, one row per interval, {@code time} the
 *       interval's start (interval-beginning: the set point holds until the next row); set points in kW, positive
 *       into the grid, storage charging negative; devices in the plan's order.</li>
 *   <li>{@link #stateOfCharge}: {@code time,<storageId>,...}, one row per interval, {@code time} the interval's
 *       <em>end</em>, because a state of charge is a state at an instant; fractions 0..1. Only storage appears.</li>
 * </ul>
 */
public final class ScheduleCsv {
    private ScheduleCsv() {}

    public static String setPoints(DispatchPlan plan) {
        TimeGrid grid = plan.grid();
        StringBuilder csv = new StringBuilder("time");
        for (DeviceSchedule s : plan.schedules()) {
            csv.append(',').append(s.asset().value());
        }
        csv.append(",importKw,exportKw\n");
        for (int t = 0; t < grid.intervals(); t++) {
            csv.append(grid.startOf(t));
            for (DeviceSchedule s : plan.schedules()) {
                csv.append(',').append(number(s.powerKw().get(t)));
            }
            csv.append(',').append(number(plan.importKw().get(t)));
            csv.append(',').append(number(plan.exportKw().get(t))).append('\n');
        }
        return csv.toString();
    }

    public static String stateOfCharge(DispatchPlan plan) {
        TimeGrid grid = plan.grid();
        List<DeviceSchedule> stores = plan.schedules().stream().filter(s -> s.socFraction().size() > 0).toList();
        StringBuilder csv = new StringBuilder("time");
        for (DeviceSchedule s : stores) {
            csv.append(',').append(s.asset().value());
        }
        csv.append('\n');
        for (int t = 0; t < grid.intervals(); t++) {
            csv.append(grid.endOf(t));
            for (DeviceSchedule s : stores) {
                csv.append(',').append(number(s.socFraction().get(t)));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /** Plain decimal, no exponent, no trailing zeros: 250, 0.5, 0.0001. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
