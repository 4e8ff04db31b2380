package org.gridfleet.ingest.verifier;

import java.util.function.DoublePredicate;

/**
 * A kind of number in a fleet file: its unit, its physically possible range (rule {@code range}) and the
 * values that can only be a unit mistake (rule {@code units}).
 */
enum Quantity {
    POWER_KW("kW", 0, true, Double.POSITIVE_INFINITY, v -> v > 1_000_000, "looks like watts, not kW (1 kW = 1000 W)"),
    /** One end-user's demand: a load, and above 100 MW it can only be in watts. */
    END_USER_DEMAND_KW("kW", 0, true, Double.POSITIVE_INFINITY, v -> v > 100_000, "kW for one end-user looks like watts, not kW"),
    /** A device's measured output: storage charges below 0, so only the unit is checked here, the rest per device. */
    SIGNED_POWER_KW("kW", Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, v -> Math.abs(v) > 1_000_000,
            "looks like watts, not kW (1 kW = 1000 W)"),
    POSITIVE_POWER_KW("kW", 0, false, Double.POSITIVE_INFINITY, v -> v > 1_000_000, "looks like watts, not kW (1 kW = 1000 W)"),
    ENERGY_KWH("kWh", 0, false, Double.POSITIVE_INFINITY, v -> v > 10_000_000, "looks like Wh, not kWh"),
    FRACTION("", 0, true, 1, v -> v > 1 && v <= 100, "looks like a percentage: write a fraction, e.g. 0.95 for 95 %"),
    EFFICIENCY("", 0, false, 1, v -> v > 1 && v <= 100, "looks like a percentage: write a fraction, e.g. 0.95 for 95 %"),
    OUTAGE_RATE("", 0, true, 0.999, v -> v > 1 && v <= 100, "looks like a percentage: write a fraction, e.g. 0.05 for 5 %"),
    HOURS("h", 0, true, Double.POSITIVE_INFINITY, v -> false, ""),
    POSITIVE_HOURS("h", 0, false, Double.POSITIVE_INFINITY, v -> false, ""),
    MINUTES("min", 0, true, Double.POSITIVE_INFINITY, v -> false, ""),
    RAMP_KW_PER_MIN("kW/min", 0, false, Double.POSITIVE_INFINITY, v -> v > 1_000_000, "looks like W/min, not kW/min"),
    MONEY("", 0, true, Double.POSITIVE_INFINITY, v -> false, ""),
    MONEY_PER_HOUR("/h", Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, v -> false, ""),
    COEFFICIENT("", Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, v -> false, ""),
    /** A market price may be negative; above 10 per kWh it is a per-MWh figure. */
    PRICE_PER_KWH("/kWh", Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, v -> Math.abs(v) > 10,
            "looks like a price per MWh: divide by 1000 for a price per kWh"),
    COST_PER_KWH("/kWh", 0, true, Double.POSITIVE_INFINITY, v -> v > 10, "looks like a cost per MWh: divide by 1000 for a cost per kWh"),
    KV("kV", 0, false, Double.POSITIVE_INFINITY, v -> v > 1_000, "looks like volts, not kV"),
    OHM("Ω", 0, true, Double.POSITIVE_INFINITY, v -> false, ""),
    SIEMENS("S", 0, true, Double.POSITIVE_INFINITY, v -> false, ""),
    AMPERE("A", 0, false, Double.POSITIVE_INFINITY, v -> v > 100_000, "looks like mA, not A"),
    /** Apparent power of a transformer or a line rating. */
    KVA("kVA", 0, false, Double.POSITIVE_INFINITY, v -> v > 1_000_000, "looks like VA, not kVA (1 kVA = 1000 VA)"),
    /** Reactive power of a device: positive delivered to the grid, negative absorbed. */
    KVAR("kvar", Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, v -> Math.abs(v) > 1_000_000, "looks like var, not kvar (1 kvar = 1000 var)"),
    /** Voltage set point in per unit of the bus's nominal voltage; 90..110 can only be a percentage. */
    VOLTAGE_PU("pu", 0.9, true, 1.1, v -> v >= 90 && v <= 110, "looks like a percentage: write per unit, e.g. 1.02 for 102 % of nominalKv"),
    POWER_FACTOR("", 0, false, 1, v -> v > 1 && v <= 100, "looks like a percentage: write a fraction, e.g. 0.95 for 95 %"),
    /** Transformer impedance in percent on its own rating: a few percent, never above 100 %. */
    IMPEDANCE_PERCENT("%", 0, true, 100, v -> false, ""),
    /**
     * Off-nominal tap: 1 at the neutral tap, tap changers reach about ±15 %. Far outside it is a percentage or the
     * nominal turns ratio (such as 69/12.47 = 5.53), which follows from the buses' nominal voltages instead.
     */
    TAP_RATIO("", 0.8, true, 1.2, v -> v > 1.5 || (v > 0 && v < 0.5),
            "is not an off-nominal tap: write the tap as a ratio, 1 at the neutral tap (e.g. 1.025 for +2.5 %), not a percentage"
                    + " nor the nominal turns ratio, which follows from the buses' nominalKv"),
    LATITUDE("°", -90, true, 90, v -> false, ""),
    LONGITUDE("°", -180, true, 180, v -> false, ""),
    CO2_KG_PER_KWH("kg/kWh", 0, true, Double.POSITIVE_INFINITY, v -> v > 5, "looks like g/kWh, not kg/kWh"),
    HEAT_RATE_BTU_PER_KWH("Btu/kWh", 3412.14, true, Double.POSITIVE_INFINITY, v -> v > 0 && v < 100,
            "looks like MMBtu/MWh: multiply by 1000 for Btu/kWh");

    private final String unit;
    private final double min;
    private final boolean minInclusive;
    private final double max;
    private final DoublePredicate unitMistake;
    private final String unitHint;

    Quantity(String unit, double min, boolean minInclusive, double max, DoublePredicate unitMistake, String unitHint) {
        this.unit = unit;
        this.min = min;
        this.minInclusive = minInclusive;
        this.max = max;
        this.unitMistake = unitMistake;
        this.unitHint = unitHint;
    }

    /** Whether {@code value} can only be a unit mistake. Checked before the range, so the hint wins. */
    boolean isUnitMistake(double value) {
        return unitMistake.test(value);
    }

    String unitHint() {
        return unitHint;
    }

    boolean inRange(double value) {
        return (minInclusive ? value >= min : value > min) && value <= max;
    }

    /** The allowed range for a message, e.g. {@code > 0 kW} or {@code within [0, 1]}. */
    String describeRange() {
        String u = unit.isEmpty() ? "" : " " + unit;
        if (max == Double.POSITIVE_INFINITY) {
            return (minInclusive ? ">= " : "> ") + fmt(min) + u;
        }
        if (min == Double.NEGATIVE_INFINITY) {
            return "<= " + fmt(max) + u;
        }
        return "within " + (minInclusive ? "[" : "(") + fmt(min) + ", " + fmt(max) + "]" + u;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
