package org.gridfleet.ingest.verifier;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridfleet.ingest.Findings;
import org.gridfleet.ingest.Rule;
import org.gridfleet.ingest.collector.RawTable;
import org.gridfleet.ingest.collector.TableKind;
import org.gridfleet.model.Sample;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Renewable;

/**
 * Verifies one wide CSV table ({@code time,<column>,...}) into series of valid samples. Each bad cell, row or
 * column is rejected on its own; the rest of the table is kept.
 */
final class SeriesReader {
    /** A forecast may exceed the rating this little (measurement and rounding) before it is impossible. */
    static final double FORECAST_RATING_MARGIN = 1.05;

    private final Findings findings;
    private final TimeGrid horizon;

    SeriesReader(Findings findings, TimeGrid horizon) {
        this.findings = findings;
        this.horizon = horizon;
    }

    /** What a column of a table stands for, or why it is left out. */
    sealed interface Column {
        record Series(SeriesKey key, double maxValue) implements Column {}

        record Ignored() implements Column {}
    }

    /** The table's series by key (rising time), and its cadence: the most common spacing of its rows. */
    record Table(Map<SeriesKey, List<Sample>> series, Duration cadence) {}

    Table read(RawTable table, ColumnResolver resolver) {
        String file = table.file();
        List<String> header = table.header();
        if (header.isEmpty() || !header.getFirst().equalsIgnoreCase("time")) {
            findings.error(Rule.SCHEMA, file, "line " + table.headerLine(), "the first column must be 'time' (found '"
                    + (header.isEmpty() ? "" : header.getFirst()) + "'); the file is ignored");
            return new Table(Map.of(), horizon.step());
        }
        List<Column> columns = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 1; c < header.size(); c++) {
            String name = header.get(c);
            String where = "line " + table.headerLine() + ", column " + (c + 1);
            if (seen.containsKey(name)) {
                findings.error(Rule.DUPLICATE, file, where, "column '" + name + "' appears twice (columns "
                        + (seen.get(name) + 1) + " and " + (c + 1) + "); only the first is read");
                columns.add(new Column.Ignored());
                continue;
            }
            seen.put(name, c);
            columns.add(resolver.resolve(name, file, where));
        }

        Map<Integer, List<Sample>> byColumn = new HashMap<>();
        Map<Integer, Integer> lineOfLast = new HashMap<>();
        // per column, a time whose values conflicted: any further value at that time is rejected too
        Map<Integer, Instant> conflictAt = new HashMap<>();
        Instant previous = null;
        int previousLine = 0;
        List<Instant> rowTimes = new ArrayList<>();
        for (RawTable.Row row : table.rows()) {
            String where = "line " + row.line();
            List<String> cells = row.cells();
            if (cells.size() != header.size()) {
                findings.error(Rule.SCHEMA, file, where, "the row has " + cells.size() + " cells but the header has "
                        + header.size() + "; the row is rejected (use an empty cell for a missing value)");
                continue;
            }
            Optional<Instant> time = parseTime(cells.getFirst(), file, where);
            if (time.isEmpty()) {
                continue;
            }
            if (previous != null && time.get().isBefore(previous)) {
                findings.error(Rule.ORDER, file, where, "time " + time.get() + " comes before " + previous + " of line "
                        + previousLine + "; rows must be in rising time order: the row is rejected (sort the file, or check the clock that wrote it)");
                continue;
            }
            boolean repeat = time.get().equals(previous);
            if (!repeat) {
                rowTimes.add(time.get());
            }
            for (int c = 1; c < cells.size(); c++) {
                if (!(columns.get(c - 1) instanceof Column.Series column)) {
                    continue;
                }
                String cellWhere = where + ", column " + header.get(c);
                OptionalValue value = parseValue(cells.get(c), column, file, cellWhere);
                if (value.missing()) {
                    continue;
                }
                List<Sample> samples = byColumn.computeIfAbsent(c, k -> new ArrayList<>());
                if (repeat && time.get().equals(conflictAt.get(c))) {
                    findings.error(Rule.DUPLICATE, file, cellWhere, "another value for " + column.key().describe() + " at " + time.get()
                            + ", where earlier lines already disagree; rejected");
                    continue;
                }
                if (repeat && !samples.isEmpty() && samples.getLast().time().equals(time.get())) {
                    double first = samples.getLast().value();
                    if (first == value.value()) {
                        findings.warning(Rule.DUPLICATE, file, cellWhere, "repeats the value of line " + lineOfLast.get(c) + " at " + time.get() + "; the repeat is dropped");
                    } else {
                        findings.error(Rule.DUPLICATE, file, cellWhere, "line " + lineOfLast.get(c) + " gives " + first + " and this line "
                                + value.value() + " for " + column.key().describe() + " at " + time.get() + "; both are rejected");
                        samples.removeLast();
                        conflictAt.put(c, time.get());
                    }
                    continue;
                }
                samples.add(new Sample(time.get(), value.value()));
                lineOfLast.put(c, row.line());
            }
            previous = time.get();
            previousLine = row.line();
        }

