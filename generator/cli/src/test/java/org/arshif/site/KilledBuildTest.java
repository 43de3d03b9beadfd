package org.arshif.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.arshif.Arshif;
import org.arshif.testing.CliProcess;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real builds ({@code java … org.arshif.cli.Main build}) are killed, with SIGKILL and SIGTERM, at many points:
 * while starting, while writing the new site, and as its swap begins. Afterwards the output is the old site or
 * the new one, whole, file by file; only a kill between the two moves of the swap leaves no output, and then
 * the complete new site waits beside it for the next build. The next build gives the new site and leaves
 * nothing behind. Both for clean builds and for incremental ones ({@code --cache}).
 */
class KilledBuildTest {
    private static final int DISPATCHES = 150;

    @TempDir
    Path tmp;

    private Path root;

    /** When to kill: a delay after a moment the test sees on disk, and the signal. */
    private record Kill(String after, long millis, boolean hard) {
        @Override
        public String toString() {
            return (hard ? "SIGKILL " : "SIGTERM ") + millis + " ms after " + after;
        }
    }

    /**
     * While the JVM starts or the archive is read; as the staging folder appears, and while the site is written
     * into it; once the site is complete (the marker is written first, then unchanged files get their times
     * back); and as the old site is moved aside, when the new one follows at once and the old one is deleted.
     */
    private static final List<Kill> KILLS = List.of(
            new Kill("start", 300, true),
            new Kill("staging", 0, false),
            new Kill("staging", 200, true),
            new Kill("marker", 0, false),
            new Kill("old", 0, true),
            new Kill("old", 0, false));

    @Test
    void aKilledCleanBuildLeavesTheOldSiteOrTheNewOne() throws Exception {
        killedBuildsLeaveTheOldSiteOrTheNewOne(false);
    }

    @Test
    void aKilledIncrementalBuildLeavesTheOldSiteOrTheNewOne() throws Exception {
        killedBuildsLeaveTheOldSiteOrTheNewOne(true);
    }

