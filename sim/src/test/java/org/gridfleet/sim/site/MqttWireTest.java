package org.gridfleet.sim.site;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import org.gridfleet.sim.site.MqttWire.Packet;
import org.junit.jupiter.api.Test;

/** The relay's slice of MQTT 5, against packets written byte by byte from the specification (OASIS MQTT 5.0). */
class MqttWireTest {

    /** CONNECT, MQTT 5: "MQTT", level 5, flags, keep-alive 15 s, properties (session expiry 300 s), client id. */
    static Packet connect(String clientId) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, "MQTT");
        body.write(5);
        body.write(0x04 | 0x20 | 0x08); // will flag, will retain, will QoS 1
        body.writeBytes(new byte[] {0, 15});
        body.writeBytes(new byte[] {5, 0x11, 0, 0, 0x01, 0x2C}); // properties: session expiry interval 300
        string(body, clientId);
        return MqttWire.packet(MqttWire.CONNECT << 4, body.toByteArray());
    }

    static void string(ByteArrayOutputStream out, String s) {
        byte[] bytes = s.getBytes(UTF_8);
        out.write(bytes.length >>> 8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    @Test
    void readsWholePacketsWhateverTheLengthOfTheirLength() throws IOException {
        byte[] small = MqttWire.pubAck(7).bytes();
        Packet large = MqttWire.packet(0x32, new byte[300]); // remaining length 300 takes two bytes: 0xAC 0x02
        assertThat(large.bytes()).startsWith(0x32, 0xAC, 0x02);
        ByteArrayInputStream in = new ByteArrayInputStream(concat(small, large.bytes()));

        Packet first = MqttWire.read(in);
        Packet second = MqttWire.read(in);

        assertThat(first.bytes()).isEqualTo(small);
        assertThat(first.type()).isEqualTo(MqttWire.PUBACK);
        assertThat(second.bytes()).isEqualTo(large.bytes());
        assertThat(second.bodyOffset()).isEqualTo(3);
        assertThat(second.bodyLength()).isEqualTo(300);
        assertThat(MqttWire.read(in)).isNull();
    }

    @Test
    void aStreamThatEndsInsideAPacketIsAnError() {
        byte[] cut = {0x30, 10, 0, 3};
        assertThatThrownBy(() -> MqttWire.read(new ByteArrayInputStream(cut))).isInstanceOf(EOFException.class);
    }

    @Test
    void readsTheClientIdOfAnMqtt5Connect() {
        Packet connect = connect("gridfleet.it-site-G-1");
        assertThat(MqttWire.protocolLevel(connect)).isEqualTo(5);
        assertThat(MqttWire.connectClientId(connect)).isEqualTo("gridfleet.it-site-G-1");
    }

    @Test
    void readsTheClientIdOfAnMqtt311Connect() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, "MQTT");
        body.write(4);
        body.write(0x02);
        body.writeBytes(new byte[] {0, 60});
        string(body, "old-client");
        Packet connect = MqttWire.packet(0x10, body.toByteArray());
        assertThat(MqttWire.protocolLevel(connect)).isEqualTo(4);
        assertThat(MqttWire.connectClientId(connect)).isEqualTo("old-client");
    }

    @Test
    void theConnackLosesItsTopicAliasMaximumAndKeepsEverythingElse() {
        ByteArrayOutputStream props = new ByteArrayOutputStream();
        props.writeBytes(new byte[] {0x21, 0, 10});      // receive maximum 10
        props.writeBytes(new byte[] {0x22, 0, 5});       // topic alias maximum 5: to go
        props.write(0x26);                               // user property "k" = "v"
        string(props, "k");
        string(props, "v");
        props.writeBytes(new byte[] {0x13, 0, 30});      // server keep alive 30
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(1); // session present
        body.write(0); // success
        body.write(props.size());
        body.writeBytes(props.toByteArray());
        Packet connack = MqttWire.packet(0x20, body.toByteArray());

        Packet stripped = MqttWire.withoutTopicAliasMaximum(connack);

        ByteArrayOutputStream expectedProps = new ByteArrayOutputStream();
        expectedProps.writeBytes(new byte[] {0x21, 0, 10});
        expectedProps.write(0x26);
        string(expectedProps, "k");
        string(expectedProps, "v");
        expectedProps.writeBytes(new byte[] {0x13, 0, 30});
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(1);
        expected.write(0);
        expected.write(expectedProps.size());
        expected.writeBytes(expectedProps.toByteArray());
        assertThat(stripped.bytes()).isEqualTo(MqttWire.packet(0x20, expected.toByteArray()).bytes());
        assertThat(stripped.bytes()[1]).isEqualTo((byte) (connack.bodyLength() - 3));
    }

    @Test
    void aConnackWithoutTopicAliasesOrWithAnUnknownPropertyStaysAsItIs() {
        Packet plain = MqttWire.packet(0x20, new byte[] {0, 0, 3, 0x21, 0, 10});
        Packet unknown = MqttWire.packet(0x20, new byte[] {0, 0, 6, 0x7F, 1, 0x22, 0, 5, 0});
        Packet mqtt311 = MqttWire.packet(0x20, new byte[] {0, 0});
        assertThat(MqttWire.withoutTopicAliasMaximum(plain)).isSameAs(plain);
        assertThat(MqttWire.withoutTopicAliasMaximum(unknown)).isSameAs(unknown);
        assertThat(MqttWire.withoutTopicAliasMaximum(mqtt311)).isSameAs(mqtt311);
    }

    @Test
    void readsThePublishTopicQosAndPacketId() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, "gridfleet/devices/G-1/ack");
        body.writeBytes(new byte[] {0x12, 0x34}); // packet id
        body.writeBytes(new byte[] {2, 0x01, 1}); // properties: payload format indicator UTF-8
        body.writeBytes("{}".getBytes(UTF_8));
        Packet qos1 = MqttWire.packet(0x32, body.toByteArray());
        assertThat(MqttWire.publishQos(qos1)).isEqualTo(1);
        assertThat(MqttWire.publishTopic(qos1)).isEqualTo("gridfleet/devices/G-1/ack");
        assertThat(MqttWire.publishPacketId(qos1)).isEqualTo(0x1234);

        ByteArrayOutputStream body0 = new ByteArrayOutputStream();
        string(body0, "gridfleet/devices/G-1/telemetry");
        body0.write(0);
        Packet qos0 = MqttWire.packet(0x30, body0.toByteArray());
        assertThat(MqttWire.publishQos(qos0)).isZero();
        assertThat(MqttWire.publishPacketId(qos0)).isEqualTo(-1);
    }

    @Test
    void aPubackIsTheShortSuccessForm() {
        assertThat(MqttWire.pubAck(0xBEEF).bytes()).containsExactly(0x40, 0x02, 0xBE, 0xEF);
    }

    @Test
    void askingAPacketForWhatItIsNotIsAnError() {
        assertThatThrownBy(() -> MqttWire.publishTopic(MqttWire.pubAck(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MqttWire.connectClientId(MqttWire.packet(0x10, new byte[] {0, 4, 'M'})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends early");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
