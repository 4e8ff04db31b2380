/**
 * JMH benchmarks of the planning pipeline on seeded synthetic fleets: ingest (collector → verifier → formatter)
 * and the merit-order plan generator, checker and evaluator. Each benchmark's fleet is written by
 * {@link org.gridfleet.synth.FleetWriter} into a temporary folder once per trial, so only the stage under test is
 * timed. Run them from {@code bench/target/benchmarks.jar}: see {@code bench/README.md}.
 */
package org.gridfleet.bench;
