package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Round five of messy inputs (w24-hostile), made here: NEL and form feeds as a file's only line ends, and the
 * column of a finding after a control character that was removed from its line.
 */
class RoundFiveFindingsTest {
    @TempDir
    Path tmp;

    private List<String> errors(Path root) {
        return SiteBuilds.errors(root, tmp.resolve("out"));
    }

    /** Every finding of a build, errors included, as the CLI prints them. */
    private List<String> findings(Path root) {
        return SiteBuilds.findings(root, tmp.resolve("out"));
    }

    @Test
    void nelOrFormFeedsAsTheOnlyLineEndsAreReadAsLineEnds() {
        Path root = tmp.resolve("separators");
        // Before: "no title" (Markdown) and "a title but no paragraphs" (wire): the whole file one line.
        Trees.write(
                root.resolve("content/en/2017-05-22-a.md"),
                "---\u0085title: Hello\u0085---\u0085\u0085First.\u0085\u0085Second.\u0085");
        Trees.write(
                root.resolve("content/en/2017-05-22-b.txt"),
                "A title\f\fDamascus, SANA – The first paragraph.\f\fThe second one.\f");
        assertEquals(
                List.of(
                        "content/en/2017-05-22-a.md:1:4: warning: the file has no line feeds: its lines end with NEL"
                                + " (U+0085, as mainframe and EBCDIC exports end them), read as line ends, and counted"
                                + " as such in this file's line numbers; save the file with line feeds (LF)",
                        "content/en/2017-05-22-b.txt:1:8: warning: the file has no line feeds: its lines end with form"
                                + " feeds (U+000C), read as line ends, and counted as such in this file's line numbers;"
                                + " save the file with line feeds (LF)"),
                findings(root).stream()
                        .filter(f -> f.contains("line feeds") || f.contains("error"))
                        .toList());
    }

    @Test
    void aFindingAfterARemovedControlCharacterIsAtItsColumnAsWritten() {
        Path root = tmp.resolve("columns");
        // A BEL, not a NEL: a NEL there ends the line since round eleven (RoundElevenFindingsTest).
        // Before: 2:17 and 6:13, one column left of the ':' and two of the '[' per character removed before them.
        Trees.write(
                root.resolve("content/en/2017-05-22-a.md"), "---\ntitle: Hello\u0007date: 2017-05-22\n---\n\nText.\n");
        Trees.write(
                root.resolve("content/en/2017-05-22-b.md"),
                "---\ntitle: B\n---\n\nOne\u0000two\ftwo [x](/en/nowhere/) and [y](/en/also-nowhere/).\n");
        assertEquals(
                List.of(
                        "content/en/2017-05-22-a.md:2:18: error: malformed YAML: mapping values are not allowed here;"
                                + " check indentation and quote values that contain ': ' or start with a special"
                                + " character",
                        "content/en/2017-05-22-b.md:5:13: error: link '/en/nowhere/' points to no page of the site"
                                + " (/en/nowhere/)",
                        "content/en/2017-05-22-b.md:5:35: error: link '/en/also-nowhere/' points to no page of the"
                                + " site (/en/also-nowhere/)"),
                errors(root));
    }
}
