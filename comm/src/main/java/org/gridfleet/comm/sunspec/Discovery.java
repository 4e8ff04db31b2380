package org.gridfleet.comm.sunspec;

/** What discovering a device came to. */
public sealed interface Discovery {
    /** A SunSpec device and its model chain. */
    record Found(DeviceMap map) implements Discovery {
    }

    /** The device answers but has no SunSpec map at any base address, or its chain is broken. */
    record NotSunSpec(String reason) implements Discovery {
    }

    /** The device did not answer (timeout or connection failure) at the address being read. */
    record Unreachable(RegisterResult result) implements Discovery {
    }
}
