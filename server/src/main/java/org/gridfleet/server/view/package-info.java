/** The API's JSON bodies as records: what a client sees, units in the field names, times as ISO-8601 UTC strings. */
package org.gridfleet.server.view;
