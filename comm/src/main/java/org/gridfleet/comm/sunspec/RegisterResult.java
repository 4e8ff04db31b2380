package org.gridfleet.comm.sunspec;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** What a register read or write came to: device faults are values, so none escapes a poll cycle. */
public sealed interface RegisterResult {
    /** Done; for a read, the registers read (empty for a write). */
    record Ok(short[] registers) implements RegisterResult {
    }

    /** No answer within the timeout, after every attempt. */
    record Timeout(Duration waited, int attempts) implements RegisterResult {
    }

    /**
     * The device answered with a Modbus exception, or could not be reached.
     *
     * @param cause         what went wrong, for the log and the capability report
     * @param exceptionCode the Modbus exception code (2 = illegal data address, ...), or 0 when there was no answer
     * @param retriable     whether trying again later may help (unreachable, busy), as opposed to a request the
     *                      device will always refuse (an address it does not have)
     */
    record Failed(String cause, int exceptionCode, boolean retriable) implements RegisterResult {
        public Failed {
            requireNonNull(cause, "cause");
        }
    }
}
