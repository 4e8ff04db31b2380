package org.gridfleet.comm.mqtt;

import org.gridfleet.comm.broker.BrokerAddress;
import org.gridfleet.comm.broker.EmbeddedBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The network's promises over the in-JVM HiveMQ CE broker, one broker for the class. */
class EmbeddedBrokerLinkIT extends LinkContract {
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
