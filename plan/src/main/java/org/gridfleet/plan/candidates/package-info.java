/**
 * Candidate plans: one planning run makes several plans (least cost, most revenue, most reliable, most efficient,
 * least emissions, and later stochastic and agent-based ones), judges them with one evaluator and marks the
 * Pareto-efficient ones (docs/selection.md).
 */
package org.gridfleet.plan.candidates;
