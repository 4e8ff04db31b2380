package org.gridfleet.sim;

/**
 * Independent random streams from one field seed: each device and meter gets its own stream per purpose
 * (outages, weather, demand), derived from the seed, the purpose and the id alone. So a device's forced outages
 * do not change when another device is added, nor when weather noise is switched on.
 */
final class Seeds {
    private Seeds() {}

    /** A seed for {@code purpose} of the device or meter {@code id}, well mixed (SplitMix64 finaliser). */
    static long derive(long seed, String purpose, String id) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        h = fold(h, purpose);
        h = mix(h ^ 0x2545F4914F6CDD1DL);
        return fold(h, id);
    }

    private static long fold(long h, String text) {
        for (int i = 0; i < text.length(); i++) {
            h = mix(h + text.charAt(i));
        }
        return mix(h + text.length());
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
