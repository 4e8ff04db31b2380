package org.gridfleet.model.asset;

import java.util.Arrays;
import java.util.Optional;

/** The nine device types the plant runs, each with its category and the name used in fleet files. */
public enum DeviceType {
    EMERGENCY_GENERATOR("emergency-generator", AssetCategory.DISPATCHABLE_GENERATOR),
    FUEL_CELL("fuel-cell", AssetCategory.DISPATCHABLE_GENERATOR),
    RECIPROCATING_ENGINE("reciprocating-engine", AssetCategory.DISPATCHABLE_GENERATOR),
    MICROTURBINE("microturbine", AssetCategory.DISPATCHABLE_GENERATOR),
    PHOTOVOLTAIC("photovoltaic", AssetCategory.RENEWABLE),
    WIND_TURBINE("wind-turbine", AssetCategory.RENEWABLE),
    BATTERY("battery", AssetCategory.STORAGE),
    SMES("smes", AssetCategory.STORAGE),
    FLYWHEEL("flywheel", AssetCategory.STORAGE);

    private final String fileName;
    private final AssetCategory category;

    DeviceType(String fileName, AssetCategory category) {
        this.fileName = fileName;
        this.category = category;
    }

    /** The spelling in fleet files, e.g. {@code reciprocating-engine}. */
    public String fileName() {
        return fileName;
    }

    public AssetCategory category() {
        return category;
    }

    /**
     * Typical CO2 per kWh of a dispatchable generator, for fleets that give none: diesel standby sets emit the
     * most, fuel cells on reformed natural gas the least. 0 for other types.
     */
    public double typicalCo2KgPerKwh() {
        return switch (this) {
            case EMERGENCY_GENERATOR -> 0.70;
            case RECIPROCATING_ENGINE -> 0.50;
            case MICROTURBINE -> 0.60;
            case FUEL_CELL -> 0.45;
            default -> 0;
        };
    }

    /**
     * Typical electrical efficiency (LHV) of a dispatchable generator at rated output, for estimating the fuel of a
     * unit whose cost curve does not say (quadratic or piecewise-linear curves): diesel standby sets about a third,
     * gas engines a little more, microturbines less, fuel cells the most. 0 for other types.
     */
    public double typicalElectricalEfficiency() {
        return switch (this) {
            case EMERGENCY_GENERATOR -> 0.33;
            case RECIPROCATING_ENGINE -> 0.38;
            case MICROTURBINE -> 0.28;
            case FUEL_CELL -> 0.45;
            default -> 0;
        };
    }

    /** Typical one-way charge or discharge efficiency of a storage type. */
    public double typicalEfficiency() {
        return switch (this) {
            case SMES -> 0.97;
            case FLYWHEEL -> 0.93;
            default -> 0.95;
        };
    }

    /** Typical share of stored energy lost per hour: SMES pays for cooling, flywheels for bearing and air friction. */
    public double typicalSelfDischargePerHour() {
        return switch (this) {
            case SMES -> 0.01;
            case FLYWHEEL -> 0.03;
            default -> 0.0002;
        };
    }

    public static Optional<DeviceType> fromFileName(String name) {
        return Arrays.stream(values()).filter(t -> t.fileName.equals(name)).findFirst();
    }
}
