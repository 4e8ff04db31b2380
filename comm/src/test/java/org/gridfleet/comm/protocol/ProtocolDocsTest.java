package org.gridfleet.comm.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.OperatingState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** docs/comm-protocol.md and docs/schema/ say what the codec does: same examples, same fields, same enum values. */
class ProtocolDocsTest {
    private static final Path DOCS = Path.of("..", "docs");
    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(MessageKind.class)
    void theProtocolPageShowsTheGoldenPayload(MessageKind kind) throws IOException {
        String page = Files.readString(DOCS.resolve("comm-protocol.md"));

        assertThat(page).contains("```json\n" + PayloadCodecTest.golden(kind.wireName()) + "\n```");
    }

    @ParameterizedTest
    @EnumSource(MessageKind.class)
    void theSchemaNamesTheFieldsTheCodecWrites(MessageKind kind) throws IOException {
        JsonNode schema = json.readTree(DOCS.resolve("schema").resolve(kind.wireName() + ".schema.json").toFile());
        JsonNode golden = json.readTree(PayloadCodecTest.golden(kind.wireName()));
        Set<String> properties = new HashSet<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> required = new HashSet<>();
        schema.get("required").forEach(r -> required.add(r.asText()));
        Set<String> written = new HashSet<>();
        golden.fieldNames().forEachRemaining(written::add);

        assertThat(schema.at("/properties/v/const").asInt()).isEqualTo(PayloadCodec.VERSION);
        assertThat(schema.at("/properties/kind/const").asText()).isEqualTo(kind.wireName());
        assertThat(properties).containsAll(written).containsAll(required);
        assertThat(written).containsAll(required);
        golden.properties().forEach(field -> {
            JsonNode allowed = schema.at("/properties/" + field.getKey() + "/enum");
            if (allowed.isArray()) {
                assertThat(allowed).extracting(JsonNode::asText).contains(field.getValue().asText());
            }
        });
    }

    @Test
    void theSchemasListEveryEnumValueTheCodecKnows() throws IOException {
        assertThat(enumOf("telemetry", "state")).containsExactlyInAnyOrderElementsOf(wire(OperatingState.values()));
        assertThat(enumOf("ack", "status")).containsExactlyInAnyOrderElementsOf(wire(Ack.Status.values()));
        assertThat(enumOf("status", "state")).containsExactlyInAnyOrderElementsOf(wire(SiteStatus.State.values()));
    }

    private List<String> enumOf(String kind, String field) throws IOException {
        JsonNode schema = json.readTree(DOCS.resolve("schema").resolve(kind + ".schema.json").toFile());
        List<String> values = new ArrayList<>();
        schema.at("/properties/" + field + "/enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<String> wire(Enum<?>[] values) {
        return Arrays.stream(values).map(PayloadCodec::wire).toList();
    }
}
