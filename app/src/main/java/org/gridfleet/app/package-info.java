/** The gridfleet command line: each subcommand wires the modules together with plain {@code new}. */
package org.gridfleet.app;