    private void killedBuildsLeaveTheOldSiteOrTheNewOne(boolean incremental) throws Exception {
        root = tmp.resolve("archive");
        writeArchive(false);
        Path pristine = tmp.resolve("old/site");
        Path pristineCache = tmp.resolve("old/cache");
        build(pristine, incremental ? pristineCache : null);
        SortedMap<String, String> oldSite = hashes(pristine);
        writeArchive(true);
        build(tmp.resolve("new/site"), null);
        SortedMap<String, String> newSite = hashes(tmp.resolve("new/site"));
        assertTrue(oldSite.size() > 200 && !oldSite.equals(newSite), "two different sites of many files");

        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < KILLS.size(); i++) {
            Kill kill = KILLS.get(i);
            Path out = tmp.resolve("trial-" + i + "/site");
            Path cache = tmp.resolve("trial-" + i + "-cache");
            // Links keep the files' identities, by which the page cache knows them; builds never write into them.
            Trees.link(pristine, out);
            if (incremental) {
                Trees.copy(pristineCache, cache);
            }
            CliProcess build = CliProcess.start(
                    tmp.resolve("logs"),
                    incremental
                            ? new String[] {
                                "build",
                                "--source",
                                root.toString(),
                                "--output",
                                out.toString(),
                                "--cache",
                                cache.toString()
                            }
                            : new String[] {"build", "--source", root.toString(), "--output", out.toString()});
            boolean killed = killAt(build, kill, out);
            CliProcess.Result result = build.await();
            String what = kill + (incremental ? ", incremental" : ", clean") + ": " + result.all();
            String outcome;
            if (Files.exists(out)) {
                SortedMap<String, String> now = hashes(out);
                assertTrue(now.equals(oldSite) || now.equals(newSite), what + "\na mix of the old and the new site");
                outcome = now.equals(oldSite) ? "old" : "new";
            } else {
                // Between the two moves of the swap: the complete new site is beside the output.
                assertTrue(
                        Stream.of(out.getParent().toFile().list()).anyMatch(n -> n.startsWith(".site.staging-")),
                        what + "\nno output and no staged site");
                OutputTree.open(out).close();
                assertEquals(newSite, hashes(out), what + "\nthe site put back");
                outcome = "recovered";
            }
            outcomes.add(kill + ": " + (killed ? "" : "not killed, ") + outcome);
            if (!killed) {
                assertEquals(0, result.exit(), what);
            }
            build(out, incremental ? cache : null);
            assertEquals(newSite, hashes(out), what + "\nthe build after");
            assertEquals(List.of("site"), Trees.list(out.getParent()), what + "\nleft beside the output");
        }
        System.out.println((incremental ? "incremental" : "clean") + " builds killed: " + outcomes);
    }

    /** Kills {@code build} at the moment {@code kill} names; false when it ended before. */
    private static boolean killAt(CliProcess build, Kill kill, Path out) throws InterruptedException {
        Process p = build.process();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!kill.after().equals("start")
                && p.isAlive()
                && System.nanoTime() < deadline
                && !seen(out, kill.after())) {
            Thread.sleep(1);
        }
        if (kill.millis() > 0) {
            Thread.sleep(kill.millis());
        }
        if (!p.isAlive()) {
            return false;
        }
        if (kill.hard()) {
            p.destroyForcibly();
        } else {
            p.destroy();
        }
        return true;
    }

    /** Whether a staging folder, one holding the marker, or the old site moved aside exists. */
    private static boolean seen(Path out, String what) {
        String[] names = out.getParent().toFile().list();
        for (String name : names == null ? new String[0] : names) {
            boolean seen = switch (what) {
                case "staging" -> name.startsWith(".site.staging-");
                case "marker" ->
                    name.startsWith(".site.staging-")
                            && out.resolveSibling(name)
                                    .resolve(OutputGuard.MARKER)
                                    .toFile()
                                    .exists();
                default -> name.startsWith(".site.old-");
            };
            if (seen) {
                return true;
            }
        }
        return false;
    }

    private void build(Path out, Path cache) {
        Arshif.builder().siteRoot(root).output(out).cache(cache).build().build();
    }

    /** Every file's SHA-256, by path: the whole site, marker included. */
    private static SortedMap<String, String> hashes(Path site) {
        SortedMap<String, String> out = new TreeMap<>();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Trees.read(site)
                    .forEach((file, bytes) -> out.put(file, HexFormat.of().formatHex(sha.digest(bytes))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /**
     * A bilingual archive of {@link #DISPATCHES} dispatches; {@code changed} edits every fifth body, retitles
     * every seventh dispatch, retags every eleventh, deletes every thirteenth and adds a few.
     */
    private void writeArchive(boolean changed) {
        Trees.deleteTree(root);
        write("arshif.yml", "baseUrl: https://news.example/\npageSize: 10\n");
        write(
                "content/tags.yml",
                "syria:\n  ar: سورية\n  en: Syria\nrussia:\n  ar: روسيا\n  en: Russia\n"
                        + "economy:\n  ar: اقتصاد\n  en: Economy\n");
        String[] tags = {"syria", "russia", "economy"};
        for (int i = 0; i < DISPATCHES + (changed ? 6 : 0); i++) {
            if (changed && i % 13 == 0) {
                continue;
            }
            String lang = i % 2 == 0 ? "ar" : "en";
            String date = String.format("2017-%02d-%02d", 1 + i % 12, 1 + i % 28);
            String title = (lang.equals("ar") ? "خبر رقم " : "Dispatch number ")
                    + i
                    + (changed && i % 7 == 0 ? " (updated)" : "");
            String tag = tags[(i + (changed && i % 11 == 0 ? 1 : 0)) % tags.length];
            String body = (lang.equals("ar") ? "الفقرة الأولى من الخبر " : "The first paragraph of dispatch ") + i
                    + ".\n\n" + (lang.equals("ar") ? "وصل وفد إلى موسكو للمحادثات." : "A delegation arrived for talks.")
                    + (changed && i % 5 == 0 ? "\n\nA paragraph added later." : "") + "\n";
            write(
                    "content/" + lang + "/" + date + "-d" + i + ".md",
                    "---\ntitle: " + title + "\ntags: [" + tag + "]\n---\n\n" + body);
        }
    }

    private void write(String rel, String text) {
        Path p = root.resolve(rel);
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
