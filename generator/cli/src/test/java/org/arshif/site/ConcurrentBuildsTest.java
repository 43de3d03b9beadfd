package org.arshif.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SortedMap;
import org.arshif.Arshif;
import org.arshif.testing.CliProcess;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds into one output take turns: the second waits, says so, and both end with the complete site. */
class ConcurrentBuildsTest {
    private static final String WAITING = "Waiting for another build into ";

    @TempDir
    Path tmp;

    @Test
    void twoRealBuildsIntoOneOutputWaitForTheOneWritingAndBothSucceed() throws Exception {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("archive"));
        Arshif.builder().siteRoot(root).output(tmp.resolve("expected")).build().build();
        SortedMap<String, byte[]> expected = Trees.read(tmp.resolve("expected"));
        Path out = tmp.resolve("out/site");
        Path logs = tmp.resolve("logs");
        CliProcess clean;
        CliProcess incremental;
        // This JVM holds the output the way a build does, so that both builds surely meet a build in progress.
        try (OutputTree held = OutputTree.open(out)) {
            held.write("index.html", "a build in progress".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            clean = CliProcess.start(logs, "build", "--source", root.toString(), "--output", out.toString());
            incremental = CliProcess.start(
                    logs,
                    "build",
                    "--source",
                    root.toString(),
                    "--output",
                    out.toString(),
                    "--cache",
                    tmp.resolve("cache").toString());
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!(clean.outSoFar().contains(WAITING)
                            && incremental.outSoFar().contains(WAITING))
                    && System.nanoTime() < deadline
                    && clean.process().isAlive()
                    && incremental.process().isAlive()) {
                Thread.sleep(50);
            }
        }
        CliProcess.Result first = clean.await();
        CliProcess.Result second = incremental.await();
        for (CliProcess.Result r : List.of(first, second)) {
            assertEquals(0, r.exit(), r.all());
            assertFalse(r.err().contains("Exception"), r.all());
            assertEquals(
                    1,
                    r.out().lines().filter(l -> l.startsWith(WAITING + out)).count(),
                    "it said once that it waits: " + r.all());
        }
        SortedMap<String, byte[]> built = Trees.read(out);
        assertEquals(expected.keySet(), built.keySet());
        expected.forEach((file, bytes) -> assertArrayEquals(bytes, built.get(file), file));
        assertEquals(List.of("site"), Trees.list(tmp.resolve("out")), "no lock, staging or old folder is left");
    }
}
