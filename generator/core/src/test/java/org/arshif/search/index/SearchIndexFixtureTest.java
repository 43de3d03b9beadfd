package org.arshif.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed fixture under src/test/resources/search-fixture/ (read by the JS client tests) must equal what
 * the writer produces now. Regenerate with {@code mvn -B -q test -Dtest=SearchIndexFixtureTest -Darshif.updateFixture=true}.
 */
class SearchIndexFixtureTest {
    static final Path COMMITTED = Path.of("src/test/resources/search-fixture");

    @Test
    void committedFixtureIsCurrent(@TempDir Path tmp) throws IOException {
        Path fresh = tmp.resolve("search-fixture");
        writeFixture(fresh);
        if (Boolean.getBoolean("arshif.updateFixture")) {
            if (Files.exists(COMMITTED)) {
                try (Stream<Path> s = Files.walk(COMMITTED)) {
                    for (Path p : s.sorted((a, b) -> b.compareTo(a)).toList()) {
                        Files.delete(p);
                    }
                }
            }
            copyTree(fresh, COMMITTED);
        }
        TreeMap<String, byte[]> want = read(fresh);
        TreeMap<String, byte[]> have = Files.exists(COMMITTED) ? read(COMMITTED) : new TreeMap<>();
        if (!want.keySet().equals(have.keySet())) {
            fail("The committed search fixture is stale (file names differ). Regenerate it with:\n"
                    + "  mvn -B -q test -Dtest=SearchIndexFixtureTest -Darshif.updateFixture=true\n"
                    + "expected " + want.keySet() + "\nbut found " + have.keySet());
        }
        for (String k : want.keySet()) {
            if (!Arrays.equals(want.get(k), have.get(k))) {
                fail("The committed search fixture file " + k
                        + " is stale; regenerate with -Darshif.updateFixture=true");
            }
        }
    }

    static void writeFixture(Path out) throws IOException {
        SearchIndexWriter w = SearchFixtureCorpus.fixtureWriter();
        StringBuilder idx = new StringBuilder("{");
        for (String lang : List.of("ar", "en")) {
            SearchIndexWriter.IndexStats st = w.write(out.resolve(lang), lang, SearchFixtureCorpus.documents(lang));
            idx.append(lang.equals("ar") ? "" : ",")
                    .append('"')
                    .append(lang)
                    .append("\":\"")
                    .append(st.manifestFile())
                    .append('"');
        }
        idx.append("}\n");
        Files.writeString(out.resolve("fixture.json"), idx.toString(), StandardCharsets.UTF_8);
    }

    static TreeMap<String, byte[]> read(Path root) throws IOException {
        TreeMap<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return m;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        for (var e : read(from).entrySet()) {
            Path p = to.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
        }
    }

    @Test
    void fixtureIsDeterministic(@TempDir Path tmp) throws IOException {
        writeFixture(tmp.resolve("a"));
        writeFixture(tmp.resolve("b"));
        TreeMap<String, byte[]> a = read(tmp.resolve("a"));
        TreeMap<String, byte[]> b = read(tmp.resolve("b"));
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) {
            assertEquals(true, Arrays.equals(a.get(k), b.get(k)), k);
        }
    }
}
