package org.gridfleet.comm.sunspec;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How a client talks to one Modbus TCP device.
 *
 * @param unitId         the Modbus unit id (1 for most SunSpec devices behind their own TCP port)
 * @param requestTimeout how long one request may take before it counts as lost
 * @param attempts       how many times a request is tried before its timeout or failure is the result
 * @param initialBackoff the wait before the second attempt; it doubles for each further attempt
 */
public record ModbusOptions(int unitId, Duration requestTimeout, int attempts, Duration initialBackoff) {
    public ModbusOptions {
        requireNonNull(requestTimeout, "requestTimeout");
        requireNonNull(initialBackoff, "initialBackoff");
        if (unitId < 0 || unitId > 255) {
            throw new IllegalArgumentException("unitId must be within 0..255: " + unitId);
        }
        if (requestTimeout.isZero() || requestTimeout.isNegative()) {
            throw new IllegalArgumentException("requestTimeout must be > 0: " + requestTimeout);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1: " + attempts);
        }
        if (initialBackoff.isNegative()) {
            throw new IllegalArgumentException("initialBackoff must be >= 0: " + initialBackoff);
        }
    }

    /** Unit 1, 1 s per request, 3 attempts, 100 ms then 200 ms between them. */
    public static ModbusOptions defaults() {
        return new ModbusOptions(1, Duration.ofSeconds(1), 3, Duration.ofMillis(100));
    }
}
