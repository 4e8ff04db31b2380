package org.gridfleet.model.asset;

/** How a device's output is decided: by fuel and commitment, by the weather, or by stored energy. */
public enum AssetCategory {
    /** Fuel-burning or electrochemical units that are committed and loaded at will. */
    DISPATCHABLE_GENERATOR,
    /** Weather-driven units: output up to the forecast, curtailable or not. */
    RENEWABLE,
    /** Units that charge and discharge within an energy capacity. */
    STORAGE
}
