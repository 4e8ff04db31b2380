package org.gridfleet.synth;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import org.gridfleet.model.TimeGrid;

/**
 * What synthetic fleet to make: how many devices and end-users, over which horizon, from which seed.
 *
 * <p>The same spec always gives the same fleet, down to the byte of its files.
 *
 * @param name                    name of the plant
 * @param devices                 number of devices, 1..{@value #MAX_DEVICES}; from 9 on, every device type appears
 * @param endUsers                number of end-users, 0..{@value #MAX_END_USERS}
 * @param intervals               number of planning intervals, 1..{@value TimeGrid#MAX_INTERVALS}
 * @param seed                    seed of every random draw
 * @param start                   start of the horizon; the default is local midnight at the campus (UTC−7)
 * @param step                    length of one interval, at least 1 minute
 * @param islanded                true for a plant that can neither import nor export
 * @param reserveFractionOfDemand spinning reserve as a share of demand, 0..1
 */
public record FleetSpec(
        String name,
        int devices,
        int endUsers,
        int intervals,
        long seed,
        Instant start,
        Duration step,
        boolean islanded,
        double reserveFractionOfDemand) {

    /** Midnight of Monday 2026-11-23 at the campus, in Mountain Standard Time (UTC−7). */
    public static final Instant DEFAULT_START = Instant.parse("2026-11-23T07:00:00Z");
    public static final Duration DEFAULT_STEP = Duration.ofMinutes(15);
    public static final double DEFAULT_RESERVE_FRACTION_OF_DEMAND = 0.10;
    public static final String DEFAULT_NAME = "Synthetic fleet";
    public static final int MAX_DEVICES = 100_000;
    public static final int MAX_END_USERS = 1_000_000;

    public FleetSpec {
        requireNonNull(name, "name");
        requireNonNull(start, "start");
        requireNonNull(step, "step");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (devices < 1 || devices > MAX_DEVICES) {
            throw new IllegalArgumentException("devices must be within [1, " + MAX_DEVICES + "]: " + devices);
        }
        if (endUsers < 0 || endUsers > MAX_END_USERS) {
            throw new IllegalArgumentException("endUsers must be within [0, " + MAX_END_USERS + "]: " + endUsers);
        }
        if (!(reserveFractionOfDemand >= 0 && reserveFractionOfDemand <= 1)) {
            throw new IllegalArgumentException("reserveFractionOfDemand must be within [0, 1]: " + reserveFractionOfDemand);
        }
        new TimeGrid(start, step, intervals); // checks step and intervals with the model's own rule
    }

    /** A grid-connected fleet with the default name, start, step and a 10 % reserve. */
    public static FleetSpec of(int devices, int endUsers, int intervals, long seed) {
        return new FleetSpec(DEFAULT_NAME, devices, endUsers, intervals, seed, DEFAULT_START, DEFAULT_STEP, false,
                DEFAULT_RESERVE_FRACTION_OF_DEMAND);
    }

    public FleetSpec withName(String newName) {
        return new FleetSpec(newName, devices, endUsers, intervals, seed, start, step, islanded, reserveFractionOfDemand);
    }

    public FleetSpec withStart(Instant newStart) {
        return new FleetSpec(name, devices, endUsers, intervals, seed, newStart, step, islanded, reserveFractionOfDemand);
    }

    public FleetSpec withStep(Duration newStep) {
        return new FleetSpec(name, devices, endUsers, intervals, seed, start, newStep, islanded, reserveFractionOfDemand);
    }

    public FleetSpec withIslanded(boolean newIslanded) {
        return new FleetSpec(name, devices, endUsers, intervals, seed, start, step, newIslanded, reserveFractionOfDemand);
    }

    public FleetSpec withReserveFractionOfDemand(double fraction) {
        return new FleetSpec(name, devices, endUsers, intervals, seed, start, step, islanded, fraction);
    }

    /** The planning horizon this spec describes. */
    public TimeGrid timeGrid() {
        return new TimeGrid(start, step, intervals);
    }
}
