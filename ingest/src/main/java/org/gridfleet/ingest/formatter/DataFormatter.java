package org.gridfleet.ingest.formatter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridfleet.ingest.verifier.FleetSettings;
import org.gridfleet.ingest.verifier.Gap;
import org.gridfleet.ingest.verifier.SeriesKey;
import org.gridfleet.ingest.verifier.VerifiedData;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.Sample;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.fleet.EndUser;
import org.gridfleet.model.problem.DataFlag;
import org.gridfleet.model.problem.PlanningProblem;

/**
 * Turns verified data into a {@link PlanningProblem}: every series resampled onto the horizon (conserving
 * energy), gaps filled by the documented rule and flagged, maintenance turned into per-interval availability.
 */
public final class DataFormatter {

    /** Requires {@code data.settings()} to be present: without a horizon there is nothing to align to. */
    public PlanningProblem format(VerifiedData data) {
        FleetSettings settings = data.settings().orElseThrow(() -> new IllegalArgumentException("no valid fleet settings: nothing to format"));
        TimeGrid grid = settings.horizon();
        Map<SeriesKey, List<Gap>> gapsBySeries = new HashMap<>();
        data.gaps().forEach(g -> gapsBySeries.computeIfAbsent(g.series(), k -> new ArrayList<>()).add(g));
        List<DataFlag> flags = new ArrayList<>();

        Map<AssetId, Profile> availability = new HashMap<>();
        Map<AssetId, Profile> forecasts = new HashMap<>();
        for (Asset asset : data.assets()) {
            availability.put(asset.id(), asset.info().availabilityOn(grid));
            if (asset instanceof Renewable) {
                SeriesKey key = SeriesKey.forecast(asset.id().value());
                forecasts.put(asset.id(), align(data, key, gapsBySeries, grid, new Resampler.LongGapFill.Constant(0), flags, Profile.zeros(grid.intervals())));
            }
        }
        Map<EndUserId, Profile> demand = new HashMap<>();
        for (EndUser user : data.endUsers()) {
            SeriesKey key = SeriesKey.demand(user.id().value());
            double peak = peakInHorizon(data.series(key), grid);
            demand.put(user.id(), align(data, key, gapsBySeries, grid, new Resampler.LongGapFill.Constant(peak), flags, Profile.zeros(grid.intervals())));
        }
        Profile sale = align(data, new SeriesKey(SeriesKey.Kind.SALE_PRICE, ""), gapsBySeries, grid, new Resampler.LongGapFill.Nearest(), flags,
                Profile.constant(grid.intervals(), settings.flatSalePricePerKwh()));
        Profile tariff = align(data, new SeriesKey(SeriesKey.Kind.IMPORT_TARIFF, ""), gapsBySeries, grid, new Resampler.LongGapFill.Nearest(), flags,
                Profile.constant(grid.intervals(), settings.flatImportTariffPerKwh()));

        return new PlanningProblem(settings.name(), settings.currency(), grid, data.assets(), data.endUsers(), settings.network(),
                availability, forecasts, demand, sale, tariff, settings.gridConnection(), settings.reserve(), flags);
    }

    private static Profile align(VerifiedData data, SeriesKey key, Map<SeriesKey, List<Gap>> gapsBySeries, TimeGrid grid,
                                 Resampler.LongGapFill longGapFill, List<DataFlag> flags, Profile whenAbsent) {
        if (!data.series().containsKey(key)) {
            return whenAbsent;
        }
        List<Gap> gaps = gapsBySeries.getOrDefault(key, List.of());
        for (Gap gap : gaps) {
            flags.add(new DataFlag(key.describe(), firstInterval(grid, gap.from()), lastInterval(grid, gap.to()),
                    gap.fillable() ? DataFlag.Kind.FILLED : DataFlag.Kind.SUBSTITUTED,
                    gap.fillable() ? "short gap filled by linear interpolation" : "long gap planned with a conservative value"));
        }
        return Resampler.resample(data.series(key), gaps, grid, longGapFill);
    }

    /** Highest value among the samples that hold inside the horizon (the conservative demand for long gaps). */
    private static double peakInHorizon(List<Sample> samples, TimeGrid grid) {
        double peak = 0;
        Instant start = grid.start();
        Instant end = grid.end();
        for (int i = 0; i < samples.size(); i++) {
            boolean reachesIn = i + 1 >= samples.size() || samples.get(i + 1).time().isAfter(start);
            if (reachesIn && samples.get(i).time().isBefore(end)) {
                peak = Math.max(peak, samples.get(i).value());
            }
        }
        return peak;
    }

    /** First interval a span from {@code from} touches, and the last one a span ending at {@code to} touches. */
    private static int firstInterval(TimeGrid grid, Instant from) {
        return (int) Math.max(0, grid.indexOf(from));
    }

    private static int lastInterval(TimeGrid grid, Instant to) {
        return (int) Math.min(grid.intervals() - 1, grid.indexOf(to.minusNanos(1)));
    }
}
