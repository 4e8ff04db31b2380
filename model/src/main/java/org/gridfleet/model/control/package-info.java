/** What crosses the communications network: commands to device controllers, their acknowledgements, and telemetry. */
package org.gridfleet.model.control;