        Map<SeriesKey, List<Sample>> series = new LinkedHashMap<>();
        for (int c = 1; c < header.size(); c++) {
            if (columns.get(c - 1) instanceof Column.Series column) {
                series.put(column.key(), List.copyOf(byColumn.getOrDefault(c, List.of())));
            }
        }
        Duration cadence = cadence(rowTimes);
        return new Table(series, cadence == null ? horizon.step() : cadence);
    }

    private Optional<Instant> parseTime(String text, String file, String where) {
        Optional<Instant> time = Times.parse(text);
        if (time.isEmpty()) {
            findings.error(Rule.SCHEMA, file, where, "'" + text + "' is not " + Times.EXPECTED + "; the row is rejected");
        }
        return time;
    }

    private record OptionalValue(boolean missing, double value) {
        static final OptionalValue MISSING = new OptionalValue(true, 0);
    }

    private OptionalValue parseValue(String text, Column.Series column, String file, String where) {
        if (text.isEmpty()) {
            return OptionalValue.MISSING;
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            findings.error(Rule.SCHEMA, file, where, "'" + text + "' is not a number");
            return OptionalValue.MISSING;
        }
        if (!Double.isFinite(value)) {
            findings.error(Rule.FINITE, file, where, "must be a finite number, found " + text + " (leave the cell empty for a missing value)");
            return OptionalValue.MISSING;
        }
        Quantity quantity = switch (column.key().kind()) {
            case DEMAND -> Quantity.END_USER_DEMAND_KW;
            case FORECAST -> Quantity.POWER_KW;
            case SALE_PRICE, IMPORT_TARIFF -> Quantity.PRICE_PER_KWH;
        };
        if (quantity.isUnitMistake(value)) {
            findings.error(Rule.UNITS, file, where, value + " " + quantity.unitHint());
            return OptionalValue.MISSING;
        }
        if (!quantity.inRange(value)) {
            findings.error(Rule.RANGE, file, where, column.key().describe() + " must be " + quantity.describeRange() + ", found " + value);
            return OptionalValue.MISSING;
        }
        if (value > column.maxValue()) {
            findings.error(Rule.RANGE, file, where, value + " kW is above what the device can produce ("
                    + column.maxValue() / FORECAST_RATING_MARGIN + " kW rated)");
            return OptionalValue.MISSING;
        }
        return new OptionalValue(false, value);
    }

    /** The most common spacing between consecutive row times (the shortest on a tie); null with fewer than two rows. */
    static Duration cadence(List<Instant> times) {
        Map<Duration, Integer> counts = new HashMap<>();
        for (int i = 1; i < times.size(); i++) {
            counts.merge(Duration.between(times.get(i - 1), times.get(i)), 1, Integer::sum);
        }
        Duration best = null;
        for (var entry : counts.entrySet()) {
            int bestCount = best == null ? 0 : counts.get(best);
            if (entry.getValue() > bestCount || entry.getValue() == bestCount && entry.getKey().compareTo(best) < 0) {
                best = entry.getKey();
            }
        }
        return best;
    }

    /** Decides what each column header of a table stands for, reporting headers that name nothing valid. */
    interface ColumnResolver {
        Column resolve(String header, String file, String where);

        static ColumnResolver forTable(TableKind kind, Findings findings, Map<String, Asset> assets, Set<String> endUsers,
                                       Set<String> rejectedDevices, Set<String> rejectedEndUsers) {
            return (header, file, where) -> switch (kind) {
                case DEMAND -> {
                    if (endUsers.contains(header)) {
                        yield new Column.Series(SeriesKey.demand(header), Double.POSITIVE_INFINITY);
                    }
                    findings.error(Rule.UNKNOWN_ID, file, where, rejectedEndUsers.contains(header)
                            ? "end-user " + header + " was rejected (see its own entry); its demand column is ignored"
                            : "no end-user '" + header + "' in the fleet; the column is ignored");
                    yield new Column.Ignored();
                }
                case FORECASTS -> {
                    Asset asset = assets.get(header);
                    if (asset instanceof Renewable r) {
                        yield new Column.Series(SeriesKey.forecast(header), r.ratedPowerKw() * FORECAST_RATING_MARGIN);
                    }
                    findings.error(Rule.UNKNOWN_ID, file, where, asset != null
                            ? "device " + header + " is a " + asset.type().fileName() + ": forecasts are only for "
                                    + DeviceType.PHOTOVOLTAIC.fileName() + " and " + DeviceType.WIND_TURBINE.fileName() + "; the column is ignored"
                            : rejectedDevices.contains(header)
                                    ? "device " + header + " was rejected (see its own entry); its forecast column is ignored"
                                    : "no device '" + header + "' in the fleet; the column is ignored");
                    yield new Column.Ignored();
                }
                case PRICES -> switch (header) {
                    case "salePricePerKwh" -> new Column.Series(new SeriesKey(SeriesKey.Kind.SALE_PRICE, ""), Double.POSITIVE_INFINITY);
                    case "importTariffPerKwh" -> new Column.Series(new SeriesKey(SeriesKey.Kind.IMPORT_TARIFF, ""), Double.POSITIVE_INFINITY);
                    default -> {
                        findings.error(Rule.SCHEMA, file, where, "unknown price column '" + header + "': use salePricePerKwh or importTariffPerKwh");
                        yield new Column.Ignored();
                    }
                };
                case MAINTENANCE -> throw new IllegalArgumentException("maintenance is not a wide series table");
            };
        }
    }
}
