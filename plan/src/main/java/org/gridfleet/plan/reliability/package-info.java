/**
 * Monte Carlo reliability of a dispatch plan: forced outages and forecast errors sampled with a seed, loss of load
 * and expected energy not served with their confidence intervals (docs/selection.md, docs/validation.md).
 */
package org.gridfleet.plan.reliability;
