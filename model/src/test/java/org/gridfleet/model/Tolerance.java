package org.gridfleet.model;

/**
 * Named tolerances for the model's own tests. The model module cannot use {@code testkit} (which depends on it), so
 * the names mirror {@code org.gridfleet.testkit.Tolerance}.
 */
public final class Tolerance {
    /** Power, in kW. */
    public static final double POWER_KW = 1e-9;
    /** Energy, in kWh. */
    public static final double ENERGY_KWH = 1e-9;
    /** Money, in the fleet's currency. */
    public static final double MONEY = 1e-9;
    /** Fractions 0..1 and hours. */
    public static final double FRACTION = 1e-12;

    private Tolerance() {}
}
