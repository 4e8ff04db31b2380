package org.gridfleet.comm.sunspec;

import static java.util.Objects.requireNonNull;

import com.digitalpetri.modbus.ExceptionCode;
import com.digitalpetri.modbus.FunctionCode;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersResponse;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersRequest;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersResponse;
import com.digitalpetri.modbus.pdu.WriteSingleRegisterRequest;
import com.digitalpetri.modbus.pdu.WriteSingleRegisterResponse;
import com.digitalpetri.modbus.server.ModbusRequestContext;
import com.digitalpetri.modbus.server.ModbusServices;
import com.digitalpetri.modbus.server.ModbusTcpServer;
import com.digitalpetri.modbus.tcp.server.NettyTcpServerTransport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * A SunSpec device on a Modbus TCP server on 127.0.0.1 at a free port: the "SunS" marker at a base address,
 * a chain of models encoded with {@link ModelCodec} from the same official definitions the client reads, and
 * the end model. For tests now and for the simulator's field devices later, which is why it lives in comm's
 * main code (a test jar cannot be used by sim's main code). Faults can be injected: a delay before every
 * answer and a Modbus exception instead of it. Writes land only in model bodies, as on a real device, and
 * {@link #registers(int, int)} shows what the client wrote.
 */
public final class SimulatedSunSpecDevice implements AutoCloseable {
    private final short[] image = new short[0x10000];
    private final BitSet served = new BitSet(0x10000);
    private final BitSet writable = new BitSet(0x10000);
    private final ModbusTcpServer server;
    private final int port;
    private volatile Duration delay = Duration.ZERO;
    private volatile int exceptionCode;

    private SimulatedSunSpecDevice(Builder b) throws IOException {
        int address = b.base;
        put(address, new short[] {0x5375, 0x6E53});
        address += 2;
        for (short[] model : b.models) {
            put(address, model);
            writable.set(address + 2, address + model.length);
            address += model.length;
        }
        put(address, new short[] {(short) 0xFFFF, 0});
        ServerAndPort sp = bind();
        this.server = sp.server;
        this.port = sp.port;
    }

    public static Builder builder(int baseAddress) {
        return new Builder(baseAddress);
    }

    /** The TCP port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** Waits this long before every answer (0 for none): a slow device. */
    public void delay(Duration d) {
        this.delay = requireNonNull(d, "d");
    }

    /** Answers every request with this Modbus exception code (4 = device failure, 6 = busy; 0 answers normally). */
    public void failWith(int code) {
        this.exceptionCode = code;
    }

    /** The registers at an address, as the device holds them now. */
    public synchronized short[] registers(int address, int count) {
        short[] out = new short[count];
        System.arraycopy(image, address, out, 0, count);
        return out;
    }

    private void put(int address, short[] registers) {
        if (address + registers.length > image.length) {
            throw new IllegalArgumentException("the model chain does not fit below register 65536");
        }
        System.arraycopy(registers, 0, image, address, registers.length);
        served.set(address, address + registers.length);
    }

    private record ServerAndPort(ModbusTcpServer server, int port) {
    }

    private ServerAndPort bind() throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int free;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                free = probe.getLocalPort();
            }
            NettyTcpServerTransport transport = NettyTcpServerTransport.create(cfg -> cfg.setBindAddress("127.0.0.1").setPort(free));
            ModbusTcpServer s = ModbusTcpServer.create(transport, new Services());
            try {
                s.start();
                return new ServerAndPort(s, free);
            } catch (ExecutionException e) {
                last = new IOException("cannot bind 127.0.0.1:" + free, e);   // taken meanwhile: try another port
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting", e);
            }
        }
        throw last;
    }

    private final class Services implements ModbusServices {
        @Override
        public ReadHoldingRegistersResponse readHoldingRegisters(ModbusRequestContext context, int unitId,
                                                                 ReadHoldingRegistersRequest request) throws ModbusResponseException {
            answerOrFail(FunctionCode.READ_HOLDING_REGISTERS);
            int from = request.address();
            int count = request.quantity();
            synchronized (SimulatedSunSpecDevice.this) {
                if (from + count > image.length || served.get(from, from + count).cardinality() != count) {
                    throw new ModbusResponseException(FunctionCode.READ_HOLDING_REGISTERS, ExceptionCode.ILLEGAL_DATA_ADDRESS);
                }
                byte[] bytes = new byte[count * 2];
                for (int i = 0; i < count; i++) {
                    bytes[2 * i] = (byte) (image[from + i] >> 8);
                    bytes[2 * i + 1] = (byte) image[from + i];
                }
                return new ReadHoldingRegistersResponse(bytes);
            }
        }

        @Override
        public WriteMultipleRegistersResponse writeMultipleRegisters(ModbusRequestContext context, int unitId,
                                                                     WriteMultipleRegistersRequest request) throws ModbusResponseException {
            answerOrFail(FunctionCode.WRITE_MULTIPLE_REGISTERS);
            store(FunctionCode.WRITE_MULTIPLE_REGISTERS, request.address(), request.values());
            return new WriteMultipleRegistersResponse(request.address(), request.quantity());
        }

        @Override
        public WriteSingleRegisterResponse writeSingleRegister(ModbusRequestContext context, int unitId,
                                                               WriteSingleRegisterRequest request) throws ModbusResponseException {
            answerOrFail(FunctionCode.WRITE_SINGLE_REGISTER);
            store(FunctionCode.WRITE_SINGLE_REGISTER, request.address(),
                    new byte[] {(byte) (request.value() >> 8), (byte) request.value()});
            return new WriteSingleRegisterResponse(request.address(), request.value());
        }

        private void store(FunctionCode function, int from, byte[] bytes) throws ModbusResponseException {
            int count = bytes.length / 2;
            synchronized (SimulatedSunSpecDevice.this) {
                if (from + count > image.length || writable.get(from, from + count).cardinality() != count) {
                    throw new ModbusResponseException(function, ExceptionCode.ILLEGAL_DATA_ADDRESS);
                }
                for (int i = 0; i < count; i++) {
                    image[from + i] = (short) ((bytes[2 * i] & 0xFF) << 8 | bytes[2 * i + 1] & 0xFF);
                }
            }
        }

        private void answerOrFail(FunctionCode function) throws ModbusResponseException {
            Duration d = delay;
            if (!d.isZero()) {
                try {
                    Thread.sleep(d);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int code = exceptionCode;
            if (code != 0) {
                throw new ModbusResponseException(function.getCode(), code);
            }
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (ExecutionException e) {
            // the port is released either way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Builds the model chain in order; the common model (1) should come first, as SunSpec requires. */
    public static final class Builder {
        private final int base;
        private final List<short[]> models = new ArrayList<>();

        private Builder(int base) {
            if (base != 40000 && base != 0 && base != 50000) {
                throw new IllegalArgumentException("a SunSpec base address is 40000, 0 or 50000: " + base);
            }
            this.base = base;
        }

        /** Adds a model with these values (absent points hold their "not implemented" value). */
        public Builder model(ModelDefinition definition, Map<String, PointValue> values) {
            models.add(ModelCodec.encode(definition, values));
            return this;
        }

        /** Adds a model the client may not know: its header and {@code length} zero registers. */
        public Builder unknownModel(int id, int length) {
            short[] m = new short[length + 2];
            m[0] = (short) id;
            m[1] = (short) length;
            models.add(m);
            return this;
        }

        public SimulatedSunSpecDevice start() throws IOException {
            return new SimulatedSunSpecDevice(this);
        }
    }
}
