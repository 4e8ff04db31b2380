/**
 * The field on the network: a communication device per site over comm's MQTT links, the meters' head-ends, the
 * sites' network that puts communication faults on the wire, and {@link org.gridfleet.sim.site.SimulatedField}, which
 * runs them all at a speed factor against any broker (docs/simulator.md). The physics in {@code org.gridfleet.sim}
 * knows nothing of this package or of comm.
 */
package org.gridfleet.sim.site;
