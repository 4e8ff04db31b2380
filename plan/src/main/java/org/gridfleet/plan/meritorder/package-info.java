/** The merit-order baseline: commit the cheapest units first, interval by interval, and report where that falls short. */
package org.gridfleet.plan.meritorder;
