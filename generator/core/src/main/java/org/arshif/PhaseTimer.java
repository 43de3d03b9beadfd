package org.arshif;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** Wall and process CPU time since the last phase ended: a build's phases. */
final class PhaseTimer {
    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private long wall = System.nanoTime();
    private long cpu = cpuNanos();

    BuildReport.Phase phase(String name) {
        long w = System.nanoTime();
        long c = cpuNanos();
        BuildReport.Phase p =
                new BuildReport.Phase(name, (w - wall) / 1_000_000, c < 0 || cpu < 0 ? -1 : (c - cpu) / 1_000_000);
        wall = w;
        cpu = c;
        return p;
    }

    private long cpuNanos() {
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }
}
