/** The data formatter: aligns verified data onto the planning time grid and builds the planning problem. */
package org.gridfleet.ingest.formatter;
