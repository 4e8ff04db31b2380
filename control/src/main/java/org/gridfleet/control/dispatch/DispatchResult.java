package org.gridfleet.control.dispatch;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridfleet.model.AssetId;

/**
 * The set points of one dispatch and what they add up to. Powers in kW, positive into the grid.
 *
 * @param setpointsKw every offered device's set point, in the request's order (generators, renewables, stores, held);
 *                    0 for a generator that is not to run
 * @param started     generators the plan does not run that this dispatch starts, cheapest first
 * @param starting    generators told to run that give nothing before the horizon ends (their start-up is longer):
 *                    the plan's, or started here for later; their set point is their minimum stable power and counts
 *                    in none of the sums below
 * @param requiredKw  demand plus the plan's losses
 * @param devicesKw   the devices' combined output at these set points
 * @param capacityKw  the most the offered devices could give together by the horizon's end (committed and startable
 *                    generators at what their ramps and start-ups let them reach, renewables at what is available,
 *                    stores at their discharge limit)
 * @param shortKw     by how much the devices fall short of {@code requiredKw}: 0 whenever the fleet can deliver it
 * @param lastingShortKw what would still be short once every generator told to run has started and ramped to its
 *                    capacity, stores back at their plan: the part of {@code shortKw} that ramping and starting do not fix
 * @param unservedKw  what neither the devices nor import cover
 * @param spillKw     what the devices must give beyond demand and that nothing takes (minimum stable power, a
 *                    non-curtailable renewable)
 * @param costPerHour generators' running cost (with the linearised curves), renewables' and generators' O&amp;M, import at
 *                    the tariff less export at the sale price, per hour
 * @param solves      linear programs solved (1, plus one per round of starts)
 * @param solveTime   wall time of building and solving them
 */
public record DispatchResult(Map<AssetId, Double> setpointsKw, List<AssetId> started, List<AssetId> starting, double requiredKw,
                             double devicesKw, double capacityKw, double importKw, double exportKw, double shortKw, double lastingShortKw,
                             double unservedKw, double spillKw, double costPerHour, int solves, Duration solveTime) {
    /** Demand counts as met within this many kW. */
    public static final double TOLERANCE_KW = 1e-3;

    public DispatchResult {
        setpointsKw = Collections.unmodifiableMap(new LinkedHashMap<>(setpointsKw));
        started = List.copyOf(started);
        starting = List.copyOf(starting);
        requireNonNull(solveTime, "solveTime");
    }

    /** Whether the devices cover demand and losses. */
    public boolean meetsDemand() {
        return shortKw <= TOLERANCE_KW;
    }

    public double setpointKw(AssetId device) {
        Double kw = setpointsKw.get(device);
        if (kw == null) {
            throw new IllegalArgumentException("device " + device + " was not dispatched");
        }
        return kw;
    }
}
