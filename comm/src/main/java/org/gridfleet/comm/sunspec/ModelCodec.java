package org.gridfleet.comm.sunspec;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a model instance's registers into named values and back. Pure: no I/O, no clock. Numbers are scaled
 * by their scale factor ({@code value = raw · 10^sf}); a point holding its type's "not implemented" sentinel
 * (0xFFFF, 0x8000, 0xFFFFFFFF, ..., an all-NUL string) is absent, and so is a number whose scale factor is.
 */
public final class ModelCodec {
    private ModelCodec() {
    }

    /**
     * Decodes one model instance.
     *
     * @param model     the definition
     * @param registers the instance from its ID register on: ID, L, then L registers (more are ignored)
     */
    public static ModelValues decode(ModelDefinition model, short[] registers) {
        if (registers.length < 2 || (registers[0] & 0xFFFF) != model.id()) {
            throw new IllegalArgumentException("registers do not start with model id " + model.id());
        }
        int length = Math.min(registers[1] & 0xFFFF, registers.length - 2);
        ModelLayout layout = ModelLayout.of(model, length);
        Map<String, Long> raws = new LinkedHashMap<>();
        for (ModelLayout.Slot s : layout.slots()) {
            raws.put(s.path(), raw(registers, s.offset(), Math.min(s.point().registers(), 4)));
        }
        Map<String, PointValue> values = new LinkedHashMap<>();
        Set<String> absent = new LinkedHashSet<>();
        for (ModelLayout.Slot s : layout.slots()) {
            PointDefinition p = s.point();
            if (p.type() == PointType.PAD) {
                continue;
            }
            decode(s, registers, raws).ifPresentOrElse(v -> values.put(s.path(), v), () -> absent.add(s.path()));
        }
        return new ModelValues(model.id(), values, absent);
    }

    private static Optional<PointValue> decode(ModelLayout.Slot s, short[] registers, Map<String, Long> raws) {
        PointDefinition p = s.point();
        long raw = raws.get(s.path());
        if (p.type() == PointType.STRING) {
            byte[] bytes = new byte[p.registers() * 2];
            for (int i = 0; i < p.registers(); i++) {
                bytes[2 * i] = (byte) (registers[s.offset() + i] >> 8);
                bytes[2 * i + 1] = (byte) registers[s.offset() + i];
            }
            int end = 0;
            while (end < bytes.length && bytes[end] != 0) {
                end++;
            }
            return end == 0 ? Optional.empty()
                    : Optional.of(new PointValue.Text(new String(bytes, 0, end, StandardCharsets.UTF_8).strip()));
        }
        OptionalLong sentinel = p.type().notImplemented();
        if (sentinel.isPresent() && raw == sentinel.getAsLong()) {
            return Optional.empty();
        }
        return switch (p.type()) {
            case ENUM16, ENUM32 -> Optional.of(new PointValue.Symbol(raw, Optional.ofNullable(p.symbols().get(raw))));
            case BITFIELD16, BITFIELD32, BITFIELD64 -> Optional.of(new PointValue.Bits(raw, bitNames(p, raw)));
            case FLOAT32 -> {
                float f = Float.intBitsToFloat((int) raw);
                yield Float.isNaN(f) ? Optional.empty() : Optional.of(new PointValue.Number(f, raw));
            }
            case SUNSSF -> Optional.of(new PointValue.Number(signed(p, raw), signed(p, raw)));
            case IPADDR, IPV6ADDR, EUI48 -> Optional.of(new PointValue.Text(Long.toHexString(raw)));
            default -> scale(s, raws).map(sf -> new PointValue.Number(signed(p, raw) * Math.pow(10, sf), signed(p, raw)));
        };
    }

    /** The exponent that applies to a slot: 0 when unscaled, empty when its scale factor is not implemented. */
    private static Optional<Integer> scale(ModelLayout.Slot s, Map<String, Long> raws) {
        Optional<Integer> fixed = s.point().fixedScaleFactor();
        if (fixed.isPresent()) {
            return fixed;
        }
        if (s.scalePath().isEmpty()) {
            return Optional.of(0);
        }
        Long sf = raws.get(s.scalePath().get());
        if (sf == null || sf == 0x8000L) {
            return Optional.empty();
        }
        int exponent = (short) (long) sf;
        return exponent < -10 || exponent > 10 ? Optional.empty() : Optional.of(exponent);
    }

    /**
     * Encodes a whole instance: ID, L (the model's fixed length unless {@code length} is larger), then every
     * point; a point without a value holds its "not implemented" sentinel. Numbers are given scaled and are
     * divided by 10^sf of their scale factor, which must be among the values.
     */
    public static short[] encode(ModelDefinition model, Map<String, PointValue> values, int length) {
        ModelLayout layout = ModelLayout.of(model, length);
        short[] registers = new short[layout.registers()];
        for (ModelLayout.Slot s : layout.slots()) {
            PointValue v = switch (s.point().name()) {
                case "ID" -> new PointValue.Number(model.id(), model.id());
                case "L" -> new PointValue.Number(length, length);
                default -> values.get(s.path());
            };
            write(registers, s, v, values);
        }
        return registers;
    }

    public static short[] encode(ModelDefinition model, Map<String, PointValue> values) {
        return encode(model, values, model.fixedLength());
    }

