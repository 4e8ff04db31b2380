package org.gridfleet.control;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.gridfleet.comm.mqtt.CenterLink;
import org.gridfleet.comm.mqtt.SendResult;
import org.gridfleet.comm.protocol.DeviceCommand;
import org.gridfleet.model.control.Command;

/**
 * A {@link CommandSink} over comm's MQTT {@link CenterLink}: each command is published (QoS 1, expiring at the end of
 * its validity) to its device's command topic.
 *
 * <p>The link needs the center as its handler and the center needs a sink, so the link may be attached after both
 * exist:
 * <pre>{@code
 *   CenterLinkSink sink = new CenterLinkSink();
 *   ControlCenter center = new ControlCenter(problem, plan, clock, sink, options, listener);
 *   sink.attach(CenterLink.connect(broker, center, linkOptions));
 * }</pre>
 * Until then every send completes {@link SendOutcome.Failed}. Thread-safe.
 */
public final class CenterLinkSink implements CommandSink {
    private final AtomicReference<CenterLink> link = new AtomicReference<>();

    public CenterLinkSink() {}

    public CenterLinkSink(CenterLink link) {
        attach(link);
    }

    /** Sends through {@code link} from now on. */
    public void attach(CenterLink link) {
        this.link.set(requireNonNull(link, "link"));
    }

    @Override
    public CompletableFuture<SendOutcome> send(Command command) {
        requireNonNull(command, "command");
        CenterLink l = link.get();
        if (l == null) {
            return CompletableFuture.completedFuture(new SendOutcome.Failed("not connected to the broker yet"));
        }
        try {
            return l.send(DeviceCommand.of(command)).handle((result, failure) -> {
                if (failure != null) {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                    return new SendOutcome.Failed("the broker did not take it: " + cause.getMessage());
                }
                return result == SendResult.ROUTED ? SendOutcome.DELIVERED
                        : new SendOutcome.NoRoute("no site subscribes to " + command.device() + "'s commands: it never connected, or closed its session");
            });
        } catch (RuntimeException e) { // an expired command, a closed link
            return CompletableFuture.completedFuture(new SendOutcome.Failed(e.getMessage()));
        }
    }
}
