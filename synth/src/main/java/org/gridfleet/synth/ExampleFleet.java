package org.gridfleet.synth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code examples/riverside/}, the example fleet of docs/fleet-format.md: 24 devices of all nine types,
 * 200 end-users and one day at 15-minute resolution, with a comment header on {@code fleet.yaml}.
 *
 * <p>Usage: {@code ExampleFleet [DIR]}, DIR defaulting to {@code examples/riverside}. From the build, the same
 * is {@code ./mvnw -q -B -pl synth test -Dtest=ExampleFleetTest -Dgridfleet.regenerateExample=true}; without
 * that property the test checks that the committed example is still what this class writes.
 */
public final class ExampleFleet {
    /** The seed of the example: its date. */
    public static final long SEED = 20261123L;

    static final String HEADER = """
            # Riverside campus: the example fleet of docs/fleet-format.md.
            # 24 devices of all nine types on a 12.47 kV radial feeder around 40.0 N, 105.25 W, fed from the 69 kV
            # grid through a substation transformer, 200 end-users with their power factors, and one local day
            # (Monday 2026-11-23, Mountain Standard Time = UTC-7) at 15-minute resolution.
            # Times in the files are UTC. Demand, forecasts and prices are in the CSV files next to this one;
            # maintenance windows are in maintenance.csv. Synthetic and seeded (seed 20261123): written by
            # org.gridfleet.synth.ExampleFleet, and synth's ExampleFleetTest checks it still matches byte for byte.
            """;

    private ExampleFleet() {}

    /** The spec of the example fleet. */
    public static FleetSpec riverside() {
        return FleetSpec.of(24, 200, 96, SEED).withName("Riverside campus").withReserveFractionOfDemand(0.10);
    }

    /** Writes the example into {@code dir} with its header. */
    public static void write(Path dir) throws IOException {
        FleetWriter.write(FleetGenerator.generate(riverside()), dir);
        Path fleetFile = dir.resolve(FleetWriter.FLEET_FILE);
        Files.writeString(fleetFile, HEADER + Files.readString(fleetFile, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "examples/riverside");
        write(dir);
        System.out.println("wrote " + dir.toAbsolutePath().normalize());
    }
}
