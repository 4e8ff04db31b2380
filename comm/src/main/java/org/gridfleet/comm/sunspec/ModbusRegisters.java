package org.gridfleet.comm.sunspec;

import static java.util.Objects.requireNonNull;

import com.digitalpetri.modbus.client.ModbusTcpClient;
import com.digitalpetri.modbus.exceptions.ModbusExecutionException;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.exceptions.ModbusTimeoutException;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersRequest;
import com.digitalpetri.modbus.tcp.client.NettyTcpClientTransport;
import java.time.Duration;

/**
 * A device's holding registers over Modbus TCP (digitalpetri modbus, ADR 0005). Every request has a timeout
 * and is retried with doubling backoff; what is left after the last attempt is a {@link RegisterResult}, never
 * an exception, so a slow or dead device cannot hold a poll cycle longer than
 * {@code attempts · (timeout + backoff)}.
 */
public final class ModbusRegisters implements RegisterReader, AutoCloseable {
    private final ModbusTcpClient client;
    private final ModbusOptions options;
    private final String address;

    private ModbusRegisters(ModbusTcpClient client, ModbusOptions options, String address) {
        this.client = client;
        this.options = options;
        this.address = address;
    }

    /** A client for {@code host:port}; it connects on the first request and again after a lost connection. */
    public static ModbusRegisters connect(String host, int port, ModbusOptions options) {
        requireNonNull(host, "host");
        requireNonNull(options, "options");
        NettyTcpClientTransport transport = NettyTcpClientTransport.create(cfg -> cfg.setHostname(host).setPort(port)
                .setConnectTimeout(options.requestTimeout()).setConnectPersistent(false).setReconnectLazy(true));
        ModbusTcpClient client = ModbusTcpClient.create(transport, cfg -> cfg.setRequestTimeout(options.requestTimeout()));
        return new ModbusRegisters(client, options, host + ":" + port);
    }

    @Override
    public RegisterResult read(int address, int count) {
        if (count < 1 || count > 125 || address < 0 || address + count > 0x10000) {
            throw new IllegalArgumentException("cannot read " + count + " registers at " + address);
        }
        return attempt(() -> toShorts(client.readHoldingRegisters(options.unitId(),
                new ReadHoldingRegistersRequest(address, count)).registers()));
    }

    @Override
    public RegisterResult write(int address, short[] registers) {
        if (registers.length < 1 || registers.length > 123) {
            throw new IllegalArgumentException("cannot write " + registers.length + " registers at once");
        }
        byte[] bytes = new byte[registers.length * 2];
        for (int i = 0; i < registers.length; i++) {
            bytes[2 * i] = (byte) (registers[i] >> 8);
            bytes[2 * i + 1] = (byte) registers[i];
        }
        return attempt(() -> {
            client.writeMultipleRegisters(options.unitId(), new WriteMultipleRegistersRequest(address, registers.length, bytes));
            return new short[0];
        });
    }

    private interface Request {
        short[] send() throws ModbusExecutionException, ModbusResponseException, ModbusTimeoutException;
    }

    private RegisterResult attempt(Request request) {
        RegisterResult last = null;
        Duration backoff = options.initialBackoff();
        for (int attempt = 1; attempt <= options.attempts(); attempt++) {
            if (attempt > 1 && !sleep(backoff)) {
                break;
            }
            backoff = backoff.multipliedBy(2);
            try {
                if (!client.isConnected()) {
                    client.connect();
                }
                return new RegisterResult.Ok(request.send());
            } catch (ModbusResponseException e) {
                int code = e.getExceptionCode();
                boolean retriable = code == 5 || code == 6;   // acknowledge, device busy
                last = new RegisterResult.Failed(address + " answered with Modbus exception " + code, code, retriable);
                if (!retriable) {
                    return last;
                }
            } catch (ModbusTimeoutException e) {
                last = new RegisterResult.Timeout(options.requestTimeout().multipliedBy(attempt), attempt);
            } catch (ModbusExecutionException e) {
                last = new RegisterResult.Failed(address + " unreachable: " + rootMessage(e), 0, true);
            }
        }
        return last == null ? new RegisterResult.Failed("interrupted", 0, true) : last;
    }

    private static boolean sleep(Duration d) {
        try {
            Thread.sleep(d);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static short[] toShorts(byte[] bytes) {
        short[] out = new short[bytes.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) ((bytes[2 * i] & 0xFF) << 8 | bytes[2 * i + 1] & 0xFF);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            client.disconnect();
        } catch (ModbusExecutionException e) {
            // already gone: nothing to release
        }
    }
}
