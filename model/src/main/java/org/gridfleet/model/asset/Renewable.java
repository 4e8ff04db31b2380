package org.gridfleet.model.asset;

import static java.util.Objects.requireNonNull;

/**
 * A weather-driven generator, photovoltaic array or wind turbine. Its output per interval is bounded by its
 * forecast (a time series, not part of this record).
 *
 * @param curtailable whether the plant may ask it to produce less than it could
 */
public record Renewable(AssetInfo info, boolean curtailable) implements Asset {
    public Renewable {
        requireNonNull(info, "info");
        if (info.type().category() != AssetCategory.RENEWABLE) {
            throw new IllegalArgumentException(info.id() + ": a " + info.type().fileName() + " is not a renewable");
        }
    }
}
