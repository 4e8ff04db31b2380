/**
 * The evaluator, which judges every generator's plans by the same true costs, energies, emissions and service
 * figures, and through its assessors the network and reliability.
 */
package org.gridfleet.plan.evaluate;
