package org.gridfleet.comm.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gridfleet.model.AssetId;
import org.gridfleet.model.EndUserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicsTest {
    private final Topics topics = Topics.standard();

    @Test
    void namesTheDocumentedTopics() {
        AssetId device = AssetId.of("gen-1");
        assertThat(topics.telemetry(device)).isEqualTo("gridfleet/devices/gen-1/telemetry");
        assertThat(topics.command(device)).isEqualTo("gridfleet/devices/gen-1/command");
        assertThat(topics.ack(device)).isEqualTo("gridfleet/devices/gen-1/ack");
        assertThat(topics.status(device)).isEqualTo("gridfleet/devices/gen-1/status");
        assertThat(topics.demand(EndUserId.of("EU-7"))).isEqualTo("gridfleet/endusers/EU-7/demand");
        assertThat(topics.all(MessageKind.TELEMETRY)).isEqualTo("gridfleet/devices/+/telemetry");
        assertThat(topics.all(MessageKind.DEMAND)).isEqualTo("gridfleet/endusers/+/demand");
        assertThat(Topics.shared("center", topics.all(MessageKind.ACK))).isEqualTo("$share/center/gridfleet/devices/+/ack");
    }

    @Test
    void everyTopicItNamesParsesBackToItsAddress() {
        AssetId device = AssetId.of("pv_roof.3");
        for (MessageKind kind : MessageKind.values()) {
            if (kind.subject() == MessageKind.Subject.DEVICE) {
                assertThat(topics.parse(topics.of(device, kind))).isEqualTo(Decoded.ok(new TopicAddress.OfDevice(device, kind)));
            } else {
                EndUserId endUser = EndUserId.of("meter-9");
                assertThat(topics.parse(topics.of(endUser, kind))).isEqualTo(Decoded.ok(new TopicAddress.OfEndUser(endUser, kind)));
            }
        }
    }

    @Test
    void aRootOfSeveralLevelsSeparatesPlantsOnOneBroker() {
        Topics plant = new Topics("acme/plant-2");
        String topic = plant.telemetry(AssetId.of("g1"));

        assertThat(topic).isEqualTo("acme/plant-2/devices/g1/telemetry");
        assertThat(plant.parse(topic)).isInstanceOf(Decoded.Ok.class);
        assertThat(topics.parse(topic)).isInstanceOf(Decoded.Rejected.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "gridfleet/devices/+/telemetry        | wildcards",
            "gridfleet/devices/#                  | wildcards",
            "$share/g/gridfleet/devices/a/ack     | belong to the broker",
            "$SYS/broker/uptime                   | belong to the broker",
            "other/devices/g1/telemetry           | outside the root",
            "gridfleet/devices/g1                 | found 3 levels",
            "gridfleet/devices/g1/telemetry/extra | found 5 levels",
            "gridfleet/devices//telemetry         | device id '' must match",
            "gridfleet/devices/g 1/telemetry      | device id 'g 1' must match",
            "gridfleet/devices/-g1/telemetry      | device id '-g1' must match",
            "gridfleet/endusers/e/x/demand        | found 5 levels",
            "gridfleet/endusers/e$1/demand        | end-user id 'e$1' must match",
            "gridfleet/devices/g1/demand          | expected one of telemetry, command, ack, status",
            "gridfleet/endusers/e1/telemetry      | expected one of demand",
            "gridfleet/gadgets/g1/telemetry       | neither 'devices' nor 'endusers'",
            "gridfleet/devices/g1/Telemetry       | not a kind of message",
    })
    void refusesTopicsThatAreNotOurs(String topic, String expectedDetail) {
        Decoded<TopicAddress> parsed = topics.parse(topic);

        assertThat(parsed).isInstanceOfSatisfying(Decoded.Rejected.class, r -> {
            assertThat(r.rejection().reason()).isEqualTo(Rejection.Reason.BAD_TOPIC);
            assertThat(r.rejection().topic()).isEqualTo(topic);
            assertThat(r.rejection().detail()).contains(expectedDetail);
        });
    }

    @Test
    void refusesAnEmptyTopic() {
        assertThat(topics.parse("")).isInstanceOf(Decoded.Rejected.class);
        assertThat(topics.parse(null)).isInstanceOf(Decoded.Rejected.class);
    }

    @Test
    void refusesBadRootsAndKindsForTheWrongSubject() {
        assertThatThrownBy(() -> new Topics("grid/+")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Topics("grid/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Topics("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> topics.of(AssetId.of("g1"), MessageKind.DEMAND)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> topics.of(EndUserId.of("e1"), MessageKind.COMMAND)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.shared("a/b", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
