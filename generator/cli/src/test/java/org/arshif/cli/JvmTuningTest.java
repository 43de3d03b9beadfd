package org.arshif.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the CLI starts a tuned JVM, and that the tuned JVM really builds the site. */
class JvmTuningTest {
    private static final List<String> TUNED = List.of(
            "-XX:+UseParallelGC",
            "-Xmn128m",
            "-Xms320m",
            "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=20",
            "-XX:TieredStopAtLevel=1");
    /** serve runs for hours: the JVM's own heap free ratios, and a smaller initial (and least) heap. */
    private static final List<String> SERVE =
            List.of("-XX:+UseParallelGC", "-Xmn128m", "-Xms192m", "-XX:TieredStopAtLevel=1");

    @Test
    void aBuildOnDefaultOptionsGetsTheParallelCollectorAFixedYoungGenerationAndC1() {
        assertEquals(TUNED, JvmTuning.missingOptions("build", List.of(), Map.of(), false, List.of()));
        assertEquals(TUNED, JvmTuning.missingOptions("check", List.of("-Xmx1g", "-Dx=y"), Map.of(), false, List.of()));
        // serve too: an edit is a small batch of work, which C2 spent more CPU compiling than running
        assertEquals(SERVE, JvmTuning.missingOptions("serve", List.of(), Map.of(), false, List.of()));
    }

    @Test
    void aRebuildIntoACacheThatHoldsAPreviousBuildStartsWithALargerHeap(@TempDir Path tmp) throws IOException {
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        List<String> args = List.of("build", "--source", "s", "--cache", cache.toString());
        // an empty cache: the first build, sized as any other
        assertEquals(TUNED, JvmTuning.missingOptions("build", List.of(), Map.of(), false, args));
        Files.writeString(cache.resolve("pages.bin"), "");
        List<String> rebuild = List.of("-XX:+UseParallelGC", "-Xmn128m", "-Xms512m", "-XX:TieredStopAtLevel=1");
        assertEquals(rebuild, JvmTuning.missingOptions("build", List.of(), Map.of(), false, args));
        assertEquals(rebuild, JvmTuning.missingOptions("build", List.of("-Xmx2g"), Map.of(), false, args));
        // another command, or no --cache: the usual initial heap (a heap capped under 512 MB gets no sizing at all)
        assertEquals(TUNED, JvmTuning.missingOptions("check", List.of(), Map.of(), false, args));
        assertEquals(TUNED, JvmTuning.missingOptions("build", List.of(), Map.of(), false, List.of("build", "--cache")));
        assertEquals(TUNED, JvmTuning.missingOptions("build", List.of(), Map.of(), false, List.of("build")));
        // the user's own initial heap wins
        assertEquals(
                List.of("-XX:+UseParallelGC", "-Xmn128m", "-XX:TieredStopAtLevel=1"),
                JvmTuning.missingOptions("build", List.of("-Xms1g"), Map.of(), false, args));
    }

    @Test
    void aSmallHeapOrAChosenYoungGenerationKeepsTheJvmsSizing() {
        assertEquals(
                List.of("-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1"),
                JvmTuning.missingOptions("build", List.of("-Xmx300m"), Map.of(), false, List.of()));
        assertEquals(
                List.of("-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1"),
                JvmTuning.missingOptions("build", List.of("-XX:NewRatio=3"), Map.of(), false, List.of()));
        assertEquals(512L << 20, JvmTuning.bytes("512m"));
        assertEquals(1L << 30, JvmTuning.bytes("1G"));
        assertEquals(4096, JvmTuning.bytes("4096"));
        assertEquals(-1, JvmTuning.bytes("lots"));
    }

    @Test
    void whatTheUserChoseIsKept() {
        assertEquals(
                List.of("-XX:TieredStopAtLevel=1"),
                JvmTuning.missingOptions("build", List.of("-XX:+UseSerialGC"), Map.of(), false, List.of()));
        assertEquals(
                TUNED.subList(0, 5),
                JvmTuning.missingOptions("build", List.of("-XX:-TieredCompilation"), Map.of(), false, List.of()));
        // the user's own heap free ratio: neither of the tuning's
        assertEquals(
                List.of("-XX:+UseParallelGC", "-Xmn128m", "-Xms320m", "-XX:TieredStopAtLevel=1"),
                JvmTuning.missingOptions("build", List.of("-XX:MaxHeapFreeRatio=70"), Map.of(), false, List.of()));
        assertEquals(
                List.of("-XX:+UseParallelGC", "-Xmn128m", "-XX:TieredStopAtLevel=1"),
                JvmTuning.missingOptions("build", List.of("-Xms1g"), Map.of(), false, List.of()));
        assertEquals(
                List.of(),
                JvmTuning.missingOptions(
                        "build", List.of("-XX:+UseG1GC", "-XX:TieredStopAtLevel=4"), Map.of(), false, List.of()));
    }

