package org.gridfleet.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gridfleet.ingest.collector.FileDataCollector;

/**
 * A writable copy of {@code fleets/small} (one engine, one PV array, one battery, three end-users, 8 hours) that a
 * test breaks in one place before running the pipeline on it.
 */
final class SmallFleet {
    static final List<String> FILES = List.of("fleet.yaml", "demand.csv", "forecasts.csv", "prices.csv", "maintenance.csv");
    private final Path dir;

    private SmallFleet(Path dir) {
        this.dir = dir;
    }

    static SmallFleet copyTo(Path dir) {
        for (String name : FILES) {
            try (InputStream in = SmallFleet.class.getResourceAsStream("/fleets/small/" + name)) {
                Files.copy(in, dir.resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new SmallFleet(dir);
    }

    /** Replaces the one occurrence of {@code from} in {@code file}. */
    SmallFleet replace(String file, String from, String to) {
        try {
            String text = Files.readString(dir.resolve(file));
            assertThat(text).as("fixture %s contains the text to replace", file).contains(from);
            Files.writeString(dir.resolve(file), text.replace(from, to));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SmallFleet write(String file, String text) {
        try {
            Files.writeString(dir.resolve(file), text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path fleetFile() {
        return dir.resolve("fleet.yaml");
    }

    IngestPipeline.Result run() {
        return new IngestPipeline().run(new FileDataCollector(fleetFile()));
    }
}
