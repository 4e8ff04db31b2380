/** The data collector: gathers what is known about every resource from its sources, uninterpreted. */
package org.gridfleet.ingest.collector;
