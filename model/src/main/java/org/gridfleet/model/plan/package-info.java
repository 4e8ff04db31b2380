/** Dispatch plans: per device and interval the set point, commitment and state of charge, and how the plan came about. */
package org.gridfleet.model.plan;
