package org.gridfleet.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.Command;
import org.gridfleet.model.control.CommandId;

/** Drives one controller on its own clock, as a field would: step, then advance the clock. */
final class Drive {
    static final Instant T0 = Instant.parse("2026-06-21T00:00:00Z");

    final SimClock clock = new SimClock(T0);
    final DeviceController controller;
    Environment env = Environment.dark();
    private int commands;

    private Drive(Asset asset, FieldOptions options) {
        this.controller = DeviceController.of(asset, clock, options);
    }

    /** No forced outages. */
    static Drive of(Asset asset) {
        return new Drive(asset, FieldOptions.exact());
    }

    static Drive of(Asset asset, FieldOptions options) {
        return new Drive(asset, options);
    }

    Drive weather(Environment env) {
        this.env = env;
        return this;
    }

    void step(Duration dt) {
        controller.step(dt, env);
        clock.advance(dt);
    }

    void minutes(int n) {
        for (int i = 0; i < n; i++) {
            step(Duration.ofMinutes(1));
        }
    }

    Instant at(double minutes) {
        return T0.plusNanos(Math.round(minutes * 6e10));
    }

    /** A command for this device with set point {@code setpointKw}, valid from now for {@code validFor}. */
    Command command(double setpointKw, Duration validFor) {
        return command(setpointKw, clock.now(), clock.now().plus(validFor));
    }

    Command command(double setpointKw, Instant from, Instant until) {
        return new Command(new CommandId("cmd-" + (++commands)), controller.id(), setpointKw, from, until);
    }

    Ack send(double setpointKw, Duration validFor) {
        return controller.accept(command(setpointKw, validFor));
    }

    Ack send(Command command) {
        return controller.accept(command);
    }

    List<Ack> acks() {
        return controller.outbox().drain();
    }

    double powerKw() {
        return controller.powerKw();
    }
}
