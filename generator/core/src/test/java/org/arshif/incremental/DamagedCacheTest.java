package org.arshif.incremental;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.UnaryOperator;
import org.arshif.Arshif;
import org.arshif.BuildLog;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cache file that was damaged on disk, cut short or replaced by something else is discarded with one info
 * line, and the build gives a clean build's bytes: for each cache file (the parse pack and its file list, the
 * page cache, the search analyses and index memos) and each kind of damage.
 */
class DamagedCacheTest {
    private static final List<String> CACHE_FILES = List.of(
            "parsed/pack.bin",
            "parsed/pack-added.bin",
            "parsed/files.bin",
            "parsed/files.bin.added",
            "pages.bin",
            "search-analysis-ar.bin",
            "search-analysis-en.bin",
            "search-index-ar.bin",
            "search-index-en.bin",
            "search-client.bin",
            "check-memo");

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2017-06-15T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private static Map<String, UnaryOperator<byte[]>> damages() {
        Map<String, UnaryOperator<byte[]>> damages = new LinkedHashMap<>();
        damages.put("three flipped bytes", b -> {
            byte[] d = b.clone();
            for (int at : new int[] {d.length / 3, d.length / 2, 2 * d.length / 3}) {
                d[at] ^= (byte) 0x5A;
            }
            return d;
        });
        damages.put("cut in half", b -> Arrays.copyOf(b, b.length / 2));
        damages.put("another program's file", b -> "PK\3\4 not a cache at all\n".getBytes(StandardCharsets.UTF_8));
        return damages;
    }

    @Test
    void aDamagedTruncatedOrForeignCacheFileIsDiscardedWithOneLineAndTheBuildGivesACleanBuildsBytes()
            throws IOException {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("archive"));
        Arshif.builder()
                .siteRoot(root)
                .output(tmp.resolve("clean"))
                .clock(CLOCK)
                .build()
                .build();
        SortedMap<String, byte[]> clean = Trees.read(tmp.resolve("clean"));
        // A first build fills the cache, a second one adds a new file to the parse pack's additions; an edit since
        // then leaves some work for the next one.
        build(root, tmp.resolve("site"), tmp.resolve("cache"));
        Path edited = Trees.write(
                root.resolve("content/en/2017-05-09-edited.md"),
                "---\ntitle: Before\ndate: 2017-05-09\n---\n\nText.\n");
        build(root, tmp.resolve("site"), tmp.resolve("cache"));
        Files.delete(edited);
        int trial = 0;
        for (String file : CACHE_FILES) {
            for (Map.Entry<String, UnaryOperator<byte[]>> damage : damages().entrySet()) {
                String what = file + ", " + damage.getKey();
                // The site as hard links, which the page cache knows by their file keys, and a copy of the cache.
                Path site = Trees.link(tmp.resolve("site"), tmp.resolve("site-" + trial));
                Path cache = Trees.copy(tmp.resolve("cache"), tmp.resolve("cache-" + trial++));
                Path damaged = cache.resolve(file);
                assertTrue(Files.isRegularFile(damaged), what + ": the cache has this file");
                Files.write(damaged, damage.getValue().apply(Files.readAllBytes(damaged)));

                List<String> lines = build(root, site, cache);
                List<String> discarded =
                        lines.stream().filter(l -> l.contains("discarded")).toList();
                assertEquals(1, discarded.size(), what + ": one line says so: " + lines);
                assertTrue(discarded.get(0).contains(damaged.toString()), what + ": it names the file: " + discarded);
                assertSameTree(clean, Trees.read(site), what);

                List<String> next = build(root, site, cache);
                assertEquals(
                        List.of(),
                        next.stream().filter(l -> l.contains("discarded")).toList(),
                        what + ": the build wrote a sound cache again");
                assertSameTree(clean, Trees.read(site), what + ", the build after");
            }
        }
    }

    /**
     * The parse cache is written beside the site model's building, on another thread: a write that fails still
     * fails the build, with the cache's own message, and leaves the last site in place.
     */
    @Test
    void aParseCacheThatCannotBeWrittenFailsTheBuildAsBefore() throws IOException {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("archive"));
        Path cache = tmp.resolve("cache");
        // A folder with something in it where the list of files seen goes: the list cannot replace it.
        Trees.write(cache.resolve("parsed/files.bin/in-the-way"), "x");
        UncheckedIOException failure =
                assertThrows(UncheckedIOException.class, () -> build(root, tmp.resolve("site"), cache));
        assertTrue(failure.getMessage().startsWith("cannot write the parse cache"), failure.getMessage());
        assertFalse(Files.exists(tmp.resolve("site")), "no site was put in place");
    }

    private static List<String> build(Path root, Path site, Path cache) {
        List<String> lines = new ArrayList<>();
        Arshif.builder()
                .siteRoot(root)
                .output(site)
                .cache(cache)
                .clock(CLOCK)
                .log(BuildLog.of(lines::add, lines::add))
                .build()
                .build();
        return lines;
    }

    private static void assertSameTree(
            SortedMap<String, byte[]> expected, SortedMap<String, byte[]> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what + ": the same files");
        expected.forEach((file, bytes) -> assertArrayEquals(bytes, actual.get(file), what + ": " + file));
    }
}
