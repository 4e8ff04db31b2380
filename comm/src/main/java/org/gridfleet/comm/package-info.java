/**
 * The communications network between the control center and the sites of its devices: MQTT topics and
 * versioned JSON payloads ({@link org.gridfleet.comm.protocol}), the broker, in-JVM by default
 * ({@link org.gridfleet.comm.broker}), and the two ends of a connection ({@link org.gridfleet.comm.mqtt}).
 * The wire format is specified in docs/comm-protocol.md. SunSpec field devices over Modbus TCP are
 * {@link org.gridfleet.comm.sunspec} (docs/sunspec.md).
 */
package org.gridfleet.comm;
