package org.gridfleet.comm.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridfleet.comm.mqtt.LinkContract.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.gridfleet.comm.broker.EmbeddedBroker;
import org.gridfleet.comm.protocol.DeviceCommand;
import org.gridfleet.comm.protocol.SiteStatus;
import org.gridfleet.comm.protocol.Topics;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.control.Command;
import org.gridfleet.model.control.CommandId;
import org.junit.jupiter.api.Test;

/** The embedded broker's life cycle, and links that outlive a broker restart. */
class EmbeddedBrokerRestartIT {
    @Test
    void linksReconnectWithinTheBackoffAfterTheBrokerRestartsAndResumeWork() throws Exception {
        AssetId gen = AssetId.of("gen-1");
        Duration backoffMax = Duration.ofSeconds(1);
        LinkOptions options = LinkOptions.defaults()
                .withTopics(new Topics("gridfleet-it/" + UUID.randomUUID().toString().substring(0, 8)))
                .withReconnect(Duration.ofMillis(100), backoffMax);
        LinkContract.Recorder center = new LinkContract.Recorder();
        LinkContract.Controller controller = new LinkContract.Controller();

        EmbeddedBroker first = EmbeddedBroker.start();
        int port = first.address().port();
        Path firstFolder = first.folder();
        try (CenterLink centerLink = CenterLink.connect(first.address(), center, options);
             SiteLink site = SiteLink.connect(first.address(), gen, controller, options)) {
            await("online", () -> center.lastStatusOf(gen) != null);
            SiteStatus before = center.lastStatusOf(gen);

            first.close();
            assertThat(firstFolder).doesNotExist();
            await("both links notice", () -> !site.isConnected() && !centerLink.isConnected());

            try (EmbeddedBroker second = EmbeddedBroker.start(port)) {
                long restartedAt = System.nanoTime();
                await("online again", () -> center.lastStatusOf(gen).connectedAt().isAfter(before.connectedAt()));
                assertThat(Duration.ofNanos(System.nanoTime() - restartedAt)).isLessThan(backoffMax.plusMillis(2500));
                assertThat(center.lastStatusOf(gen).state()).isEqualTo(SiteStatus.State.ONLINE);

                Instant now = Instant.now();
                DeviceCommand command = DeviceCommand.of(new Command(CommandId.random(), gen, 75, now, now.plusSeconds(600)));
                assertThat(centerLink.send(command).get(5, TimeUnit.SECONDS)).as("the site subscribed again").isEqualTo(SendResult.ROUTED);
                await("the ack", () -> center.acksFor(command.id()).size() == 1);
                assertThat(controller.applied).containsExactly(command);
                assertThat(site.counters().connectionLosses()).isEqualTo(1);
                assertThat(centerLink.counters().connectionLosses()).isEqualTo(1);
                Path secondFolder = second.folder();
                assertThat(Files.isDirectory(secondFolder)).isTrue();
            }
        }
    }
}
