package org.gridfleet.grid;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A MATPOWER power-flow case (format version 2) as written in its {@code .m} file, in MATPOWER's own units and
 * signs: powers in MW and MVAr, loads positive when consumed, impedances in per unit on {@code baseMva} and the
 * bus's base kV, angles in degrees. Only the columns the power flow needs are kept; {@code gencost} and result
 * columns are ignored.
 */
public record MatpowerCase(String name, double baseMva, List<Bus> buses, List<Gen> gens, List<Branch> branches) {
    public MatpowerCase {
        requireNonNull(name, "name");
        if (!(baseMva > 0)) throw new IllegalArgumentException("baseMva must be > 0: " + baseMva);
        buses = List.copyOf(buses);
        gens = List.copyOf(gens);
        branches = List.copyOf(branches);
    }

    /** MATPOWER bus types. */
    public enum BusType {
        PQ(1), PV(2), REF(3), ISOLATED(4);
        public final int code;
        BusType(int code) { this.code = code; }

        static BusType of(int code) {
            for (BusType t : values()) if (t.code == code) return t;
            return null;
        }
    }

    /**
     * One row of {@code mpc.bus}: {@code pdMw}/{@code qdMvar} the load, {@code gsMw}/{@code bsMvar} the shunt at
     * 1 pu (positive {@code bsMvar} injects reactive power), {@code baseKv} 0 when the case gives none.
     */
    public record Bus(int number, BusType type, double pdMw, double qdMvar, double gsMw, double bsMvar,
                      double vmPu, double vaDeg, double baseKv, int line) {
        public Bus { requireNonNull(type, "type"); }
    }

    /** One row of {@code mpc.gen}; {@code vgPu} is the voltage set point, {@code inService} is status &gt; 0. */
    public record Gen(int bus, double pgMw, double qgMvar, double qmaxMvar, double qminMvar, double vgPu,
                      boolean inService, double pmaxMw, double pminMw, int line) {}

    /**
     * One row of {@code mpc.branch}: {@code rPu}, {@code xPu}, {@code bPu} (total line charging) on the system
     * base; {@code ratio} the off-nominal tap at the from bus (0 means a line), {@code shiftDeg} the phase shift.
     */
    public record Branch(int fromBus, int toBus, double rPu, double xPu, double bPu, double rateAMva,
                         double ratio, double shiftDeg, boolean inService, int line) {}
}
