package org.gridfleet.comm.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BrokerSettingsTest {
    @Test
    void embeddedIsTheDefault() {
        assertThat(BrokerSettings.embedded()).isEqualTo(new BrokerSettings.Embedded(0));
        assertThat(BrokerSettings.parse("embedded")).isEqualTo(new BrokerSettings.Embedded(0));
        assertThat(BrokerSettings.parse(" embedded:1884 ")).isEqualTo(new BrokerSettings.Embedded(1884));
    }

    @Test
    void readsAnExternalBrokerAddress() {
        assertThat(BrokerSettings.parse("tcp://mqtt.example.org:8883"))
                .isEqualTo(new BrokerSettings.External(new BrokerAddress("mqtt.example.org", 8883)));
        assertThat(BrokerSettings.parse("mqtt://127.0.0.1")).isEqualTo(new BrokerSettings.External(new BrokerAddress("127.0.0.1", 1883)));
        assertThat(BrokerAddress.parse("tcp://[::1]:1884")).isEqualTo(new BrokerAddress("::1", 1884));
        assertThat(new BrokerAddress("::1", 1884)).hasToString("tcp://[::1]:1884");
    }

    @Test
    void writesWhatItReads() {
        for (String text : new String[] {"embedded", "embedded:1884", "tcp://broker:1883"}) {
            assertThat(BrokerSettings.parse(text)).hasToString(text);
        }
    }

    @Test
    void anExternalBrokerIsNotOursToStop() {
        try (Broker broker = BrokerSettings.parse("tcp://127.0.0.1:1").open()) {
            assertThat(broker.address()).isEqualTo(new BrokerAddress("127.0.0.1", 1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "embedded:x", "embedded:70000", "ssl://host:8883", "tcp://host:1883/path", "tcp://user@host:1883", "tcp://host:0", "host:1883", "tcp://:1883"})
    void refusesWhatItCannotUse(String text) {
        assertThatThrownBy(() -> BrokerSettings.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(text);
    }
}
