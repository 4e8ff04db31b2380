package org.gridfleet.sim.site;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import org.gridfleet.comm.broker.BrokerAddress;
import org.gridfleet.comm.mqtt.Mosquitto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The simulated field over a real Mosquitto: the one on 127.0.0.1:1883, or one started from /usr/sbin/mosquitto;
 * skipped when neither exists.
 */
class MosquittoFieldIT extends SimulatedFieldContract {
    private static Optional<Mosquitto> mosquitto = Optional.empty();

    @BeforeAll
    static void findMosquitto() {
        mosquitto = Mosquitto.find();
        assumeTrue(mosquitto.isPresent(), "no Mosquitto on 127.0.0.1:1883 and no /usr/sbin/mosquitto to start: apt-get install mosquitto");
        System.err.println("MosquittoFieldIT runs against " + mosquitto.get().origin());
    }

    @AfterAll
    static void stopMosquitto() {
        mosquitto.ifPresent(Mosquitto::close);
    }

    @Override
    BrokerAddress broker() {
        return mosquitto.orElseThrow().address();
    }
}
