/**
 * The MQTT broker: an in-JVM HiveMQ Community Edition on the loopback interface by default, or an external
 * broker (such as Mosquitto) named by a {@code tcp://host:port} address.
 */
package org.gridfleet.comm.broker;
