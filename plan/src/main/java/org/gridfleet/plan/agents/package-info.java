/** The multi-agent plan generator: every device bids for itself, a market agent clears each interval, rounds revise prices. */
package org.gridfleet.plan.agents;
