package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.util.List;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.junit.jupiter.api.Test;

/** Hostile input, round six: what the reader got wrong or left unsaid. */
class RoundSixFindingsTest {

    private static List<String> read(String path, byte[] bytes) {
        Diagnostics d = new Diagnostics();
        Readers.reader().read(path, bytes, d);
        return d.sorted().stream().map(Diagnostic::format).toList();
    }

    @Test
    void utf32IsNamedAsUtf32NotAsUtf16() {
        String wire = "Minister meets counterpart\nAMMAN (Reuters) - The minister met him.\n\nThey talked.\n";
        byte[] withMark = ("\uFEFF" + wire).getBytes(Charset.forName("UTF-32LE"));
        assertEquals(
                List.of("content/en/a.txt:1:1: error: the file is UTF-32 (little-endian, with a byte-order mark),"
                        + " not UTF-8; save it as UTF-8"),
                read("content/en/a.txt", withMark));
        assertEquals(
                List.of("content/en/a.txt:1:1: error: the file is UTF-32 (big-endian, no byte-order mark),"
                        + " not UTF-8; save it as UTF-8"),
                read("content/en/a.txt", wire.getBytes(Charset.forName("UTF-32BE"))));
        assertEquals(
                List.of("content/ar/a.txt:1:1: error: the file is UTF-32 (little-endian, no byte-order mark),"
                        + " not UTF-8; save it as UTF-8"),
                read("content/ar/a.txt", "عنوان\nنص الخبر.\n\nفقرة.\n".getBytes(Charset.forName("UTF-32LE"))));
    }

    @Test
    void anAuthorWrittenAsAMappingWithANameIsTheByline() {
        Diagnostics d = new Diagnostics();
        Dispatch a = Readers.reader()
                .read(
                        "content/en/2024-03-01-a.md",
                        "---\ntitle: A\nauthor: {name: Jane Doe, email: j@x.example}\n---\n\nText.\n"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        d)
                .orElseThrow();
        assertEquals(List.of("Jane Doe"), a.meta().authors());
        assertEquals(List.of(), d.sorted());
        List<String> found = read(
                "content/en/2024-03-01-b.md",
                "---\ntitle: B\nauthors:\n  - name: Ann\n  - Bob\n  - [x]\n---\n\nText.\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(
                List.of("content/en/2024-03-01-b.md:6:5: warning: authors is read as the byline, but this is a list,"
                        + " not a name, so it is left out of it; write the name as text (authors: Jane Doe), or give"
                        + " the mapping a name: key"),
                found);
    }
}
