/** The evaluator, which judges every generator's plans by the same true costs, energies, emissions and service figures. */
package org.gridfleet.plan.evaluate;
