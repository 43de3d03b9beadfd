package org.arshif.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DiagnosticTest {
    @Test
    void aFindingIsOneLineWhateverTheInputItQuotes() {
        // Found by DispatchFuzzTest#frontMatter: front-matter "%" made the YAML parser say "but found \n(10)".
        Diagnostic d = Diagnostic.error("content/x.md", 2, 2, "but found \n(10) or \r, \t, \u0000 and \u2028");
        assertEquals("content/x.md:2:2: error: but found U+000A(10) or U+000D, U+0009, U+0000 and U+2028", d.format());
    }

    @Test
    void aFileNameWithALineBreakOrABidiControlIsShownOnOneLine() {
        Diagnostic d = Diagnostic.error("content/en/a\nb\u202E.md", 1, 1, "slug");
        assertEquals("content/en/aU+000AbU+202E.md:1:1: error: slug", d.format());
        assertEquals("content/en/a\nb\u202E.md", d.path(), "the path itself is kept: it names the file");
    }

    @Test
    void bidiControlsAreShownNotObeyed() {
        assertEquals(
                "slug 'aU+202Eb'",
                Diagnostic.warning("p", 1, 1, "slug 'a\u202Eb'").message());
    }

    @Test
    void ordinaryTextIsKeptAsItIs() {
        String arabic = "التاريخ \"2017-13-01\" ليس تاريخاً صحيحاً؛ اكتبه YYYY-MM-DD";
        assertEquals(arabic, Diagnostic.notice("p", 0, 0, arabic).message());
    }
}
