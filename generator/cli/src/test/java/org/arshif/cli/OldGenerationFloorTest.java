package org.arshif.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A first build's old generation in the warm process, kept at a one-shot build's floor after its full collections. */
class OldGenerationFloorTest {

    /** Sized for what is live after the next full collection when that is {@link OldGenerationFloor#LIVE_FALL_PERCENT} less. */
    @Test
    void theFreeShareSizesWhatIsLiveLessItsFallToTheFloorWithinItsBounds() {
        for (long live = 1 << 20; live <= 2 * OldGenerationFloor.FLOOR_BYTES; live += 3 << 20) {
            int percent = OldGenerationFloor.mostFreePercent(live);
            assertTrue(percent >= OldGenerationFloor.TIGHT_PERCENT && percent <= OldGenerationFloor.MOST_FREE_PERCENT);
            long fallen = live * (100 - OldGenerationFloor.LIVE_FALL_PERCENT) / 100;
            long sized = fallen * 100 / (100 - percent);
            if (percent > OldGenerationFloor.TIGHT_PERCENT && percent < OldGenerationFloor.MOST_FREE_PERCENT) {
                assertTrue(sized >= OldGenerationFloor.FLOOR_BYTES * 99 / 100, live + " live sized to " + sized);
                assertTrue(fallen * 100 / (100 - (percent - 1)) < OldGenerationFloor.FLOOR_BYTES, "the least share");
            }
            if (fallen * 100 / (100 - OldGenerationFloor.TIGHT_PERCENT) >= OldGenerationFloor.FLOOR_BYTES) {
                assertEquals(OldGenerationFloor.TIGHT_PERCENT, percent, "over the floor: the tight ratios");
            }
        }
        assertEquals(OldGenerationFloor.TIGHT_PERCENT, OldGenerationFloor.mostFreePercent(0));
    }

    /**
     * A real JVM with the warm process's heap options: a full collection with ~100 MB live sizes the old generation to
     * 1.25 times that under the tight ratios; with the floor held, the next one keeps it at the floor.
     */
    @Test
    void aHeldFloorKeepsTheOldGenerationAtAOneShotBuildsSize() throws Exception {
        long held = committedAfter(true);
        long loose = committedAfter(false);
        assertTrue(held >= OldGenerationFloor.FLOOR_BYTES * 95 / 100, "held: " + (held >> 20) + " MB");
        assertTrue(loose < OldGenerationFloor.FLOOR_BYTES * 80 / 100, "not held: " + (loose >> 20) + " MB");
    }

    /**
     * As a first build's load: 160 MB live at one full collection, 100 MB at the next. Sized for the 160 MB alone, the
     * second left 125 MB; held with the fall allowed for, it keeps the floor.
     */
    @Test
    void aHeldFloorHoldsWhenLessIsLiveAtTheNextFullCollection() throws Exception {
        long held = committedAfter(true, 160, 100);
        assertTrue(held >= OldGenerationFloor.FLOOR_BYTES * 95 / 100, "held: " + (held >> 20) + " MB");
    }

    private static long committedAfter(boolean hold) throws IOException, InterruptedException {
        return committedAfter(hold, 100, 100);
    }

    /** The old generation's committed bytes after two full collections, {@code first} then {@code second} MB live. */
    private static long committedAfter(boolean hold, int first, int second) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(JvmTuning.missingOptions("build", List.of(), Map.of(), false, List.of()));
        cmd.addAll(JvmTuning.warmProcessOptions(cmd.subList(1, cmd.size())));
        cmd.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                Probe.class.getName(),
                Boolean.toString(hold),
                Integer.toString(first),
                Integer.toString(second)));
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, process.waitFor(), out);
        return Long.parseLong(out.substring(out.lastIndexOf('\n') + 1).trim());
    }

    /** Run in the child JVM: ~100 MB live, two full collections; prints the old generation's committed bytes. */
    static final class Probe {
        public static void main(String[] args) throws InterruptedException {
            boolean hold = Boolean.parseBoolean(args[0]);
            List<byte[]> live = new ArrayList<>();
            for (int i = 0; i < Integer.parseInt(args[1]); i++) {
                live.add(new byte[1 << 20]);
            }
            try (OldGenerationFloor floor = hold ? OldGenerationFloor.hold() : OldGenerationFloor.none()) {
                System.gc();
                Thread.sleep(300); // the notification comes on the JVM's service thread
                live.subList(Integer.parseInt(args[2]), live.size()).clear();
                System.gc();
                Thread.sleep(300);
            }
            MemoryPoolMXBean old = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getName().equals("PS Old Gen"))
                    .findFirst()
                    .orElseThrow();
            System.out.println(live.size() > 0 ? old.getUsage().getCommitted() : 0);
        }
    }
}
