/**
 * The central control center: it executes the selected plan interval by interval, re-dispatches fast on events
 * (a trip, a site offline, a rejected command, demand off its forecast), tracks every command to its answer,
 * raises alarms, and re-plans the rest of the horizon when the day departs far from the plan (docs/control.md).
 */
package org.gridfleet.control;
