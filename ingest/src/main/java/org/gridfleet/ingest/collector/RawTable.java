package org.gridfleet.ingest.collector;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A CSV file as read: its header and its rows of text cells, each with its line number in the file.
 *
 * @param file       the file as named in the fleet file, for reports
 * @param headerLine the header's line number (comments may come before it)
 */
public record RawTable(TableKind kind, String file, int headerLine, List<String> header, List<Row> rows) {
    public RawTable {
        requireNonNull(kind, "kind");
        requireNonNull(file, "file");
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** One data row; {@code cells} as written, trimmed, an empty string for an empty cell. */
    public record Row(int line, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }
}
