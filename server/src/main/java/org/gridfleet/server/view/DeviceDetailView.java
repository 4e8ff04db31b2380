package org.gridfleet.server.view;

/** One device with its current command and its acks ({@code GET /api/devices/{id}}); {@code command} null when none was sent. */
public record DeviceDetailView(DeviceView device, CommandView command) {}
