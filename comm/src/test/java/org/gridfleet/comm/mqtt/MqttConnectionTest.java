package org.gridfleet.comm.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.gridfleet.comm.broker.BrokerAddress;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class MqttConnectionTest {
    @Test
    void givesUpAfterTheConnectTimeoutAndStopsRetrying() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        LinkCounters counters = new LinkCounters();
        LinkOptions options = LinkOptions.defaults()
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(100))
                .withConnectTimeout(Duration.ofMillis(600));
        MqttConnection connection = new MqttConnection("test-client", new BrokerAddress("127.0.0.1", closedPort), options, counters,
                null, List.of(), publish -> {}, at -> CompletableFuture.completedFuture(null), Level.INFO);

        long started = System.nanoTime();
        assertThatThrownBy(connection::connect).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test-client could not connect to the MQTT broker at tcp://127.0.0.1:" + closedPort + " within PT0.6S")
                .hasMessageContaining("Connection refused");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        long attempts = counters.failedConnectAttempts();
        assertThat(attempts).as("it retried with backoff while waiting").isGreaterThan(1);

        Thread.sleep(500);
        assertThat(counters.failedConnectAttempts()).as("no more attempts after giving up").isLessThanOrEqualTo(attempts + 1);
        assertThat(connection.isConnected()).isFalse();
    }
}
