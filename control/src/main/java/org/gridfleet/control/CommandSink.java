package org.gridfleet.control;

import java.util.concurrent.CompletableFuture;
import org.gridfleet.model.control.Command;

/**
 * Where the control center's commands go: the communications network ({@link CenterLinkSink} over comm's MQTT
 * {@code CenterLink}), or, in tests, a simulated field. Acks come back separately, through
 * {@link ControlCenter#ack}.
 *
 * <p>A resend hands the same command (same id) again; the device side answers it without applying it twice.
 */
@FunctionalInterface
public interface CommandSink {
    /**
     * Hands {@code command} on. Never throws for a network or device fault: the future completes with
     * {@link SendOutcome.Failed} instead. It may complete on another thread, or at once.
     */
    CompletableFuture<SendOutcome> send(Command command);
}
