/** An independent checker that recomputes a plan's physics from the problem and lists every rule the plan breaks. */
package org.gridfleet.plan.check;
