/**
 * The domain of the virtual power plant: identifiers, the planning time grid and per-interval profiles.
 *
 * <p>Units are in names ({@code powerKw}, {@code energyKwh}, {@code priceUsdPerKwh} in the fleet's currency);
 * times are UTC {@link java.time.Instant}s. <b>Sign convention:</b> positive power flows from a device into
 * the grid (generation and storage discharge positive, storage charging negative).
 */
package org.gridfleet.model;
