package org.gridfleet.ingest.collector;

/**
 * Gathers raw data from one source without judging it: the verifier decides what is valid. Sources that cannot
 * be read at all are reported in {@link CollectedData#problems()}, never thrown.
 */
public interface DataCollector {
    CollectedData collect();
}