    @Test
    void noSecondJvmWhenDisabledDebuggedProfiledAlreadyForkedOrNotBuilding() {
        assertEquals(
                List.of(), JvmTuning.missingOptions("build", List.of(), Map.of("ARSHIF_FORK", "0"), false, List.of()));
        assertEquals(
                List.of(),
                JvmTuning.missingOptions(
                        "build", List.of("-agentlib:jdwp=transport=dt_socket,server=y"), Map.of(), false, List.of()));
        assertEquals(
                List.of(),
                JvmTuning.missingOptions(
                        "build", List.of("-XX:StartFlightRecording=filename=x.jfr"), Map.of(), false, List.of()));
        assertEquals(List.of(), JvmTuning.missingOptions("build", List.of(), Map.of(), true, List.of()));
        assertEquals(List.of(), JvmTuning.missingOptions("new", List.of(), Map.of(), false, List.of()));
        assertEquals(List.of(), JvmTuning.missingOptions("--help", List.of(), Map.of(), false, List.of()));
    }

    @Test
    void aSecondJvmMayRunEveryCommandThatNamesFilesButOnlyWhenNobodyLooksAtThisOne() {
        assertTrue(JvmTuning.mayFork("new", List.of(), Map.of(), false), "for the locale only");
        assertEquals(List.of(), JvmTuning.missingOptions("new", List.of(), Map.of(), false, List.of()));
        assertTrue(JvmTuning.mayFork("serve", List.of("-XX:+UseG1GC"), Map.of(), false));
        assertFalse(JvmTuning.mayFork("build", List.of("-javaagent:x.jar"), Map.of(), false));
        assertFalse(JvmTuning.mayFork("build", List.of(), Map.of("ARSHIF_FORK", "0"), false));
        assertFalse(JvmTuning.mayFork("build", List.of(), Map.of(), true));
        assertFalse(JvmTuning.mayFork("--help", List.of(), Map.of(), false));
        assertEquals(Map.of("LC_ALL", "C.UTF-8"), JvmTuning.environment("serve", Map.of(), true));
        assertEquals(Map.of(), JvmTuning.environment("serve", Map.of(), false));
    }

    @Test
    void aOneShotSecondJvmKeepsFreedMallocMemoryUnlessTheUserTunedMalloc() {
        Map<String, String> trim = Map.of("MALLOC_TRIM_THRESHOLD_", "1048576");
        assertEquals(trim, JvmTuning.environment("build", Map.of(), false));
        assertEquals(trim, JvmTuning.environment("check", Map.of("HOME", "/h"), false));
        Map<String, String> both = new HashMap<>(trim);
        both.put("LC_ALL", "C.UTF-8");
        assertEquals(both, JvmTuning.environment("build", Map.of(), true));
        assertEquals(Map.of(), JvmTuning.environment("serve", Map.of(), false), "serve runs for hours");
        assertEquals(Map.of(), JvmTuning.environment("build", Map.of("MALLOC_ARENA_MAX", "1"), false));
        assertEquals(Map.of(), JvmTuning.environment("build", Map.of("GLIBC_TUNABLES", "glibc.malloc.x=1"), false));
    }

    @Test
    void theCommandLineKeepsTheUsersOptionsAndMarksTheChild() {
        assertEquals(
                List.of(
                        "/jdk/bin/java",
                        "-Xmx1g",
                        "-XX:+UseSerialGC",
                        "-Darshif.forked=true",
                        "-cp",
                        "a.jar",
                        "org.arshif.cli.Main",
                        "build",
                        "--source",
                        "x"),
                JvmTuning.commandLine(
                        "/jdk/bin/java", List.of("-Xmx1g"), List.of("-XX:+UseSerialGC"), "a.jar", new String[] {
                            "build", "--source", "x"
                        }));
    }

    /** A real second JVM: {@code PrintCommandLineFlags} makes both JVMs print their options. */
    @Test
    void javaMainBuildsInATunedSecondJvm(@TempDir Path tmp) throws IOException, InterruptedException {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("src"));
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+PrintCommandLineFlags",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "build",
                "--source",
                root.toString(),
                "--output",
                tmp.resolve("out").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove(JvmTuning.FORK_ENV);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
        List<String> flagLines = output.lines().filter(l -> l.contains("-XX:")).toList();
        assertEquals(2, flagLines.size(), output); // the launcher's and the builder's
        assertTrue(
                flagLines.get(1).contains("-XX:+UseParallelGC")
                        && flagLines.get(1).contains("-XX:TieredStopAtLevel=1")
                        && flagLines.get(1).contains("-XX:MaxNewSize=134217728"),
                output);
        assertTrue(output.contains("Built "), output);
        assertTrue(Files.isRegularFile(tmp.resolve("out/index.html")));
    }

    @Test
    void theWarmProcessMayShrinkUnderTheFirstBuildsInitialHeapButNotUnderAUsersFloor() {
        List<String> first = JvmTuning.missingOptions("build", List.of(), Map.of(), false, List.of());
        assertTrue(first.contains("-Xms320m"), first.toString());
        assertEquals(
                List.of(
                        "-XX:+UseAdaptiveSizePolicyWithSystemGC",
                        "-Djdk.nio.maxCachedBufferSize=262144",
                        "-XX:MinHeapSize=192m"),
                JvmTuning.warmProcessOptions(first));
        assertEquals(JvmTuning.WARM_PROCESS, JvmTuning.warmProcessOptions(List.of("-Xms1g")));
        assertEquals(JvmTuning.WARM_PROCESS, JvmTuning.warmProcessOptions(List.of("-Xms320m", "-XX:MinHeapSize=300m")));
    }
}