    /**
     * The registers that write one point, and their offset from the model's ID register, scaled with the
     * scale factor among {@code current} (the model as last read).
     */
    public static RegisterWrite encodePoint(ModelDefinition model, ModelValues current, int length, String path, PointValue value) {
        ModelLayout layout = ModelLayout.of(model, length);
        ModelLayout.Slot s = layout.slot(path)
                .orElseThrow(() -> new IllegalArgumentException("model " + model.id() + " has no point " + path));
        if (!s.point().writable()) {
            throw new IllegalArgumentException("model " + model.id() + ", point " + path + " is read-only");
        }
        short[] scratch = new short[layout.registers()];
        write(scratch, s, value, current.values());
        short[] out = new short[s.point().registers()];
        System.arraycopy(scratch, s.offset(), out, 0, out.length);
        return new RegisterWrite(s.offset(), out);
    }

    /** Registers to write at an offset from a model's ID register. */
    public record RegisterWrite(int offset, short[] registers) {
    }

    private static void write(short[] registers, ModelLayout.Slot s, PointValue v, Map<String, PointValue> values) {
        PointDefinition p = s.point();
        int n = p.registers();
        if (p.type() == PointType.STRING) {
            byte[] bytes = v instanceof PointValue.Text t ? t.text().getBytes(StandardCharsets.UTF_8) : new byte[0];
            if (bytes.length > n * 2) {
                throw new IllegalArgumentException("point " + s.path() + " holds at most " + n * 2 + " bytes: " + v);
            }
            for (int i = 0; i < n; i++) {
                int hi = 2 * i < bytes.length ? bytes[2 * i] & 0xFF : 0;
                int lo = 2 * i + 1 < bytes.length ? bytes[2 * i + 1] & 0xFF : 0;
                registers[s.offset() + i] = (short) (hi << 8 | lo);
            }
            return;
        }
        long raw = v == null || p.type() == PointType.PAD ? p.type().notImplemented().orElse(0) : rawOf(s, v, values);
        int words = Math.min(n, 4);
        for (int i = 0; i < words; i++) {
            registers[s.offset() + i] = (short) (raw >>> (16 * (words - 1 - i)));
        }
    }

    private static long rawOf(ModelLayout.Slot s, PointValue v, Map<String, PointValue> values) {
        PointDefinition p = s.point();
        long raw = switch (v) {
            case PointValue.Symbol sym -> sym.raw();
            case PointValue.Bits bits -> bits.raw() != 0 || bits.names().isEmpty() ? bits.raw() : bitsOf(p, bits.names());
            case PointValue.Text t -> throw new IllegalArgumentException("point " + s.path() + " is not text: " + t);
            case PointValue.Number num when p.type() == PointType.FLOAT32 -> Float.floatToIntBits((float) num.value()) & 0xFFFFFFFFL;
            case PointValue.Number num when p.type() == PointType.SUNSSF || p.type() == PointType.ENUM16
                    || p.type() == PointType.ENUM32 || p.type().name().startsWith("BITFIELD") -> num.raw();
            case PointValue.Number num -> Math.round(num.value() / Math.pow(10, exponent(s, values)));
        };
        return checkedRange(s, raw);
    }

    private static int exponent(ModelLayout.Slot s, Map<String, PointValue> values) {
        Optional<Integer> fixed = s.point().fixedScaleFactor();
        if (fixed.isPresent()) {
            return fixed.get();
        }
        if (s.scalePath().isEmpty()) {
            return 0;
        }
        if (values.get(s.scalePath().get()) instanceof PointValue.Number sf) {
            return (int) sf.raw();
        }
        throw new IllegalArgumentException("point " + s.path() + " needs its scale factor " + s.scalePath().get());
    }

    private static long checkedRange(ModelLayout.Slot s, long raw) {
        PointType t = s.point().type();
        int bits = 16 * Math.min(s.point().registers(), 4);
        if (bits < 64) {
            long min = t.signed() ? -(1L << (bits - 1)) : 0;
            long max = t.signed() ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
            if (raw < min || raw > max) {
                throw new IllegalArgumentException("point " + s.path() + " (" + t.name().toLowerCase() + ") cannot hold " + raw);
            }
            raw &= (1L << bits) - 1;
        }
        if (t.notImplemented().isPresent() && raw == t.notImplemented().getAsLong() && t != PointType.PAD) {
            throw new IllegalArgumentException("point " + s.path() + ": " + raw + " is the not-implemented value");
        }
        return raw;
    }

    private static long raw(short[] registers, int offset, int words) {
        long raw = 0;
        for (int i = 0; i < words; i++) {
            raw = raw << 16 | (registers[offset + i] & 0xFFFFL);
        }
        return raw;
    }

    private static long signed(PointDefinition p, long raw) {
        if (!p.type().signed()) {
            return raw;
        }
        int bits = 16 * Math.min(p.registers(), 4);
        return bits == 64 ? raw : raw << (64 - bits) >> (64 - bits);
    }

    private static Set<String> bitNames(PointDefinition p, long raw) {
        Set<String> names = new TreeSet<>();
        p.symbols().forEach((bit, name) -> {
            if (bit >= 0 && bit < 64 && (raw >>> bit & 1) == 1) {
                names.add(name);
            }
        });
        return names;
    }

    private static long bitsOf(PointDefinition p, Set<String> names) {
        long raw = 0;
        for (var e : p.symbols().entrySet()) {
            if (names.contains(e.getValue())) {
                raw |= 1L << e.getKey();
            }
        }
        return raw;
    }
}
