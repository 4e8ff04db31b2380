package org.gridfleet.sim.site;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Just enough of the MQTT 5 wire format (OASIS MQTT 5.0, sections 2 and 3) for the sites' network
 * ({@link SiteNetwork}) to cut the byte stream into packets, learn who connects, recognise an ack being published
 * and answer in the broker's stead: the fixed header, the CONNECT client identifier, the CONNACK's topic alias
 * maximum, a PUBLISH's topic and packet identifier, and a PUBACK. Everything else passes through untouched.
 *
 * <p>The protocol itself (topics, payloads, sessions) is comm's; this is the network underneath it, which needs
 * the packet boundaries to drop or hold one packet. No MQTT library: only comm may use one.
 */
final class MqttWire {
    static final int CONNECT = 1;
    static final int CONNACK = 2;
    static final int PUBLISH = 3;
    static final int PUBACK = 4;
    /** The largest packet relayed; gridfleet's payloads are at most 16 KiB. */
    static final int MAX_PACKET_BYTES = 1 << 20;
    /** CONNACK property: the most topic aliases the client may use towards the broker. */
    static final int TOPIC_ALIAS_MAXIMUM = 0x22;

    private MqttWire() {}

    /** One whole control packet as it travels: fixed header (type, flags, remaining length) and body. */
    record Packet(byte[] bytes, int bodyOffset) {
        int type() {
            return (bytes[0] & 0xF0) >>> 4;
        }

        int flags() {
            return bytes[0] & 0x0F;
        }

        int bodyLength() {
            return bytes.length - bodyOffset;
        }
    }

