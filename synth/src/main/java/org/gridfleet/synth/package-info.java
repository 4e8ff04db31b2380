/** Seeded synthetic fleets (devices, end-users, a radial feeder, demand, forecasts, prices) and their fleet files. */
package org.gridfleet.synth;
