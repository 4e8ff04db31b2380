package org.gridfleet.comm.sunspec;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * The SunSpec point types, with their size in registers and the raw value that means "not implemented".
 * Accumulators ({@code acc*}) have no sentinel in the specification but 0 means "not accumulated"; they
 * are read as plain numbers here, so only {@code acc32}'s use of 0 is left to the caller.
 */
public enum PointType {
    INT16(1, 0x8000L, true), UINT16(1, 0xFFFFL, false), COUNT(1, 0L, false), ACC16(1, 0L, false),
    ENUM16(1, 0xFFFFL, false), BITFIELD16(1, 0xFFFFL, false), SUNSSF(1, 0x8000L, true), PAD(1, 0x8000L, false),
    INT32(2, 0x80000000L, true), UINT32(2, 0xFFFFFFFFL, false), ACC32(2, 0L, false), ENUM32(2, 0xFFFFFFFFL, false),
    BITFIELD32(2, 0xFFFFFFFFL, false), FLOAT32(2, 0x7FC00000L, false), IPADDR(2, 0L, false),
    INT64(4, 0x8000000000000000L, true), UINT64(4, 0xFFFFFFFFFFFFFFFFL, false), ACC64(4, 0L, false),
    BITFIELD64(4, 0xFFFFFFFFFFFFFFFFL, false), EUI48(4, 0xFFFFFFFFFFFFFFFFL, false),
    IPV6ADDR(8, 0L, false), STRING(0, 0L, false);

    private final int registers;
    private final long notImplemented;
    private final boolean signed;

    PointType(int registers, long notImplemented, boolean signed) {
        this.registers = registers;
        this.notImplemented = notImplemented;
        this.signed = signed;
    }

    /** The type named in a model definition ({@code "uint16"}, {@code "sunssf"}, ...). */
    public static PointType of(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown SunSpec point type: " + name, e);
        }
    }

    /** Registers a point of this type takes when its definition gives no size; 0 for strings, whose size is given. */
    public int defaultRegisters() {
        return registers;
    }

    /** Whether the raw value is two's complement. */
    public boolean signed() {
        return signed;
    }

    /**
     * The raw value (as unsigned bits of the point's width) that means the device does not implement the point;
     * empty for accumulators, counts and addresses, whose zero is a value (or "not accumulated").
     */
    public OptionalLong notImplemented() {
        return switch (this) {
            case ACC16, ACC32, ACC64, COUNT, IPADDR, IPV6ADDR, STRING -> OptionalLong.empty();
            default -> OptionalLong.of(notImplemented);
        };
    }

    /** Whether the decoded value is a number that a scale factor may apply to. */
    public boolean numeric() {
        return switch (this) {
            case INT16, UINT16, COUNT, ACC16, INT32, UINT32, ACC32, FLOAT32, INT64, UINT64, ACC64 -> true;
            default -> false;
        };
    }
}
