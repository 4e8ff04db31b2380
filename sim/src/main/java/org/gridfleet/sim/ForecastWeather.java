package org.gridfleet.sim;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.problem.PlanningProblem;

/**
 * Weather made from the planning problem's power forecasts: each forecast is turned back into the weather that
 * would give it, and a seeded AR(1) error ({@link NoiseModel}) is put on that weather, one independent stream per
 * site.
 *
 * <pre>
 *   f  = forecast average over the step / rating        (interval-beginning, nearest end value outside the horizon)
 *   PV:    irradiance = 1000 W/m² · f · (1 + ε)          ≥ 0
 *   wind:  speed      = curve.windSpeedFor(min(f, 1)) · (1 + ε)   ≥ 0
 * </pre>
 *
 * With no noise a controller's available power is exactly the forecast (within its rating). The error is on the
 * weather, not on the power: near cut-in and cut-out a wind turbine's output swings harder than its wind does.
 * Not thread-safe: the field advances it before it steps the controllers.
 */
public final class ForecastWeather implements Environment {
    private static final class Site {
        final Renewable renewable;
        final Profile forecastKw;
        final Ar1Noise noise;
        double value;

        Site(Renewable renewable, Profile forecastKw, Ar1Noise noise) {
            this.renewable = renewable;
            this.forecastKw = forecastKw;
            this.noise = noise;
        }
    }

    private final TimeGrid grid;
    private final WindPowerCurve curve;
    private final Map<AssetId, Site> sites = new HashMap<>();

    public ForecastWeather(PlanningProblem problem, NoiseModel irradianceNoise, NoiseModel windSpeedNoise, WindPowerCurve curve, long seed) {
        requireNonNull(problem, "problem");
        requireNonNull(irradianceNoise, "irradianceNoise");
        requireNonNull(windSpeedNoise, "windSpeedNoise");
        this.grid = problem.grid();
        this.curve = requireNonNull(curve, "curve");
        for (Asset asset : problem.assets()) {
            if (asset instanceof Renewable r) {
                NoiseModel model = r.type() == DeviceType.PHOTOVOLTAIC ? irradianceNoise : windSpeedNoise;
                Site site = new Site(r, problem.forecastKw().get(r.id()), new Ar1Noise(model, Seeds.derive(seed, "weather", r.id().value())));
                site.value = weather(site, Series.average(site.forecastKw, grid, grid.start(), grid.start()), site.noise.value());
                sites.put(r.id(), site);
            }
        }
    }

    /** Sets the weather of every site for the step {@code [from, from + dt)}. */
    public void advance(Instant from, Duration dt) {
        Instant to = from.plus(dt);
        for (Site site : sites.values()) {
            double epsilon = site.noise.advance(dt);
            site.value = weather(site, Series.average(site.forecastKw, grid, from, to), epsilon);
        }
    }

    private double weather(Site site, double forecastKw, double epsilon) {
        double share = Math.max(0, forecastKw) / site.renewable.ratedPowerKw();
        double base = site.renewable.type() == DeviceType.PHOTOVOLTAIC
                ? STC_IRRADIANCE_W_PER_M2 * share
                : curve.windSpeedFor(Math.min(share, 1));
        return Math.max(0, base * (1 + epsilon));
    }

    @Override
    public double irradianceWPerM2(AssetId device) {
        return site(device, DeviceType.PHOTOVOLTAIC).value;
    }

    @Override
    public double windSpeedMPerS(AssetId device) {
        return site(device, DeviceType.WIND_TURBINE).value;
    }

    private Site site(AssetId device, DeviceType type) {
        Site site = sites.get(device);
        if (site == null || site.renewable.type() != type) {
            throw new IllegalArgumentException("no " + type.fileName() + " " + device + " in this weather");
        }
        return site;
    }
}
