/**
 * What crosses the network, independent of the transport: topic names, message kinds with their QoS, the
 * versioned JSON codec whose decoding never throws but returns a {@link org.gridfleet.comm.protocol.Rejection}
 * with a reason, and the site-side rules that make a resent command harmless.
 */
package org.gridfleet.comm.protocol;
