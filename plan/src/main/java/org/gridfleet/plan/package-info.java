/** Plan generators turn a planning problem into dispatch plans, behind the one {@link org.gridfleet.plan.PlanGenerator} interface. */
package org.gridfleet.plan;
