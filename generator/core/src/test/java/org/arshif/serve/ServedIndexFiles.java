package org.arshif.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SortedMap;
import java.util.TreeMap;

/** The search index files a preview's site holds, and their comparison: the warm-up tests' one way to check them. */
final class ServedIndexFiles {
    private ServedIndexFiles() {}

    /** The site's files under a {@code /search/} folder, by path. */
    static SortedMap<String, byte[]> of(PreviewRun.Site site) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (String path : site.sink().paths()) {
            if (path.contains("/search/")) {
                files.put(path, site.sink().read(path).orElseThrow());
            }
        }
        return files;
    }

    /** The same files with the same bytes, an English manifest among them. */
    static void assertSame(SortedMap<String, byte[]> expected, SortedMap<String, byte[]> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what + ": the same files");
        assertTrue(expected.keySet().stream().anyMatch(p -> p.startsWith("en/search/manifest.")), what);
        expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), what + ": " + path));
    }
}
