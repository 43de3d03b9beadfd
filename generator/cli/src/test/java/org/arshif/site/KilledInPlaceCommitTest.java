package org.arshif.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.arshif.Arshif;
import org.arshif.BuildLog;
import org.arshif.testing.CliProcess;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incremental build into an output its no-op stamp vouches for updates the site in place: it drops the stamp,
 * then renames the changed files in and deletes the removed ones. Real builds ({@code java … Main build --cache})
 * are killed, with SIGKILL and SIGTERM, as the stamp goes and a moment after, while they rename. Whatever the kill
 * left (the old site, the new one, or a mix of both), the next build must not trust it: it gives exactly the site
 * a clean build gives, and leaves nothing beside the output.
 */
class KilledInPlaceCommitTest {
    private static final int DISPATCHES = 300;

    @TempDir
    Path tmp;

    private Path root;

    /** A kill {@code millis} after the stamp went; a negative delay: no kill, the build runs to its end. */
    private record Kill(long millis, boolean hard) {
        @Override
        public String toString() {
            return millis < 0 ? "no kill" : (hard ? "SIGKILL " : "SIGTERM ") + millis + " ms after the stamp went";
        }
    }

    private static final List<Kill> KILLS = List.of(
            new Kill(-1, true),
            new Kill(0, true),
            new Kill(0, false),
            new Kill(10, true),
            new Kill(30, true),
            new Kill(60, false),
            new Kill(100, true),
            new Kill(200, true));

    @Test
    void aBuildKilledWhileUpdatingTheSiteInPlaceIsNotTrustedByTheNext() throws Exception {
        root = tmp.resolve("archive");
        writeArchive(true);
        build(tmp.resolve("new/site"), null, BuildLog.SILENT);
        SortedMap<String, byte[]> newSite = Trees.read(tmp.resolve("new/site"));

        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < KILLS.size(); i++) {
            Kill kill = KILLS.get(i);
            Path out = tmp.resolve("trial-" + i + "/site");
            Path cache = tmp.resolve("trial-" + i + "/cache");
            writeArchive(false);
            build(out, cache, BuildLog.SILENT);
            SortedMap<String, byte[]> oldSite = Trees.read(out);
            Path stamp = cache.resolve("noop-stamp.bin");
            assertTrue(Files.exists(stamp), "the first build stamped its output");
            writeArchive(true);

            CliProcess cli = CliProcess.start(
                    tmp.resolve("logs"),
                    "build",
                    "--source",
                    root.toString(),
                    "--output",
                    out.toString(),
                    "--cache",
                    cache.toString());
            boolean killed = kill.millis() >= 0 && killAfterTheStampWent(cli.process(), stamp, kill);
            CliProcess.Result result = cli.await();
            String what = kill + ": " + result.all();
            if (kill.millis() < 0) {
                assertTrue(result.all().contains("updated the site in place"), what + "\nnot updated in place");
                assertEquals(newSite.keySet(), Trees.read(out).keySet(), what);
            }
            SortedMap<String, byte[]> left = Trees.read(out);
            String outcome = same(left, oldSite) ? "old" : same(left, newSite) ? "new" : "mixed";
            if (outcome.equals("mixed")) {
                assertFalse(Files.exists(stamp), what + "\na half-updated site with a stamp vouching for it");
            }
            outcomes.add(kill + ": " + (killed ? "" : "not killed, ") + outcome);

            List<String> log = new ArrayList<>();
            build(out, cache, BuildLog.of(log::add, log::add));
            assertEquals(List.of(), firstDifference(newSite, Trees.read(out)), what + "\nthe build after: " + log);
            assertEquals(List.of("cache", "site"), Trees.list(out.getParent()), what + "\nleft beside the output");
        }
        System.out.println("in-place commits killed: " + outcomes);
    }

    /** Waits until the build drops its stamp (its commit begins), then kills it; false when it ended before. */
    private static boolean killAfterTheStampWent(Process p, Path stamp, Kill kill) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (p.isAlive() && System.nanoTime() < deadline && Files.exists(stamp)) {
            Thread.onSpinWait();
        }
        long until = System.nanoTime() + kill.millis() * 1_000_000;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        if (!p.isAlive()) {
            return false;
        }
        if (kill.hard()) {
            p.destroyForcibly();
        } else {
            p.destroy();
        }
        p.waitFor();
        return true;
    }

    private static boolean same(SortedMap<String, byte[]> a, SortedMap<String, byte[]> b) {
        return firstDifference(a, b).isEmpty();
    }

    /** The first file that differs, as a one-element list; empty when the trees are equal. */
    private static List<String> firstDifference(SortedMap<String, byte[]> expected, SortedMap<String, byte[]> actual) {
        SortedMap<String, byte[]> all = new TreeMap<>(expected);
        all.putAll(actual);
        for (String file : all.keySet()) {
            byte[] e = expected.get(file);
            byte[] a = actual.get(file);
            if (e == null || a == null || !java.util.Arrays.equals(e, a)) {
                return List.of(file + (e == null ? " is extra" : a == null ? " is missing" : " differs"));
            }
        }
        return List.of();
    }

    private void build(Path out, Path cache, BuildLog log) {
        Arshif.builder()
                .siteRoot(root)
                .output(out)
                .cache(cache)
                .log(log)
                .build()
                .build();
    }

    /** A bilingual archive; {@code changed} edits every third body, deletes every seventh dispatch, adds some. */
    private void writeArchive(boolean changed) {
        Trees.deleteTree(root);
        Trees.write(root.resolve("arshif.yml"), "baseUrl: https://news.example/\npageSize: 10\n");
        Trees.write(
                root.resolve("content/tags.yml"),
                "syria:\n  ar: سورية\n  en: Syria\nrussia:\n  ar: روسيا\n  en: Russia\n");
        for (int i = 0; i < DISPATCHES + (changed ? 10 : 0); i++) {
            if (changed && i % 7 == 0) {
                continue;
            }
            String lang = i % 2 == 0 ? "ar" : "en";
            String date = String.format("2017-%02d-%02d", 1 + i % 12, 1 + i % 28);
            String body = (lang.equals("ar") ? "الفقرة الأولى من الخبر " : "The first paragraph of dispatch ") + i
                    + (changed && i % 3 == 0 ? ".\n\nA paragraph added later." : ".") + "\n";
            Trees.write(
                    root.resolve("content/" + lang + "/" + date + "-d" + i + ".md"),
                    "---\ntitle: Dispatch " + i + "\ntags: [" + (i % 2 == 0 ? "syria" : "russia") + "]\n---\n\n"
                            + body);
        }
    }
}
