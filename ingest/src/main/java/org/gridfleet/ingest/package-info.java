/**
 * The planning pipeline's front: {@link org.gridfleet.ingest.collector.DataCollector} gathers raw data,
 * {@link org.gridfleet.ingest.verifier.DataVerifier} checks it and says what it rejected and why, and
 * {@link org.gridfleet.ingest.formatter.DataFormatter} turns verified data into a planning problem.
 */
package org.gridfleet.ingest;
