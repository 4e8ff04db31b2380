package org.gridfleet.ingest.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridfleet.ingest.Findings;
import org.gridfleet.ingest.Rule;
import org.gridfleet.ingest.collector.CollectedData;
import org.gridfleet.ingest.collector.RawTable;
import org.gridfleet.ingest.collector.TableKind;
import org.gridfleet.model.Sample;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.fleet.EndUser;

/**
 * Checks collected data against the rules of docs/fleet-format.md, in one pass: every problem is reported with
 * its place, rule and remedy, and every valid record is kept.
 */
public final class DataVerifier {
    /** Gaps up to this long are filled by interpolation; longer ones are rejected. */
    public static final Duration DEFAULT_MAX_GAP_FILL = Duration.ofHours(1);

    private final Duration maxGapFill;

    public DataVerifier() {
        this(DEFAULT_MAX_GAP_FILL);
    }

    public DataVerifier(Duration maxGapFill) {
        if (maxGapFill.isNegative()) {
            throw new IllegalArgumentException("maxGapFill must be >= 0: " + maxGapFill);
        }
        this.maxGapFill = maxGapFill;
    }

    public VerificationReport verify(CollectedData collected) {
        Findings findings = new Findings();
        findings.addAll(collected.problems());
        if (collected.document().isEmpty()) {
            return new VerificationReport(new VerifiedData(Optional.empty(), List.of(), List.of(), Map.of(), List.of()), findings.list());
        }
        JsonNode document = collected.document().get();
        MaintenanceTable maintenance = collected.table(TableKind.MAINTENANCE).map(t -> MaintenanceTable.read(t, findings)).orElse(MaintenanceTable.NONE);
        DocumentReader.Document read = new DocumentReader(Fields.root(document, collected.documentFile(), findings), maintenance).read();
        Map<String, Asset> assets = new LinkedHashMap<>();
        read.assets().forEach(a -> assets.put(a.id().value(), a));
        Map<String, EndUser> endUsers = new LinkedHashMap<>();
        read.endUsers().forEach(u -> endUsers.put(u.id().value(), u));
        Set<String> rejectedDevices = idsIn(document.path("devices"));
        maintenance.reportUnknown(rejectedDevices, findings);
        rejectedDevices.removeAll(assets.keySet());
        Set<String> rejectedEndUsers = idsIn(document.path("endUsers"));
        rejectedEndUsers.removeAll(endUsers.keySet());

        Map<SeriesKey, List<Sample>> series = new HashMap<>();
        List<Gap> gaps = new ArrayList<>();
        if (read.settings().isPresent()) {
            FleetSettings settings = read.settings().get();
            SeriesReader reader = new SeriesReader(findings, settings.horizon());
            for (TableKind kind : List.of(TableKind.DEMAND, TableKind.FORECASTS, TableKind.PRICES)) {
                Optional<RawTable> table = collected.table(kind);
                if (table.isEmpty()) {
                    continue;
                }
                SeriesReader.ColumnResolver resolver = SeriesReader.ColumnResolver.forTable(kind, findings, assets,
                        endUsers.keySet(), rejectedDevices, rejectedEndUsers);
                SeriesReader.Table parsed = reader.read(table.get(), resolver);
                for (var entry : parsed.series().entrySet()) {
                    SeriesKey key = entry.getKey();
                    List<Sample> samples = entry.getValue();
                    String where = "column " + key.subject();
                    if (!samples.isEmpty() && samples.getLast().time().isBefore(settings.horizon().start())) {
                        findings.error(Rule.STALE, table.get().file(), where, key.describe() + " is stale: its newest value ("
                                + samples.getLast().time() + ") is before the horizon starts (" + settings.horizon().start()
                                + "); " + consequenceOfNoData(key));
                        continue;
                    }
                    List<Gap> found = GapFinder.find(key, samples, parsed.cadence(), settings.horizon(), maxGapFill);
                    if (found.size() == 1 && found.getFirst().from().equals(settings.horizon().start())
                            && found.getFirst().to().equals(settings.horizon().end())) {
                        findings.error(Rule.GAP, table.get().file(), where, key.describe() + " has no valid value inside the horizon; "
                                + consequenceOfNoData(key));
                        continue;
                    }
                    for (Gap gap : found) {
                        reportGap(gap, table.get().file(), where, findings);
                    }
                    series.put(key, samples);
                    gaps.addAll(found);
                }
            }
            requireSeries(endUsers, assets, series, collected, findings);
        } else if (!collected.tables().isEmpty()) {
            findings.warning(Rule.CONSISTENCY, collected.documentFile(), "horizon",
                    "the time series were not checked: they need a valid horizon");
        }
        VerifiedData data = new VerifiedData(read.settings(), List.copyOf(assets.values()), List.copyOf(endUsers.values()), series, gaps);
        return new VerificationReport(data, findings.list());
    }

