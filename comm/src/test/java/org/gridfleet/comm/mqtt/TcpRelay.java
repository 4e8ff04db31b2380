package org.gridfleet.comm.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gridfleet.comm.broker.BrokerAddress;

/**
 * A loopback TCP relay between MQTT clients and a broker that can break connections the way a network does:
 * both sides' sockets closed at once, with no MQTT DISCONNECT, and new connections refused while "down".
 */
final class TcpRelay implements AutoCloseable {
    private final BrokerAddress target;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean refusing;

    TcpRelay(BrokerAddress target) {
        this.target = target;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().name("relay-accept").start(this::acceptLoop);
    }

    BrokerAddress address() {
        return new BrokerAddress("127.0.0.1", server.getLocalPort());
    }

    /** Breaks every open connection, on both sides, without a goodbye. */
    void cutAll() {
        for (Socket socket : sockets) {
            closeHard(socket);
        }
    }

    /** While true, new connections are closed as soon as they are accepted, as if the network were down. */
    void refuse(boolean refusing) {
        this.refusing = refusing;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (refusing) {
                closeHard(client);
                continue;
            }
            try {
                Socket upstream = new Socket(target.host(), target.port());
                sockets.add(client);
                sockets.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream));
                Thread.ofVirtual().start(() -> pump(upstream, client));
            } catch (IOException e) {
                closeHard(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // cut or closed
        } finally {
            closeHard(from);
            closeHard(to);
        }
    }

    private void closeHard(Socket socket) {
        sockets.remove(socket);
        try {
            socket.setSoLinger(true, 0); // a reset, as when a link fails, not an orderly close
        } catch (IOException e) {
            // already closed
        }
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // ignore
        }
        cutAll();
    }
}
