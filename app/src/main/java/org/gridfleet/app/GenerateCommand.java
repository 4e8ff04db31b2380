package org.gridfleet.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.synth.FleetGenerator;
import org.gridfleet.synth.FleetSpec;
import org.gridfleet.synth.FleetWriter;
import org.gridfleet.synth.SyntheticFleet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gridfleet generate}: a seeded synthetic fleet, written as fleet files. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes a seeded synthetic fleet (all device types, a radial feeder, end-users, forecasts, prices) for tests and benchmarks.")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--devices", required = true, paramLabel = "N", description = "Number of devices (every type appears when N >= 9).")
    int devices;

    @Option(names = "--end-users", required = true, paramLabel = "M", description = "Number of end-users.")
    int endUsers;

    @Option(names = "--intervals", defaultValue = "96", paramLabel = "T", description = "Number of intervals. Default: ${DEFAULT-VALUE}.")
    int intervals;

    @Option(names = "--step", defaultValue = "PT15M", paramLabel = "DURATION", description = "Interval length, ISO-8601. Default: ${DEFAULT-VALUE}.")
    Duration step;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed: the same seed writes the same files. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--islanded", description = "A plant that can neither import nor export.")
    boolean islanded;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write fleet.yaml and its CSV series into.")
    Path out;

    @Option(names = "--debug", hidden = true)
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        FleetSpec fleetSpec;
        try {
            fleetSpec = FleetSpec.of(devices, endUsers, intervals, seed).withStep(step).withIslanded(islanded);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        SyntheticFleet fleet = FleetGenerator.generate(fleetSpec);
        FleetWriter.write(fleet, out);
        Map<String, Integer> byType = new TreeMap<>();
        double capacityKw = 0;
        for (Asset asset : fleet.assets()) {
            byType.merge(asset.type().fileName(), 1, Integer::sum);
            capacityKw += asset.ratedPowerKw();
        }
        var writer = spec.commandLine().getOut();
        writer.printf("Wrote %s: %d devices (%s), %d end-users, %d intervals of %d min from %s%n", out.resolve(FleetWriter.FLEET_FILE),
                fleet.assets().size(), byType, fleet.endUsers().size(), intervals, step.toMinutes(), fleetSpec.start());
        writer.printf("  rated capacity %,.0f kW, peak demand %,.0f kW, %s%n", capacityKw, fleet.peakDemandKw(), islanded ? "islanded" : "grid-connected");
        return 0;
    }

}
