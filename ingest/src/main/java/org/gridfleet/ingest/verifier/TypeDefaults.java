package org.gridfleet.ingest.verifier;

import org.gridfleet.model.asset.DeviceType;

/** Defaults by device type for fields a fleet file may leave out; docs/fleet-format.md lists the same figures. */
final class TypeDefaults {
    private TypeDefaults() {}

    /** Typical CO2 per kWh: diesel standby sets highest, fuel cells on reformed natural gas lowest. */
    static double co2KgPerKwh(DeviceType type) {
        return switch (type) {
            case EMERGENCY_GENERATOR -> 0.70;
            case RECIPROCATING_ENGINE -> 0.50;
            case MICROTURBINE -> 0.60;
            case FUEL_CELL -> 0.45;
            default -> 0;
        };
    }

    /** One-way charge or discharge efficiency. */
    static double efficiency(DeviceType type) {
        return switch (type) {
            case SMES -> 0.97;
            case FLYWHEEL -> 0.93;
            default -> 0.95;
        };
    }

    /** Share of stored energy lost per hour: SMES pays for cooling, flywheels for bearing and air friction. */
    static double selfDischargePerHour(DeviceType type) {
        return switch (type) {
            case SMES -> 0.01;
            case FLYWHEEL -> 0.03;
            default -> 0.0002;
        };
    }
}
