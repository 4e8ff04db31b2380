/** The communications network between the control center and the sites of its devices. */
package org.gridfleet.comm;
