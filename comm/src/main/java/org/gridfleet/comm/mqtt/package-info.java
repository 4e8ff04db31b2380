/**
 * The two ends of the network over MQTT 5 with the HiveMQ client: {@link org.gridfleet.comm.mqtt.CenterLink}
 * for the control center, {@link org.gridfleet.comm.mqtt.SiteLink} for one device's communication device
 * (with its last will), and {@link org.gridfleet.comm.mqtt.MeterLink} for end-user meters. Each reconnects by
 * itself with exponential backoff and hands its owner decoded messages or counted rejections, never
 * exceptions.
 */
package org.gridfleet.comm.mqtt;
