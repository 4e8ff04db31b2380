package org.gridfleet.comm.sunspec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a device's SunSpec map: the "SunS" marker (0x5375 0x6E53) at 40000, 0 or 50000 (the specification's
 * order), then the chain of (id, length) headers until the end model 0xFFFF. Models we have no definition for,
 * or whose length is shorter than the fixed part of our definition, are skipped with a reason in the
 * {@link CapabilityReport}; they do not stop discovery.
 */
public final class SunSpecDiscovery {
    /** The base addresses SunSpec allows, in the order a client should try them. */
    public static final int[] BASE_ADDRESSES = {40000, 0, 50000};
    static final int END_MODEL = 0xFFFF;
    private static final int MAX_MODELS = 200;

    private SunSpecDiscovery() {
    }

    public static Discovery discover(RegisterReader device, ModelDefinitions known) {
        for (int base : BASE_ADDRESSES) {
            RegisterResult marker = device.read(base, 2);
            switch (marker) {
                case RegisterResult.Ok ok when ok.registers()[0] == 0x5375 && ok.registers()[1] == 0x6E53 -> {
                    return chain(device, known, base);
                }
                case RegisterResult.Ok ok -> { }
                case RegisterResult.Failed f when f.exceptionCode() != 0 -> { }   // no such address here: try the next base
                case RegisterResult.Failed f -> {
                    return new Discovery.Unreachable(f);
                }
                case RegisterResult.Timeout t -> {
                    return new Discovery.Unreachable(t);
                }
            }
        }
        return new Discovery.NotSunSpec("no \"SunS\" marker at 40000, 0 or 50000");
    }

    private static Discovery chain(RegisterReader device, ModelDefinitions known, int base) {
        List<ModelLocation> models = new ArrayList<>();
        List<Integer> supported = new ArrayList<>();
        List<CapabilityReport.Skipped> skipped = new ArrayList<>();
        int address = base + 2;
        for (int n = 0; n < MAX_MODELS; n++) {
            if (address + 2 > 0x10000) {
                return new Discovery.NotSunSpec("the model chain runs past the last register");
            }
            RegisterResult header = device.read(address, 2);
            if (!(header instanceof RegisterResult.Ok ok)) {
                return header instanceof RegisterResult.Failed f && f.exceptionCode() != 0
                        ? new Discovery.NotSunSpec("the model chain breaks at " + address + ": " + f.cause())
                        : new Discovery.Unreachable(header);
            }
            int id = ok.registers()[0] & 0xFFFF;
            int length = ok.registers()[1] & 0xFFFF;
            if (id == END_MODEL) {
                return new Discovery.Found(new DeviceMap(base, models, new CapabilityReport(supported, skipped)));
            }
            Optional<ModelDefinition> definition = known.find(id);
            if (definition.isEmpty()) {
                skipped.add(new CapabilityReport.Skipped(id, address, "unknown model (no definition), " + length + " registers"));
            } else if (length < definition.get().fixedLength()) {
                skipped.add(new CapabilityReport.Skipped(id, address, "length " + length + " is shorter than the "
                        + definition.get().fixedLength() + " registers of its definition"));
                definition = Optional.empty();
            } else {
                supported.add(id);
            }
            models.add(new ModelLocation(id, address, length, definition));
            address += 2 + length;
        }
        return new Discovery.NotSunSpec("no end model after " + MAX_MODELS + " models");
    }

    /** Reads a whole model instance (ID, L and body) in requests of at most 125 registers. */
    public static RegisterResult readModel(RegisterReader device, ModelLocation model) {
        int total = model.length() + 2;
        short[] all = new short[total];
        for (int done = 0; done < total; ) {
            int count = Math.min(125, total - done);
            RegisterResult part = device.read(model.address() + done, count);
            if (!(part instanceof RegisterResult.Ok ok)) {
                return part;
            }
            System.arraycopy(ok.registers(), 0, all, done, count);
            done += count;
        }
        return new RegisterResult.Ok(all);
    }
}
