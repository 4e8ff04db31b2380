/**
 * The linear network model of the optimal planner: a radial feeder seen from its slack bus, LinDistFlow branch flows
 * and bus voltages for given injections, and the network limits (with corrections from an AC power flow) that the
 * MILP respects; docs/optimization.md, "Network constraints (LinDistFlow)".
 */
package org.gridfleet.plan.network;
