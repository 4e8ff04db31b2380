/**
 * The data verifier: turns collected data into domain records, rejecting with a reason each record that breaks
 * a rule and keeping every valid one.
 */
package org.gridfleet.ingest.verifier;
