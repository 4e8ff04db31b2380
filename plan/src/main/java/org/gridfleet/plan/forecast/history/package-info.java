/**
 * A seeded synthetic history of weather, day-ahead weather forecasts and measured output and demand at one site, for
 * tests and demos where no real history is at hand (docs/forecasting.md).
 */
package org.gridfleet.plan.forecast.history;
