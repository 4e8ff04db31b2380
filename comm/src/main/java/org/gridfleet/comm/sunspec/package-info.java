/**
 * SunSpec devices over Modbus TCP: the official model definitions read as data ({@link ModelDefinitions}),
 * a pure codec between a model's registers and named, scaled values ({@link ModelCodec}), discovery of a
 * device's model chain ({@link SunSpecDiscovery}) through register reads that return results instead of
 * throwing ({@link ModbusRegisters}), and a simulated device on loopback ({@link SimulatedSunSpecDevice}).
 * docs/sunspec.md says what is supported.
 */
package org.gridfleet.comm.sunspec;
