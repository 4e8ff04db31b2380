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

    public static Optional<DeviceType> fromFileName(String name) {
        return Arrays.stream(values()).filter(t -> t.fileName.equals(name)).findFirst();
    }
}
