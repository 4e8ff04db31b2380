package org.gridfleet.ingest.verifier;

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
import org.gridfleet.model.asset.MaintenanceWindow;

/**
 * The maintenance CSV ({@code device,start,end,reason}) read into windows by device id. A row that names a device
 * but cannot be read marks that device: it is rejected rather than planned as available during a maintenance
 * nobody could read.
 */
final class MaintenanceTable {
    static final MaintenanceTable NONE = new MaintenanceTable("", Map.of(), Map.of(), Map.of());

    private final String file;
    private final Map<String, List<MaintenanceWindow>> windows;
    private final Map<String, String> problems;
    private final Map<String, Integer> firstLine;

    private MaintenanceTable(String file, Map<String, List<MaintenanceWindow>> windows, Map<String, String> problems, Map<String, Integer> firstLine) {
        this.file = file;
        this.windows = windows;
        this.problems = problems;
        this.firstLine = firstLine;
    }

    static MaintenanceTable read(RawTable table, Findings findings) {
        List<String> header = table.header();
        String file = table.file();
        if (header.size() < 3 || !header.subList(0, 3).equals(List.of("device", "start", "end"))
                || header.size() > 4 || header.size() == 4 && !header.get(3).equals("reason")) {
            findings.error(Rule.SCHEMA, file, "line " + table.headerLine(), "the header must be device,start,end,reason (reason may be left out); found "
                    + String.join(",", header) + "; the file is ignored");
            return NONE;
        }
        Map<String, List<MaintenanceWindow>> windows = new HashMap<>();
        Map<String, String> problems = new HashMap<>();
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        for (RawTable.Row row : table.rows()) {
            String where = "line " + row.line();
            List<String> cells = row.cells();
            String device = cells.isEmpty() ? "" : cells.getFirst();
            firstLine.putIfAbsent(device, row.line());
            String problem = null;
            Optional<Instant> start = Optional.empty();
            Optional<Instant> end = Optional.empty();
            if (cells.size() < 3 || cells.size() > header.size()) {
                problem = "the row has " + cells.size() + " cells, the header " + header.size();
            } else {
                start = Times.parse(cells.get(1));
                end = Times.parse(cells.get(2));
                if (start.isEmpty() || end.isEmpty()) {
                    problem = "'" + (start.isEmpty() ? cells.get(1) : cells.get(2)) + "' is not " + Times.EXPECTED;
                } else if (!end.get().isAfter(start.get())) {
                    problem = "maintenance must end after it starts: " + start.get() + " .. " + end.get();
                }
            }
            if (problem != null) {
                findings.error(problem.startsWith("maintenance") ? Rule.RANGE : Rule.SCHEMA, file, where,
                        problem + "; device " + device + " is rejected, since its maintenance is unknown");
                problems.putIfAbsent(device, "its maintenance row in " + file + " " + where + " cannot be read");
                continue;
            }
            String reason = cells.size() > 3 && !cells.get(3).isEmpty() ? cells.get(3) : "maintenance";
            windows.computeIfAbsent(device, d -> new ArrayList<>()).add(new MaintenanceWindow(start.get(), end.get(), reason));
        }
        return new MaintenanceTable(file, windows, problems, firstLine);
    }

    List<MaintenanceWindow> windows(String device) {
        return windows.getOrDefault(device, List.of());
    }

    Optional<String> problem(String device) {
        return Optional.ofNullable(problems.get(device));
    }

    /** Reports rows naming devices the fleet document does not have at all. */
    void reportUnknown(Set<String> devicesInDocument, Findings findings) {
        firstLine.forEach((device, line) -> {
            if (!devicesInDocument.contains(device)) {
                findings.error(Rule.UNKNOWN_ID, file, "line " + line, "no device '" + device + "' in the fleet; its maintenance rows are ignored");
            }
        });
    }
}
