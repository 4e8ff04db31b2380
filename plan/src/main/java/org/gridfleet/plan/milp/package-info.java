/**
 * The optimal planner: unit commitment and economic dispatch of the whole fleet as one mixed-integer linear
 * program, solved with SCIP through OR-Tools; the formulation is in docs/optimization.md, with the same symbols.
 */
package org.gridfleet.plan.milp;
