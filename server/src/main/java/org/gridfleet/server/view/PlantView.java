package org.gridfleet.server.view;

import java.time.Instant;

/**
 * The plant as a whole, now ({@code GET /api/plant}). Powers in kW, positive into the grid; money in {@code currency}.
 *
 * @param time               the control center's clock
 * @param interval           the plan interval in progress (0-based), null outside the plan's horizon
 * @param devicesOnline      devices whose site is connected and that report neither FAULT nor MAINTENANCE
 * @param capacityKw         what the devices online may give in this interval: rating × availability (renewables at most
 *                           their forecast, storage its discharge limit)
 * @param outputKw           the devices' combined output as their latest accepted telemetry reports it
 * @param demandKw           aggregate demand as the dispatch counts it: live readings, the forecast for meters without one
 * @param headroomKw         {@code capacityKw − outputKw}
 * @param reserveRequiredKw  the spinning reserve the fleet's reserve rule asks for at this demand
 * @param plannedOutputKw    what the plan in force has the devices give in this interval
 * @param costSoFar          running cost since the center started (live outputs with the exact cost curves, start-ups, grid)
 * @param plannedCostSoFar   what the plans in force cost over the same span
 * @param costVsPlan         {@code costSoFar − plannedCostSoFar}
 * @param replans            re-plans so far (including plans the operator chose)
 */
public record PlantView(Instant time, String plant, String currency, Integer interval, Instant intervalStart, int devices, int devicesOnline,
                        double capacityKw, double outputKw, double demandKw, double headroomKw, double reserveRequiredKw, double plannedOutputKw,
                        double costSoFar, double plannedCostSoFar, double costVsPlan, int activeAlarms, String planGenerator, String planStatus,
                        int replans, Instant lastDispatchAt) {}
