/** Shared test fixtures: named tolerances, concise asset builders, small hand-drawn fleets and seeded random problems. */
package org.gridfleet.testkit;
