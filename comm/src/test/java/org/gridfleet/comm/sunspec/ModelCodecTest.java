package org.gridfleet.comm.sunspec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelCodecTest {
    private static final ModelDefinitions MODELS = ModelDefinitions.bundled();

    @Test
    void bundledDefinitionsHaveTheLengthsTheSpecificationPublishes() {
        // lengths (L) from the SunSpec Information Model Specification, not from our own reader
        Map<Integer, Integer> published = Map.of(1, 66, 101, 50, 102, 50, 103, 50, 123, 24, 124, 24, 713, 6);
        published.forEach((id, length) -> MODELS.find(id).ifPresent(d -> assertThat(d.fixedLength()).as("model " + id).isEqualTo(length)));
        assertThat(MODELS.find(1)).isPresent();
        assertThat(MODELS.find(103)).isPresent();
    }

    @Test
    void everyBundledModelRoundTripsWithScaleFactors() {
        Random random = new Random(7);
        for (ModelDefinition model : MODELS.all()) {
            Map<String, PointValue> values = randomValues(model, random);
            ModelValues decoded = ModelCodec.decode(model, ModelCodec.encode(model, values));
            assertThat(decoded.values().keySet()).as("model " + model.id()).containsAll(values.keySet());
            values.forEach((path, expected) -> assertSame(model.id() + " " + path, expected, decoded.values().get(path)));
        }
    }

    @Test
    void scaleFactorsApplyAsPowersOfTen() {
        ModelDefinition inverter = MODELS.get(103);
        Map<String, PointValue> values = new HashMap<>();
        values.put("W_SF", new PointValue.Number(-1, -1));
        values.put("W", PointValue.of(1234.5));
        values.put("Hz_SF", new PointValue.Number(-2, -2));
        values.put("Hz", PointValue.of(59.98));
        values.put("WH_SF", new PointValue.Number(3, 3));
        values.put("WH", PointValue.of(52_000));
        short[] registers = ModelCodec.encode(inverter, values);
        ModelValues decoded = ModelCodec.decode(inverter, registers);
        assertThat(decoded.number("W").orElseThrow()).isCloseTo(1234.5, within(1e-9));
        assertThat(((PointValue.Number) decoded.get("W").orElseThrow()).raw()).isEqualTo(12345);
        assertThat(decoded.number("Hz").orElseThrow()).isCloseTo(59.98, within(1e-9));
        assertThat(decoded.number("WH").orElseThrow()).isCloseTo(52_000, within(1e-9));
        assertThat(registers[2 + 12]).as("W is the 13th register after ID and L").isEqualTo((short) 12345);
    }

    @Test
    void notImplementedSentinelsDecodeAsAbsent() {
        ModelDefinition inverter = MODELS.get(103);
        short[] registers = ModelCodec.encode(inverter, Map.of());
        assertThat(registers[2]).as("uint16 A").isEqualTo((short) 0xFFFF);
        assertThat(registers[2 + 12]).as("int16 W").isEqualTo((short) 0x8000);
        ModelValues decoded = ModelCodec.decode(inverter, registers);
        assertThat(decoded.values()).containsOnlyKeys("ID", "L");
        assertThat(decoded.notImplemented()).contains("A", "W", "W_SF", "Hz", "St", "Evt1");
    }

    @Test
    void aNumberWhoseScaleFactorIsNotImplementedIsAbsent() {
        ModelDefinition inverter = MODELS.get(103);
        short[] registers = ModelCodec.encode(inverter, Map.of("W_SF", new PointValue.Number(0, 0), "W", PointValue.of(500)));
        registers[2 + 13] = (short) 0x8000;   // W_SF: not implemented
        ModelValues decoded = ModelCodec.decode(inverter, registers);
        assertThat(decoded.get("W")).isEmpty();
        assertThat(decoded.notImplemented()).contains("W", "W_SF");
    }

    @Test
    void stringsAndSymbolsDecodeByName() {
        ModelDefinition common = MODELS.get(1);
        ModelValues decoded = ModelCodec.decode(common, ModelCodec.encode(common,
                Map.of("Mn", new PointValue.Text("gridfleet"), "SN", new PointValue.Text("SN-0001"))));
        assertThat(decoded.text("Mn")).contains("gridfleet");
        assertThat(decoded.text("Opt")).isEmpty();
        ModelDefinition controls = MODELS.get(123);
        ModelValues c = ModelCodec.decode(controls, ModelCodec.encode(controls, Map.of("Conn", new PointValue.Symbol(1, Optional.empty()))));
        assertThat(c.symbol("Conn")).contains("CONNECT");
    }

    @Test
    void aPointWriteIsScaledWithTheModelsScaleFactor() {
        ModelDefinition controls = MODELS.get(123);
        ModelValues current = ModelCodec.decode(controls, ModelCodec.encode(controls, Map.of("WMaxLimPct_SF", new PointValue.Number(-1, -1))));
        ModelCodec.RegisterWrite write = ModelCodec.encodePoint(controls, current, controls.fixedLength(), "WMaxLimPct", PointValue.of(62.5));
        assertThat(write.offset()).isEqualTo(5);
        assertThat(write.registers()).containsExactly((short) 625);
        assertThatThrownBy(() -> ModelCodec.encodePoint(controls, current, 24, "WMaxLimPct_SF", new PointValue.Number(0, 0)))
                .hasMessageContaining("read-only");
        assertThatThrownBy(() -> ModelCodec.encodePoint(controls, current, 24, "WMaxLimPct", PointValue.of(1e6)))
                .hasMessageContaining("cannot hold");
    }

    /** Random values for every point: scale factors in -3..2, raw integers within range and not a sentinel. */
    static Map<String, PointValue> randomValues(ModelDefinition model, Random random) {
        ModelLayout layout = ModelLayout.of(model, model.fixedLength());
        Map<String, Integer> exponents = new HashMap<>();
        Map<String, PointValue> values = new LinkedHashMap<>();
        for (ModelLayout.Slot s : layout.slots()) {
            if (s.point().type() == PointType.SUNSSF) {
                int sf = random.nextInt(6) - 3;
                exponents.put(s.path(), sf);
                values.put(s.path(), new PointValue.Number(sf, sf));
            }
        }
        for (ModelLayout.Slot s : layout.slots()) {
            PointDefinition p = s.point();
            if (p.name().equals("ID") || p.name().equals("L")) {
                continue;
            }
            long raw = p.type().signed() ? random.nextInt(2000) - 1000 : random.nextInt(30000);
            PointValue v = switch (p.type()) {
                case SUNSSF, PAD -> null;
                case STRING -> new PointValue.Text("v" + random.nextInt(1000));
                case ENUM16, ENUM32 -> new PointValue.Symbol(raw, Optional.empty());
                case BITFIELD16, BITFIELD32, BITFIELD64 -> new PointValue.Bits(raw, Set.of());
                case FLOAT32 -> new PointValue.Number(raw / 4.0, 0);
                case IPADDR, IPV6ADDR, EUI48 -> null;
                default -> {
                    int sf = s.scalePath().map(exponents::get).orElse(p.fixedScaleFactor().orElse(0));
                    yield new PointValue.Number(raw * Math.pow(10, sf), raw);
                }
            };
            if (v != null) {
                values.put(s.path(), v);
            }
        }
        return values;
    }

    private static void assertSame(String what, PointValue expected, PointValue actual) {
        switch (expected) {
            case PointValue.Number n -> assertThat(((PointValue.Number) actual).value()).as(what).isCloseTo(n.value(), within(1e-6 * Math.max(1, Math.abs(n.value()))));
            case PointValue.Text t -> assertThat(actual).as(what).isEqualTo(t);
            case PointValue.Symbol s -> assertThat(((PointValue.Symbol) actual).raw()).as(what).isEqualTo(s.raw());
            case PointValue.Bits b -> assertThat(((PointValue.Bits) actual).raw()).as(what).isEqualTo(b.raw());
        }
    }
}