    private void reportGap(Gap gap, String file, String where, Findings findings) {
        long minutes = gap.length().toMinutes();
        String span = gap.from() + " .. " + gap.to() + " (" + minutes + " min)";
        if (gap.fillable()) {
            findings.warning(Rule.GAP, file, where, gap.series().describe() + " has no values for " + span
                    + "; filled by linear interpolation and flagged");
        } else {
            findings.error(Rule.GAP, file, where, gap.series().describe() + " has no values for " + span + ", longer than the "
                    + maxGapFill.toMinutes() + " min that may be filled: rejected there and planned with " + substitute(gap.series()));
        }
    }

    /** The conservative value a long gap is planned with; docs/fleet-format.md says the same. */
    static String substitute(SeriesKey key) {
        return switch (key.kind()) {
            case DEMAND -> "the end-user's highest demand in the horizon";
            case FORECAST -> "0 kW (the device is not counted on)";
            case SALE_PRICE, IMPORT_TARIFF -> "the nearest known price";
        };
    }

    private static String consequenceOfNoData(SeriesKey key) {
        return switch (key.kind()) {
            case DEMAND -> "the end-user is rejected, since its demand is unknown: supply its readings";
            case FORECAST -> "the device is planned at 0 kW";
            case SALE_PRICE, IMPORT_TARIFF -> "the flat price of the fleet file is used";
        };
    }

    /** End-users need demand (else they are rejected); renewables without a forecast are planned at 0 kW. */
    private static void requireSeries(Map<String, EndUser> endUsers, Map<String, Asset> assets, Map<SeriesKey, List<Sample>> series,
                                      CollectedData collected, Findings findings) {
        String demandFile = collected.table(TableKind.DEMAND).map(RawTable::file).orElse("series.demand");
        for (var it = endUsers.entrySet().iterator(); it.hasNext(); ) {
            String id = it.next().getKey();
            if (!series.containsKey(SeriesKey.demand(id))) {
                if (collected.table(TableKind.DEMAND).map(t -> !t.header().contains(id)).orElse(true)) {
                    findings.error(Rule.CONSISTENCY, demandFile, "", "end-user " + id
                            + " has no demand column: it is rejected, since its demand is unknown");
                }
                it.remove();
            }
        }
        String forecastFile = collected.table(TableKind.FORECASTS).map(RawTable::file).orElse("series.forecasts");
        for (Asset asset : assets.values()) {
            if (asset instanceof Renewable && collected.table(TableKind.FORECASTS).map(t -> !t.header().contains(asset.id().value())).orElse(true)) {
                findings.warning(Rule.CONSISTENCY, forecastFile, "", "device " + asset.id() + " has no forecast column: it is planned at 0 kW");
            }
        }
    }

    private static Set<String> idsIn(JsonNode list) {
        Set<String> ids = new HashSet<>();
        if (list.isArray()) {
            for (JsonNode item : list) {
                if (item.path("id").isTextual()) {
                    ids.add(item.path("id").asText().trim());
                }
            }
        }
        return ids;
    }
}
