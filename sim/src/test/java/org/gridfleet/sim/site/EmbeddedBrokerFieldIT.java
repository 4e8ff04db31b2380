package org.gridfleet.sim.site;

import org.gridfleet.comm.broker.BrokerAddress;
import org.gridfleet.comm.broker.EmbeddedBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The simulated field over comm's in-JVM HiveMQ CE broker, one broker for the class. */
class EmbeddedBrokerFieldIT extends SimulatedFieldContract {
    private static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Override
    BrokerAddress broker() {
        return broker.address();
    }
}
