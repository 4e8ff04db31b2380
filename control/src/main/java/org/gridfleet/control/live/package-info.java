/** The control center's live picture of the plant, built only from telemetry, statuses and meter readings that pass verification. */
package org.gridfleet.control.live;
