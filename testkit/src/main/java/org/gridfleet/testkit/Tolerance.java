package org.gridfleet.testkit;

/** Named tolerances for comparing computed figures in tests; one name per unit, so a test says what it compares. */
public final class Tolerance {
    /** Power, in kW. */
    public static final double POWER_KW = 1e-6;
    /** Energy, in kWh. */
    public static final double ENERGY_KWH = 1e-6;
    /** Money, in the fleet's currency. */
    public static final double MONEY = 1e-6;
    /** Fractions 0..1: state of charge, availability, efficiency. */
    public static final double FRACTION = 1e-9;

    private Tolerance() {}
}
