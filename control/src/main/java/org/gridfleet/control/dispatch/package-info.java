/** The single-interval economic dispatch around a plan's commitment: a linear program solved with GLOP through OR-Tools. */
package org.gridfleet.control.dispatch;
