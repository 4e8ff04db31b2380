/** Plan files: dispatch plans (and their metrics) as versioned JSON that reads back equal, and per-device CSV schedules. */
package org.gridfleet.plan.io;
