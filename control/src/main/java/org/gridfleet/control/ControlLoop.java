package org.gridfleet.control;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ticks a {@link ControlCenter} in real time: every {@code period} of wall-clock time on one daemon thread, whatever
 * clock the center reads (a system clock for production, an accelerated one for a demo that something else
 * advances). A failing tick is logged and the next one comes as usual.
 */
public final class ControlLoop implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ControlLoop.class);

    private final ScheduledExecutorService executor;

    private ControlLoop(ControlCenter center, Duration period) {
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "control-center");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                center.tick();
            } catch (RuntimeException e) {
                log.error("the control center's tick failed; the next one follows in {}", period, e);
            }
        }, 0, period.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Starts ticking {@code center} now and then every {@code period}. */
    public static ControlLoop start(ControlCenter center, Duration period) {
        requireNonNull(center, "center");
        requireNonNull(period, "period");
        if (!period.isPositive()) {
            throw new IllegalArgumentException("period must be > 0: " + period);
        }
        log.info("control center ticking every {}", period);
        return new ControlLoop(center, period);
    }

    /** Stops ticking, waiting up to 5 s for a tick under way. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("the control center's last tick did not end within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
