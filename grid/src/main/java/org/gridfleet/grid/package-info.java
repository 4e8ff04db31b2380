/** Network cases (MATPOWER {@code .m}), their translation to a PowSyBl network and AC power flow with Open LoadFlow. */
package org.gridfleet.grid;
