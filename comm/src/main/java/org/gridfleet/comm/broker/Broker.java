package org.gridfleet.comm.broker;

/** A broker the links can connect to; closing stops it if this process started it. */
public interface Broker extends AutoCloseable {
    BrokerAddress address();

    @Override
    void close();
}
