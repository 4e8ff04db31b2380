package org.gridfleet.comm.sunspec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client against the simulated device over Modbus TCP on loopback:
 * <pre>
 *   ModbusRegisters ──TCP 127.0.0.1:port──▶ SimulatedSunSpecDevice
 *   "SunS" @ base │ 1 common │ 103 inverter │ 123 controls │ (64999 unknown) │ 0xFFFF end
 * </pre>
 */
class SunSpecDeviceIT {
    private static final ModelDefinitions MODELS = ModelDefinitions.bundled();
    private static final ModbusOptions FAST = new ModbusOptions(1, Duration.ofMillis(300), 3, Duration.ofMillis(50));

    private static SimulatedSunSpecDevice.Builder inverter(int base) {
        return SimulatedSunSpecDevice.builder(base)
                .model(MODELS.get(1), Map.of("Mn", new PointValue.Text("gridfleet"), "SN", new PointValue.Text("INV-7")))
                .model(MODELS.get(103), Map.of("W_SF", new PointValue.Number(1, 1), "W", PointValue.of(4_520),
                        "Hz_SF", new PointValue.Number(-2, -2), "Hz", PointValue.of(60.01)))
                .model(MODELS.get(123), Map.of("WMaxLimPct_SF", new PointValue.Number(0, 0), "WMaxLimPct", PointValue.of(100)));
    }

    @ParameterizedTest
    @ValueSource(ints = {40000, 0, 50000})
    void discoversTheModelChainAtEveryBaseAddress(int base) throws Exception {
        try (SimulatedSunSpecDevice device = inverter(base).start();
             ModbusRegisters registers = ModbusRegisters.connect("127.0.0.1", device.port(), FAST)) {
            Discovery found = SunSpecDiscovery.discover(registers, MODELS);
            assertThat(found).isInstanceOf(Discovery.Found.class);
            DeviceMap map = ((Discovery.Found) found).map();
            assertThat(map.baseAddress()).isEqualTo(base);
            assertThat(map.models()).extracting(ModelLocation::id).containsExactly(1, 103, 123);
            assertThat(map.models().get(0).address()).isEqualTo(base + 2);
            assertThat(map.report().skipped()).isEmpty();

            RegisterResult read = SunSpecDiscovery.readModel(registers, map.model(103).orElseThrow());
            ModelValues inverter = ModelCodec.decode(MODELS.get(103), ((RegisterResult.Ok) read).registers());
            assertThat(inverter.number("W")).hasValue(4_520);
            assertThat(inverter.number("Hz").orElseThrow()).isEqualTo(60.01, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(inverter.get("VAr")).isEmpty();
        }
    }

    @Test
    void aWriteLandsInTheControlsModel() throws Exception {
        try (SimulatedSunSpecDevice device = inverter(40000).start();
             ModbusRegisters registers = ModbusRegisters.connect("127.0.0.1", device.port(), FAST)) {
            DeviceMap map = ((Discovery.Found) SunSpecDiscovery.discover(registers, MODELS)).map();
            ModelLocation controls = map.model(123).orElseThrow();
            ModelValues current = ModelCodec.decode(MODELS.get(123),
                    ((RegisterResult.Ok) SunSpecDiscovery.readModel(registers, controls)).registers());
            ModelCodec.RegisterWrite w = ModelCodec.encodePoint(MODELS.get(123), current, controls.length(), "WMaxLimPct", PointValue.of(40));
            assertThat(registers.write(controls.address() + w.offset(), w.registers())).isInstanceOf(RegisterResult.Ok.class);
            ModelValues after = ModelCodec.decode(MODELS.get(123),
                    ((RegisterResult.Ok) SunSpecDiscovery.readModel(registers, controls)).registers());
            assertThat(after.number("WMaxLimPct")).hasValue(40);
            assertThat(registers.write(40000, new short[] {1})).as("the SunS marker is read-only")
                    .isInstanceOfSatisfying(RegisterResult.Failed.class, f -> assertThat(f.exceptionCode()).isEqualTo(2));
        }
    }

    @Test
    void aModelWeDoNotKnowIsSkippedWithAReason() throws Exception {
        try (SimulatedSunSpecDevice device = inverter(40000).unknownModel(64999, 10).model(MODELS.get(124), Map.of()).start();
             ModbusRegisters registers = ModbusRegisters.connect("127.0.0.1", device.port(), FAST)) {
            DeviceMap map = ((Discovery.Found) SunSpecDiscovery.discover(registers, MODELS)).map();
            assertThat(map.models()).extracting(ModelLocation::id).containsExactly(1, 103, 123, 64999, 124);
            assertThat(map.report().supported()).containsExactly(1, 103, 123, 124);
            assertThat(map.report().skipped()).singleElement().satisfies(s -> {
                assertThat(s.id()).isEqualTo(64999);
                assertThat(s.reason()).contains("unknown model");
            });
            assertThat(map.report().toString()).contains("skipped model 64999");
        }
    }

    @Test
    void anUnreachableDeviceIsAResultWithinTheRetries() throws Exception {
        int port;
        try (SimulatedSunSpecDevice device = inverter(40000).start()) {
            port = device.port();
        }
        long start = System.nanoTime();
        try (ModbusRegisters registers = ModbusRegisters.connect("127.0.0.1", port, FAST)) {
            Discovery d = SunSpecDiscovery.discover(registers, MODELS);
            assertThat(d).isInstanceOfSatisfying(Discovery.Unreachable.class,
                    u -> assertThat(u.result()).isInstanceOf(RegisterResult.Failed.class));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aModbusExceptionIsAResultNamingItsCode() throws Exception {
        try (SimulatedSunSpecDevice device = inverter(40000).start();
             ModbusRegisters registers = ModbusRegisters.connect("127.0.0.1", device.port(), FAST)) {
            device.failWith(4);
            assertThat(registers.read(40000, 2)).isInstanceOfSatisfying(RegisterResult.Failed.class, f -> {
                assertThat(f.exceptionCode()).isEqualTo(4);
                assertThat(f.retriable()).isFalse();
            });
            device.failWith(6);   // busy: retried, then the result
            assertThat(registers.read(40000, 2)).isInstanceOfSatisfying(RegisterResult.Failed.class, f -> assertThat(f.retriable()).isTrue());
            device.failWith(0);
            assertThat(registers.read(40000, 2)).isInstanceOf(RegisterResult.Ok.class);
        }
    }

    @Test
    void aSlowDeviceTimesOutAfterItsRetriesAndIsNotStuck() throws Exception {
        try (SimulatedSunSpecDevice device = inverter(40000).start();
             ModbusRegisters registers = ModbusRegisters.connect("127.0.0.1", device.port(), FAST)) {
            device.delay(Duration.ofMillis(800));
            long start = System.nanoTime();
            RegisterResult r = registers.read(40000, 2);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(r).isInstanceOfSatisfying(RegisterResult.Timeout.class, t -> assertThat(t.attempts()).isEqualTo(3));
            // 3 × 300 ms + 50 + 100 ms of backoff, with slack, never the device's 3 × 800 ms
            assertThat(took).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2200));
            device.delay(Duration.ZERO);
            Thread.sleep(1000);   // let the late answers drain
            assertThat(registers.read(40000, 2)).isInstanceOf(RegisterResult.Ok.class);
        }
    }
}
