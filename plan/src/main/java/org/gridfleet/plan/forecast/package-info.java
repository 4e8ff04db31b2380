/**
 * Probabilistic day-ahead forecasts of photovoltaic output, wind output and end-user demand, learned from history
 * with Tribuo: quantiles per interval, time-correlated scenarios, and their skill against persistence
 * (docs/forecasting.md).
 */
package org.gridfleet.plan.forecast;
