/**
 * Planning for an uncertain day: the stochastic plan generator sizes each interval's spinning reserve to a target
 * loss-of-load probability against sampled outages and forecast errors, and out-of-sample scenarios compare its
 * plans with the deterministic ones on expected cost and unserved energy (docs/optimization.md, "Stochastic plans").
 */
package org.gridfleet.plan.stochastic;
