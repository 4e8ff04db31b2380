/** What surrounds the devices: end-users and their buses, the network, the grid connection and reserve rules. */
package org.gridfleet.model.fleet;
