/**
 * The field side of the plant, simulated: device controllers with their physics, end-user meters, forced
 * outages and fault injection, stepped in simulated time ({@link org.gridfleet.sim.Field}); see docs/simulator.md.
 * No networking here: a communication device (module {@code comm}) relays commands to
 * {@link org.gridfleet.sim.DeviceController#accept} and publishes {@code telemetry}, acks and meter readings.
 */
package org.gridfleet.sim;