    /** Reads one packet, or returns null at a clean end of stream before its first byte. */
    static Packet read(InputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        byte[] lengthBytes = new byte[4];
        int n = 0;
        int length = 0;
        int multiplier = 1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the connection closed inside a packet header");
            }
            lengthBytes[n++] = (byte) b;
            length += (b & 0x7F) * multiplier;
            if ((b & 0x80) == 0) {
                break;
            }
            if (n == 4) {
                throw new IOException("malformed remaining length");
            }
            multiplier *= 128;
        }
        if (length > MAX_PACKET_BYTES) {
            throw new IOException("packet of " + length + " bytes is larger than " + MAX_PACKET_BYTES);
        }
        byte[] bytes = new byte[1 + n + length];
        bytes[0] = (byte) first;
        System.arraycopy(lengthBytes, 0, bytes, 1, n);
        if (in.readNBytes(bytes, 1 + n, length) < length) {
            throw new EOFException("the connection closed inside a packet");
        }
        return new Packet(bytes, 1 + n);
    }

    /** A packet with fixed-header byte {@code first} and {@code body}. */
    static Packet packet(int first, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 5);
        out.write(first);
        writeVarInt(out, body.length);
        int bodyOffset = out.size();
        out.writeBytes(body);
        return new Packet(out.toByteArray(), bodyOffset);
    }

    /** The CONNECT packet's protocol level: 5 for MQTT 5, 4 for 3.1.1. */
    static int protocolLevel(Packet connect) {
        requireType(connect, CONNECT);
        Reader r = new Reader(connect);
        r.skipString(); // protocol name "MQTT"
        return r.u8();
    }

    /** The client identifier in a CONNECT packet. */
    static String connectClientId(Packet connect) {
        requireType(connect, CONNECT);
        Reader r = new Reader(connect);
        r.skipString(); // protocol name
        int level = r.u8();
        r.u8(); // connect flags
        r.u16(); // keep alive
        if (level >= 5) {
            r.skip(r.varInt()); // properties
        }
        return r.string();
    }

    /**
     * The CONNACK without its topic alias maximum, so that the client never uses topic aliases and every PUBLISH
     * names its topic in full (absent means 0, MQTT 5.0 section 3.2.2.3.8). The same packet when it has none, or
     * when it holds a property this class does not know (then it is left as it is).
     */
    static Packet withoutTopicAliasMaximum(Packet connack) {
        requireType(connack, CONNACK);
        Reader r = new Reader(connack);
        int flags = r.u8();
        int reason = r.u8();
        if (!r.hasMore()) {
            return connack; // MQTT 3.1.1, or no properties
        }
        int propertiesLength = r.varInt();
        int start = r.position();
        int end = start + propertiesLength;
        ByteArrayOutputStream kept = new ByteArrayOutputStream(propertiesLength);
        boolean removed = false;
        while (r.position() < end) {
            int at = r.position();
            int id = r.varInt();
            int size = propertySize(id, r);
            if (size < 0) {
                return connack;
            }
            r.skip(size);
            if (id == TOPIC_ALIAS_MAXIMUM) {
                removed = true;
            } else {
                kept.write(connack.bytes(), at, r.position() - at);
            }
        }
        if (!removed) {
            return connack;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(connack.bodyLength());
        body.write(flags);
        body.write(reason);
        writeVarInt(body, kept.size());
        body.writeBytes(kept.toByteArray());
        body.write(connack.bytes(), end, connack.bytes().length - end);
        return packet(connack.bytes()[0] & 0xFF, body.toByteArray());
    }

    /**
     * The number of value bytes of property {@code id} at the reader's position (the reader is not moved, except
     * over a variable byte integer's own bytes, which count as read); -1 for an unknown property.
     */
    private static int propertySize(int id, Reader r) {
        return switch (id) {
            case 0x01, 0x17, 0x19, 0x24, 0x25, 0x28, 0x29, 0x2A -> 1;
            case 0x13, 0x21, 0x22, 0x23 -> 2;
            case 0x02, 0x11, 0x18, 0x27 -> 4;
            case 0x0B -> {
                r.varInt(); // subscription identifier: its value is its own bytes
                yield 0;
            }
            case 0x03, 0x08, 0x09, 0x12, 0x15, 0x16, 0x1A, 0x1C, 0x1F -> 2 + r.peekU16();
            case 0x26 -> {
                int keyLength = r.peekU16();
                yield 2 + keyLength + 2 + r.peekU16At(2 + keyLength);
            }
            default -> -1;
        };
    }

    /** The QoS of a PUBLISH packet: 0, 1 or 2. */
    static int publishQos(Packet publish) {
        requireType(publish, PUBLISH);
        return (publish.flags() >>> 1) & 0x03;
    }

    /** The topic a PUBLISH packet names (empty when it uses a topic alias instead). */
    static String publishTopic(Packet publish) {
        requireType(publish, PUBLISH);
        return new Reader(publish).string();
    }

    /** The packet identifier of a PUBLISH with QoS 1 or 2, or -1 for QoS 0. */
    static int publishPacketId(Packet publish) {
        if (publishQos(publish) == 0) {
            return -1;
        }
        Reader r = new Reader(publish);
        r.skipString();
        return r.u16();
    }

    /** A PUBACK for {@code packetId}: success, no properties (the short form, MQTT 5.0 section 3.4.2.1). */
    static Packet pubAck(int packetId) {
        return new Packet(new byte[] {(byte) (PUBACK << 4), 2, (byte) (packetId >>> 8), (byte) packetId}, 2);
    }

    private static void requireType(Packet packet, int type) {
        if (packet.type() != type) {
            throw new IllegalArgumentException("expected an MQTT packet of type " + type + ", got " + packet.type());
        }
    }

    static void writeVarInt(ByteArrayOutputStream out, int value) {
        int v = value;
        do {
            int b = v % 128;
            v /= 128;
            out.write(v > 0 ? b | 0x80 : b);
        } while (v > 0);
    }

    /** Reads the body of one packet; a malformed packet throws {@link IllegalArgumentException}. */
    private static final class Reader {
        private final byte[] bytes;
        private int at;

        Reader(Packet packet) {
            this.bytes = packet.bytes();
            this.at = packet.bodyOffset();
        }

        int position() {
            return at;
        }

        boolean hasMore() {
            return at < bytes.length;
        }

        int u8() {
            need(1);
            return bytes[at++] & 0xFF;
        }

        int u16() {
            need(2);
            int v = ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
            at += 2;
            return v;
        }

        int peekU16() {
            return peekU16At(0);
        }

        int peekU16At(int offset) {
            if (at + offset + 2 > bytes.length) {
                throw new IllegalArgumentException("MQTT packet ends early");
            }
            return ((bytes[at + offset] & 0xFF) << 8) | (bytes[at + offset + 1] & 0xFF);
        }

        int varInt() {
            int value = 0;
            int multiplier = 1;
            for (int i = 0; i < 4; i++) {
                int b = u8();
                value += (b & 0x7F) * multiplier;
                if ((b & 0x80) == 0) {
                    return value;
                }
                multiplier *= 128;
            }
            throw new IllegalArgumentException("malformed variable byte integer");
        }

        String string() {
            int length = u16();
            need(length);
            String s = new String(bytes, at, length, StandardCharsets.UTF_8);
            at += length;
            return s;
        }

        void skipString() {
            skip(u16());
        }

        void skip(int n) {
            need(n);
            at += n;
        }

        private void need(int n) {
            if (n < 0 || at + n > bytes.length) {
                throw new IllegalArgumentException("MQTT packet ends early");
            }
        }
    }
}
