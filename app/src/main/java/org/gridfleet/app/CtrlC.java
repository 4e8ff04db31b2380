package org.gridfleet.app;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) while a long computation runs: the first press calls {@code stop} (which must be thread-safe: it
 * runs on a thread of the JVM's signal dispatcher) so that the computation ends with what it has; a second press exits
 * at once with {@value #EXIT_AT_ONCE}, writing nothing. {@link #close()} restores the handler that was there before
 * (the JVM's own, which exits).
 *
 * <p>Built on {@code sun.misc.Signal} (module {@code jdk.unsupported}): the JDK has no supported API for this. Where
 * SIGINT cannot be handled, Ctrl-C keeps its usual effect: with {@code -Xrs} the JVM leaves SIGINT alone, and a
 * process started with SIGINT ignored (a background job of a non-interactive shell, {@code nohup}) never sees it.
 */
final class CtrlC implements AutoCloseable {
    /** Exit code of the second Ctrl-C: 128 + SIGINT, as shells report a process killed by it. */
    static final int EXIT_AT_ONCE = 130;

    private static final Signal INT = new Signal("INT");

    private final AtomicInteger presses = new AtomicInteger();
    /** The handler to restore; null when none could be installed. */
    private final SignalHandler previous;

    private CtrlC(Runnable stop, PrintWriter err) {
        requireNonNull(stop, "stop");
        requireNonNull(err, "err");
        SignalHandler replaced;
        try {
            replaced = Signal.handle(INT, signal -> {
                if (presses.incrementAndGet() == 1) {
                    err.println();
                    err.println("Ctrl-C: stopping the solver and keeping the best plan found so far (Ctrl-C again quits at once, writing nothing)");
                    err.flush();
                    stop.run();
                } else {
                    err.println("Ctrl-C again: quitting at once, nothing written");
                    err.flush();
                    System.exit(EXIT_AT_ONCE);
                }
            });
        } catch (IllegalArgumentException unsupported) {
            replaced = null; // -Xrs, or a platform without SIGINT: Ctrl-C does what it always does
        }
        previous = replaced;
    }

    /** Handles Ctrl-C until {@link #close()}: the first press calls {@code stop}, notices go to {@code err}. */
    static CtrlC install(Runnable stop, PrintWriter err) {
        return new CtrlC(stop, err);
    }

    /** Whether Ctrl-C was pressed since {@link #install}. */
    boolean pressed() {
        return presses.get() > 0;
    }

    @Override
    public void close() {
        if (previous != null) {
            Signal.handle(INT, previous);
        }
    }
}
