package org.gridfleet.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * CPU time and memory of processes, from {@code /proc} (Linux): this JVM, a second JVM the bench started, the broker.
 * Every reader answers -1 where the figure cannot be read (another OS, a process that has gone).
 */
final class ProcStats {
    /** Clock ticks per second of {@code /proc/PID/stat}'s utime and stime ({@code getconf CLK_TCK}: 100 on Linux). */
    private static final long TICKS_PER_SECOND = 100;

    private ProcStats() {}

    /** CPU time (user + system) of this JVM, nanoseconds, from {@code com.sun.management.OperatingSystemMXBean}. */
    static long selfCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** CPU time (user + system) of process {@code pid}, nanoseconds, at the resolution of a clock tick (10 ms). */
    static long cpuNanos(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * (1_000_000_000L / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** A field of {@code /proc/PID/status} in KiB ({@code VmRSS}, {@code VmHWM}); {@code pid} 0 is this process. */
    static long statusKib(long pid, String field) {
        Path status = Path.of("/proc", pid == 0 ? "self" : Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** The process whose name ({@code /proc/PID/comm}) is {@code name}, when exactly one is. */
    static OptionalLong findProcess(String name) {
        List<Long> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.toList()) {
                String pid = p.getFileName().toString();
                if (!pid.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    if (Files.readString(p.resolve("comm")).strip().equals(name)) {
                        found.add(Long.parseLong(pid));
                    }
                } catch (IOException e) {
                    // gone meanwhile
                }
            }
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        return found.size() == 1 ? OptionalLong.of(found.getFirst()) : OptionalLong.empty();
    }
}
