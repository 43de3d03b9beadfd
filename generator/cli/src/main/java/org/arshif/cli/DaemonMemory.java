package org.arshif.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The warm build process's memory (see {@link BuildDaemon}): the heap sized for each build, what it gives back
 * between builds, and the figures each build reports (its peak RSS and CPU).
 */
final class DaemonMemory {
    private DaemonMemory() {}

    /**
     * The heap free ratios for this build, when the process was started with {@link JvmTuning}'s tight ones: those
     * keep a first build's peak memory low, but a rebuild decodes the whole model from the cache (about 200 MB that
     * outlive the load, 10,000 dispatches) into an old generation that a full collection shrank after the last
     * build, and under the tight ratios it grew in small steps, 3–4 full collections per one-edit rebuild. With the
     * JVM's own ratios (40–70 %) it needs none (measured: 3.0–3.3 s of CPU against 3.2–3.4 s, peak 430–450 MB
     * against 390–430 MB). A one-shot rebuild gets a 512 MB initial heap instead (see {@link JvmTuning}), which a
     * process kept for hours should not hold. Both are manageable flags, set for this build.
     */
    static void sizeHeapFor(List<String> args) {
        if (!tuned()) {
            return; // the user chose them
        }
        boolean rebuild = !args.isEmpty() && JvmTuning.rebuild(args.subList(1, args.size()));
        try {
            if (rebuild) {
                setRatios(40, 70);
            } else {
                setRatios(10, 20);
            }
        } catch (RuntimeException notThisJvm) {
            // another JVM: the build runs with the ratios it started with
        }
    }

    /**
     * For a first build under the tight ratios (not a rebuild, not ratios the user chose): its old generation kept at
     * a one-shot build's floor (see {@link OldGenerationFloor}) until the returned value is closed.
     */
    static OldGenerationFloor floorFor(List<String> args) {
        boolean rebuild = !args.isEmpty() && JvmTuning.rebuild(args.subList(1, args.size()));
        return !rebuild && tuned() ? OldGenerationFloor.hold() : OldGenerationFloor.none();
    }

    /**
     * Collects, and gives the old generation's pages back to the system without shrinking it for the next build.
     * The parallel collector keeps every page of the old generation that a build ever touched, and its adaptive
     * size policy grows it build after build: a rebuild's peak crept from 422 to 466–485 MB over 20 edits, and the
     * idle process from 348 to 398–417 MB. With {@link JvmTuning#WARM_PROCESS}'s option, this collection follows
     * the tight ratios and uncommits all but what is live (~6 MB); a second one, under ratios that size it to what
     * the build left, commits it again, untouched. Shrunk only, the next rebuild spent a full collection (0.3–1 s
     * of CPU) growing it back.
     */
    static void releaseOldGeneration() {
        Optional<MemoryPoolMXBean> old = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.getName().equals("PS Old Gen"))
                .findFirst();
        // What the build needed, with room for the collector's padding of a young collection's promotion: under
        // that, a rebuild starts with a full collection to grow it (measured: at 109 of 133 MB).
        long peak = old.map(p -> p.getPeakUsage().getUsed()).orElse(0L);
        long sized = peak + peak / 2;
        System.gc();
        if (old.isEmpty() || !tuned() || !"true".equals(vmOption("UseAdaptiveSizePolicyWithSystemGC"))) {
            return;
        }
        old.get().resetPeakUsage();
        int ratio = ratioToSize(old.get().getUsage().getUsed(), sized);
        if (ratio <= 20) {
            return; // mostly live: the collection under the tight ratios sized it already
        }
        setRatios(ratio, ratio);
        System.gc();
        setRatios(10, 20);
    }

    /**
     * The heap free ratio that, as both bounds, sizes an old generation holding {@code live} bytes at most to
     * {@code size} after a full collection: size = live × 100 / (100 − r). The steps are coarse (~6 MB live: 150,
     * 200, 300 MB), and the smaller one is taken, since a larger old generation lets a rebuild fill more of it with
     * garbage before a full collection; 0 when there is nothing to size.
     */
    static int ratioToSize(long live, long size) {
        if (live <= 0 || size <= live) {
            return 0;
        }
        return (int) (100 - (100 * live + size - 1) / size);
    }

    /** Sets both heap free ratios, in the order the JVM accepts (it refuses Min above Max at every step). */
    static void setRatios(int min, int max) {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        int currentMax =
                Integer.parseInt(hotSpot.getVMOption("MaxHeapFreeRatio").getValue());
        if (max >= currentMax) {
            hotSpot.setVMOption("MaxHeapFreeRatio", Integer.toString(max));
            hotSpot.setVMOption("MinHeapFreeRatio", Integer.toString(min));
        } else {
            hotSpot.setVMOption("MinHeapFreeRatio", Integer.toString(min));
            hotSpot.setVMOption("MaxHeapFreeRatio", Integer.toString(max));
        }
    }

    /** A HotSpot option's value, or null on another JVM. */
    private static String vmOption(String name) {
        try {
            return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption(name)
                    .getValue();
        } catch (RuntimeException notThisJvm) {
            return null;
        }
    }

    /** Whether the process runs with {@link JvmTuning}'s tight ratios (else the user chose them, and they stay). */
    private static boolean tuned() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().containsAll(JvmTuning.TIGHT_OLD_GENERATION);
    }

    /** {@code jcmd PID System.trim_native_heap} on this process, where the JVM has it (Linux, JDK 17.0.9 on). */
    static void trimNativeHeap() {
        try {
            ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "systemTrimNativeHeap",
                            new Object[] {null},
                            new String[] {String[].class.getName()});
        } catch (JMException | RuntimeException notThisJvm) {
            // the memory stays with the process, as it does in a JVM without the command
        }
    }

    /** Resets the process's peak RSS (Linux: {@code clear_refs}), so that each build reports its own peak. */
    static void resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException notLinux) {
            // the peak is then the process's, since it started
        }
    }

    static long cpuMillis() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(Duration::toMillis)
                .orElse(0L);
    }

    /** The process's peak resident memory in kB ({@code VmHWM}, Linux); 0 where it cannot be read. */
    static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // no figure rather than a wrong one
        }
        return 0;
    }
}
