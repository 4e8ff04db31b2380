package org.gridfleet.ingest.collector;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.gridfleet.ingest.Rejection;

/**
 * Everything a collector gathered, still uninterpreted.
 *
 * @param documentFile name of the fleet document, for reports
 * @param document     the fleet document's tree; empty when it could not be read or parsed
 * @param tables       the CSV series that could be read
 * @param problems     sources that could not be read, or not wholly
 */
public record CollectedData(String documentFile, Optional<JsonNode> document, List<RawTable> tables, List<Rejection> problems) {
    public CollectedData {
        requireNonNull(documentFile, "documentFile");
        requireNonNull(document, "document");
        tables = List.copyOf(tables);
        problems = List.copyOf(problems);
    }

    public Optional<RawTable> table(TableKind kind) {
        return tables.stream().filter(t -> t.kind() == kind).findFirst();
    }
}
