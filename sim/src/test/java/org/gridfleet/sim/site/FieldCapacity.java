package org.gridfleet.sim.site;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.gridfleet.comm.broker.BrokerAddress;
import org.gridfleet.comm.mqtt.LinkOptions;
import org.gridfleet.comm.protocol.Topics;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.sim.FieldOptions;
import org.gridfleet.sim.site.SimulatedField.Network;
import org.gridfleet.sim.site.SimulatedField.Settings;
import org.gridfleet.testkit.RandomProblems;

/**
 * How many devices one JVM runs against a broker at one telemetry report per device per second, in real time
 * (docs/simulator.md, "Capacity"). Not a test: run it by hand, with a separate subscriber counting what arrives,
 * e.g. {@code mosquitto_sub -t 'gridfleet-capacity/+/devices/+/telemetry' | pv -l -r > /dev/null}.
 * <pre>
 *   java -cp sim/target/test-classes:sim/target/classes:$(cat /tmp/sim-cp.txt) org.gridfleet.sim.site.FieldCapacity \
 *        DEVICES relayed|direct SECONDS [tcp://127.0.0.1:1883]
 * </pre>
 * Prints a line every 5 s (simulated time, telemetry sent per second over the last 5 s, the loop's speed and slips)
 * and a summary. The field keeps up when its speed stays at 1 with no slips and it sends DEVICES reports a second.
 */
public final class FieldCapacity {
    private FieldCapacity() {}

    public static void main(String[] args) throws Exception {
        int devices = Integer.parseInt(args[0]);
        Network network = Network.valueOf(args[1].toUpperCase(Locale.ROOT));
        int seconds = Integer.parseInt(args[2]);
        BrokerAddress broker = BrokerAddress.parse(args.length > 3 ? args[3] : "tcp://127.0.0.1:1883");
        PlanningProblem problem = RandomProblems.problem(11, devices, 96);
        Topics topics = new Topics("gridfleet-capacity/" + UUID.randomUUID().toString().substring(0, 8));
        Settings settings = Settings.defaults(11).withField(FieldOptions.seeded(11)).withReportEvery(Duration.ofSeconds(1)).withSpeed(1)
                .withNetwork(network).withMaxConnections(devices)
                .withLink(LinkOptions.defaults().withTopics(topics).withReconnect(Duration.ofMillis(500), Duration.ofSeconds(5))
                        .withConnectTimeout(Duration.ofSeconds(60)));
        System.out.printf(Locale.ROOT, "%d devices, %s network, %d s against %s, topics under %s%n", devices, network, seconds, broker, topics.root());

        long t0 = System.nanoTime();
        try (SimulatedField field = SimulatedField.connect(problem, broker, settings)) {
            double connectSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "connected in %.1f s%n", connectSeconds);
            CompletableFuture<Void> run = field.run(Duration.ofSeconds(seconds));
            long lastSent = 0;
            long lastNanos = System.nanoTime();
            double worstRate = Double.MAX_VALUE;
            int samples = 0;
            while (!run.isDone()) {
                Thread.sleep(5000);
                long sent = field.devices().stream().mapToLong(CommunicationDevice::telemetrySent).sum();
                long now = System.nanoTime();
                double rate = (sent - lastSent) / ((now - lastNanos) / 1e9);
                lastSent = sent;
                lastNanos = now;
                if (++samples > 1) { // the first window includes the start
                    worstRate = Math.min(worstRate, rate);
                }
                SimulatedField.Status s = field.status();
                System.out.printf(Locale.ROOT, "%s  online %d/%d  telemetry %.0f/s  speed %.3f  slips %d  heap %d MB  threads %d%n", s.time(), s.online(),
                        s.devices(), rate, s.speed(), s.slips(), usedHeapMb(), Thread.activeCount());
            }
            run.join();
            long total = field.devices().stream().mapToLong(CommunicationDevice::telemetrySent).sum();
            SimulatedField.Status s = field.status();
            System.out.printf(Locale.ROOT, "SUMMARY devices=%d network=%s connect=%.1fs speed=%.3f slips=%d worstTelemetryPerSecond=%.0f telemetrySent=%d heap=%dMB tickFailures=%d%n",
                    devices, network, connectSeconds, s.speed(), s.slips(), worstRate, total, usedHeapMb(), field.tickFailures());
        } finally {
            clearRetainedStatuses(broker, topics, problem);
        }
    }

    private static long usedHeapMb() {
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed() >> 20;
    }

    /** The sites leave retained offline statuses: a persistent broker would keep them for ever. */
    private static void clearRetainedStatuses(BrokerAddress broker, Topics topics, PlanningProblem problem) {
        Mqtt5AsyncClient raw = MqttClient.builder().useMqttVersion5().identifier(topics.root().replace('/', '.') + "-cleanup")
                .serverHost(broker.host()).serverPort(broker.port()).buildAsync();
        raw.connect().join();
        CompletableFuture<?>[] clearing = problem.assets().stream().map(Asset::id)
                .map(d -> raw.publishWith().topic(topics.status(d)).retain(true).qos(MqttQos.AT_LEAST_ONCE).send())
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(clearing).join();
        raw.disconnect().join();
    }
}
