/**
 * JMH benchmarks of the planning pipeline on seeded synthetic fleets: ingest (collector → verifier → formatter)
 * and the merit-order plan generator, checker and evaluator. Each benchmark's fleet is written by
 * {@link org.gridfleet.synth.FleetWriter} into a temporary folder once per trial, so only the stage under test is
 * timed. Run them from {@code bench/target/benchmarks.jar}: see {@code bench/README.md}. Beside them, plain programs for
 * what is no JMH operation: {@link org.gridfleet.bench.PlanBench} (the MILP), {@link org.gridfleet.bench.PowerFlowBench}
 * (a day of AC flows) and {@link org.gridfleet.bench.LiveBench} (the live plant over MQTT: a simulated field, the
 * broker and the control center, measured for minutes).
 */
package org.gridfleet.bench;
