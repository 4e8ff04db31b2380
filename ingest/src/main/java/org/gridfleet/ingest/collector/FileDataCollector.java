package org.gridfleet.ingest.collector;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.LoaderOptions;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gridfleet.ingest.Findings;
import org.gridfleet.ingest.Rule;

/**
 * Collects a fleet from files: the fleet document (YAML, or JSON by its {@code .json} ending) and the CSV series
 * it names under {@code series}, resolved relative to the document.
 */
public final class FileDataCollector implements DataCollector {
    // SnakeYAML refuses documents above 3 MiB by default; a fleet of a few thousand devices is larger than that
    private static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .loaderOptions(largeDocuments())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());
    // NaN in JSON is read as a number so that the verifier can name the field (rule finite)
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static LoaderOptions largeDocuments() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        return options;
    }

    private final Path documentPath;

    public FileDataCollector(Path documentPath) {
        this.documentPath = documentPath;
    }

    @Override
    public CollectedData collect() {
        Findings problems = new Findings();
        String documentFile = documentPath.getFileName().toString();
        Optional<JsonNode> document = readDocument(documentFile, problems);
        List<RawTable> tables = new ArrayList<>();
        JsonNode series = document.map(d -> d.path("series")).orElse(null);
        if (series != null && series.isObject()) {
            for (TableKind kind : TableKind.values()) {
                JsonNode name = series.get(kind.key());
                // a non-text value is the verifier's to report as a schema problem
                if (name != null && name.isTextual()) {
                    readTable(kind, name.asText(), problems).ifPresent(tables::add);
                }
            }
        }
        return new CollectedData(documentFile, document, tables, problems.list());
    }

    private Optional<JsonNode> readDocument(String file, Findings problems) {
        boolean json = documentPath.toString().toLowerCase(Locale.ROOT).endsWith(".json");
        try (Reader reader = withoutByteOrderMark(Files.newBufferedReader(documentPath, StandardCharsets.UTF_8))) {
            JsonNode root;
            try (JsonParser parser = (json ? JSON : YAML).createParser(reader)) {
                root = parser.nextToken() == null ? null : readValue(parser);
            }
            if (root == null || !root.isObject()) {
                problems.error(Rule.SYNTAX, file, "", "the fleet document must be a mapping of fields (name, horizon, devices, ...); found "
                        + (root == null || root.isMissingNode() ? "nothing" : root.getNodeType().toString().toLowerCase(Locale.ROOT)));
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            problems.error(Rule.SYNTAX, file, at(e.getLocation()), "cannot parse " + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage());
        } catch (NoSuchFileException e) {
            problems.error(Rule.SOURCE, file, "", "file not found: " + documentPath.toAbsolutePath());
        } catch (IOException e) {
            problems.error(Rule.SOURCE, file, "", "cannot read " + documentPath.toAbsolutePath() + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * Builds the tree token by token so that a number the parser cannot convert (YAML's {@code .nan} and
     * {@code .inf}) becomes text the verifier reports as not finite, instead of failing the whole document.
     */
    private static JsonNode readValue(JsonParser parser) throws IOException {
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            throw new JsonParseException(parser, "YAML aliases (*" + parser.getText() + ") and merge keys are not supported: write the values out");
        }
        return switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, readValue(parser));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(readValue(parser));
                }
                yield array;
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                try {
                    yield parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                            ? NODES.numberNode(parser.getLongValue()) : NODES.numberNode(parser.getDoubleValue());
                } catch (JsonProcessingException e) {
                    yield NODES.textNode(parser.getText());
                }
            }
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(parser.getBooleanValue());
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new JsonParseException(parser, "unexpected " + parser.currentToken());
        };
    }

    private Optional<RawTable> readTable(TableKind kind, String name, Findings problems) {
        Path path;
        try {
            path = documentPath.toAbsolutePath().getParent().resolve(name);
        } catch (InvalidPathException e) {
            problems.error(Rule.SOURCE, name, "", "series." + kind.key() + " is not a usable file name: " + e.getMessage());
            return Optional.empty();
        }
        List<String> header = null;
        int headerLine = 0;
        List<RawTable.Row> rows = new ArrayList<>();
        try (Reader reader = withoutByteOrderMark(Files.newBufferedReader(path, StandardCharsets.UTF_8));
             MappingIterator<String[]> it = CSV.readerFor(String[].class).with(CsvSchema.emptySchema().withComments()).readValues(reader)) {
            while (it.hasNextValue()) {
                List<String> cells = Arrays.asList(it.nextValue());
                // after a row is read, the current token (its end) still stands on the row's line
                int line = it.getParser().currentTokenLocation().getLineNr();
                if (header == null) {
                    header = cells;
                    headerLine = line;
                } else {
                    rows.add(new RawTable.Row(line, cells));
                }
            }
        } catch (JsonProcessingException e) {
            problems.error(Rule.SYNTAX, name, at(e.getLocation()), "cannot parse CSV: " + e.getOriginalMessage()
                    + (rows.isEmpty() ? "" : "; the " + rows.size() + " rows before it were read"));
        } catch (NoSuchFileException e) {
            problems.error(Rule.SOURCE, name, "", "file not found: " + path + " (named in series." + kind.key() + ")");
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            problems.error(Rule.SOURCE, name, "", "cannot read " + path + ": " + e.getMessage());
            return Optional.empty();
        }
        if (header == null) {
            problems.error(Rule.SCHEMA, name, "", "the file is empty: it needs a header row");
            return Optional.empty();
        }
        return Optional.of(new RawTable(kind, name, headerLine, header, rows));
    }

    /** Spreadsheet programs often start UTF-8 files with a byte-order mark; it is not part of the first field. */
    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
