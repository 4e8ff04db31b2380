/** The planning problem: verified data aligned onto the planning time grid, ready for any plan generator. */
package org.gridfleet.model.problem;
