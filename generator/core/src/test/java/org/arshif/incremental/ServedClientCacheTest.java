package org.arshif.incremental;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search client's modules as served are kept in the cache by the code's and the sources' key: taken by the
 * next build without stripping them again, stripped again for other code or other sources, and a damaged, cut-short
 * or foreign file is discarded with one line, never used.
 */
class ServedClientCacheTest {
    private static final List<String> MODULES = List.of("search-page.js", "analyzer.js");

    @TempDir
    Path tmp;

    private final AtomicInteger strips = new AtomicInteger();
    private final List<String> log = new ArrayList<>();

    /** The jar's modules as written. */
    private static Map<String, byte[]> sources() throws IOException {
        Map<String, byte[]> sources = new LinkedHashMap<>();
        for (String name : MODULES) {
            try (InputStream in = ServedClientCacheTest.class.getResourceAsStream("/org/arshif/js/" + name)) {
                sources.put(name, in.readAllBytes());
            }
        }
        return sources;
    }

    /** A stand-in for the stripper: each module without its comment lines, counted. */
    private Supplier<Map<String, byte[]>> stripping(Map<String, byte[]> sources) {
        return () -> {
            strips.incrementAndGet();
            Map<String, byte[]> stripped = new LinkedHashMap<>();
            sources.forEach((name, bytes) -> stripped.put(
                    name,
                    new String(bytes, StandardCharsets.UTF_8)
                            .lines()
                            .filter(l ->
                                    !l.strip().startsWith("//") && !l.strip().startsWith("*"))
                            .reduce("", (a, b) -> a + b + "\n")
                            .getBytes(StandardCharsets.UTF_8)));
            return stripped;
        };
    }

    private Map<String, byte[]> get(Path file, String code, Map<String, byte[]> sources) {
        return ServedClientCache.get(file, code, sources, stripping(sources), log::add);
    }

    private static void assertSameModules(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()));
        expected.forEach((name, bytes) -> assertArrayEquals(bytes, actual.get(name), name));
    }

    @Test
    void theKeptModulesAreTakenWithoutStrippingAgainUntilTheCodeOrASourceChanges() throws IOException {
        Path file = tmp.resolve("cache/search-client.bin");
        Map<String, byte[]> sources = sources();
        Map<String, byte[]> first = get(file, "code-1", sources);
        assertEquals(1, strips.get());
        assertTrue(Files.isRegularFile(file), "kept for the next build");

        Map<String, byte[]> second = get(file, "code-1", sources);
        assertEquals(1, strips.get(), "the next build takes the kept modules");
        assertSameModules(first, second);

        assertSameModules(first, get(file, "code-2", sources));
        assertEquals(2, strips.get(), "other code (another stripper): stripped again");
        get(file, "code-2", sources);
        assertEquals(2, strips.get());

        Map<String, byte[]> edited = new LinkedHashMap<>(sources);
        edited.put(
                "analyzer.js",
                ("// edited\n" + new String(sources.get("analyzer.js"), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
        assertSameModules(stripping(edited).get(), get(file, "code-2", edited));
        assertEquals(4, strips.get(), "a changed module (a development build's): stripped again");

        Map<String, byte[]> renamed = new LinkedHashMap<>();
        renamed.put("search-page.js", sources.get("search-page.js"));
        renamed.put("search-index.js", sources.get("analyzer.js"));
        assertEquals(
                List.of("search-page.js", "search-index.js"),
                List.copyOf(get(file, "code-2", renamed).keySet()));
        assertEquals(5, strips.get(), "another module's name: stripped again");
        assertEquals(List.of(), log, "an out-of-date file is no damage");
    }

    @Test
    void aDamagedCutShortOrForeignFileIsDiscardedWithOneLineAndStrippedAgain() throws IOException {
        Map<String, byte[]> sources = sources();
        Map<String, byte[]> expected = stripping(sources).get();
        Map<String, byte[]> damages = new LinkedHashMap<>();
        Path file = tmp.resolve("search-client.bin");
        get(file, "code", sources);
        byte[] sound = Files.readAllBytes(file);
        byte[] flipped = sound.clone();
        flipped[flipped.length / 2] ^= 0x5A;
        damages.put("a flipped byte", flipped);
        damages.put("cut in half", Arrays.copyOf(sound, sound.length / 2));
        damages.put("another program's file", "PK\3\4 not a cache\n".getBytes(StandardCharsets.UTF_8));
        damages.put("empty", new byte[0]);
        for (Map.Entry<String, byte[]> damage : damages.entrySet()) {
            Files.write(file, damage.getValue());
            log.clear();
            int before = strips.get();
            assertSameModules(expected, get(file, "code", sources));
            assertEquals(before + 1, strips.get(), damage.getKey() + ": stripped again");
            assertEquals(1, log.size(), damage.getKey() + ": one line: " + log);
            assertTrue(log.get(0).contains("discarded") && log.get(0).contains(file.toString()), log.get(0));
            log.clear();
            assertSameModules(expected, get(file, "code", sources));
            assertEquals(before + 1, strips.get(), damage.getKey() + ": the file was written sound again");
            assertEquals(List.of(), log);
        }
    }
}
