package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.junit.jupiter.api.Test;

/** Text that breaks naive readers: deep Markdown, stray NULs, UTF-16, and sizes past the limits. */
class HostileTextTest {

    private static List<String> problems(String path, String text) {
        return Readers.problems(path, text).stream().map(Diagnostic::format).toList();
    }

    @Test
    void markdownNestedTwentyThousandLevelsIsAnErrorNotAStackOverflow() {
        String quotes = "# Deep\n\nFine.\n\n" + ">".repeat(20_000) + " x\n";
        List<String> found = assertTimeoutPreemptively(
                Duration.ofSeconds(30), () -> problems("content/en/2017-05-01-deep.md", quotes));
        assertEquals(
                List.of("content/en/2017-05-01-deep.md:5:1: error: the Markdown is nested more than 100 levels"
                        + " deep (quotes, lists or emphasis inside each other); flatten it"),
                found);
    }

    @Test
    void aFileNameWithALineBreakIsOneFindingOnOneLine() {
        // git allows a line break in a file name; the slug made from it cannot hold one
        List<String> found = problems("content/en/a\nb.md", "---\ntitle: T\ndate: 2017-05-01\n---\nText.\n");
        assertEquals(
                List.of("content/en/aU+000Ab.md:1:1: error: slug 'aU+000Ab', made from the file's name, contains the"
                        + " character U+000A, which cannot be part of a file name or URL segment; rename the file, or"
                        + " set 'slug:' in its front-matter (a slug is one URL segment, like 'putin-rouhani-call')"),
                found);
    }

    @Test
    void markdownNestedWithinTheLimitIsRead() {
        Dispatch d = Readers.read("content/en/2017-05-01-nested.md", "# Nested\n\n" + "> ".repeat(30) + "quoted\n");
        assertTrue(d.bodyHtml().contains("quoted"));
    }

    @Test
    void aStrayNulInUtf8IsDroppedWithAWarningNotTakenForUtf16() {
        Diagnostics d = new Diagnostics();
        byte[] bytes = "# Title\n\nNul\u0000 here.\n".getBytes(StandardCharsets.UTF_8);
        Optional<Dispatch> read = Readers.reader().read("content/en/2017-05-01-stray.md", bytes, d);
        assertEquals("<p>Nul here.</p>\n", read.orElseThrow().bodyHtml());
        assertEquals(
                List.of("content/en/2017-05-01-stray.md:3:4: warning: control character U+0000 (NULL) removed,"
                        + " with any others in this file: it cannot appear in HTML or XML; delete it from the file"),
                d.sorted().stream().map(Diagnostic::format).toList());
    }

    @Test
    void aControlCharacterReferenceInTheTitleHeadingIsDroppedToo() {
        Diagnostics d = new Diagnostics();
        byte[] bytes = "# Bell&#7; title\n\nText.\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(
                "Bell title",
                Readers.reader()
                        .read("content/en/2017-05-01-bell.md", bytes, d)
                        .orElseThrow()
                        .title());
        assertEquals(
                List.of("content/en/2017-05-01-bell.md:1:7: warning: control character U+0007 (BEL) removed,"
                        + " with any others in this file: it cannot appear in HTML or XML; delete it from the file"),
                d.sorted().stream().map(Diagnostic::format).toList());
    }

    @Test
    void utf16WithAByteOrderMarkIsNamed() {
        byte[] bytes = "\uFEFF# Title\n\nText.\n".getBytes(StandardCharsets.UTF_16LE);
        Diagnostics d = new Diagnostics();
        Readers.reader().read("content/en/2017-05-01-bom.md", bytes, d);
        assertEquals(
                List.of("content/en/2017-05-01-bom.md:1:1: error: the file is UTF-16 (little-endian, with a"
                        + " byte-order mark), not UTF-8; save it as UTF-8"),
                d.sorted().stream().map(Diagnostic::format).toList());
    }

    @Test
    void fiftyTagsAreFineAndFiftyOneAreNot() {
        String fifty = IntStream.range(0, 50).mapToObj(i -> "t" + i).collect(Collectors.joining(", "));
        assertEquals(
                50,
                Readers.read("content/en/2017-05-01-x.md", "---\ntitle: T\ntags: [" + fifty + "]\n---\nText.\n")
                        .tags()
                        .size());
        assertEquals(
                List.of("content/en/2017-05-01-x.md:3:1: error: the dispatch has 51 tags, more than the 50"
                        + " allowed; keep the tags that say what it is about"),
                problems("content/en/2017-05-01-x.md", "---\ntitle: T\ntags: [" + fifty + ", t50]\n---\nText.\n"));
    }

    @Test
    void tagsThatCannotBeFolderNamesAreErrors() {
        String longTag = "س".repeat(101);
        assertEquals(
                List.of(
                        "content/en/2017-05-01-x.md:3:1: error: tag 'NUL' makes the URL segment 'nul', which is a name"
                                + " Windows reserves for a device (CON, PRN, AUX, NUL, COM1-9, LPT1-9); choose another",
                        "content/en/2017-05-01-x.md:3:1: error: tag '" + longTag + "' makes the URL segment '" + longTag
                                + "', which is 202 bytes long, over the 200 bytes a file name can safely take; shorten it"),
                problems("content/en/2017-05-01-x.md", "---\ntitle: T\ntags: [NUL, " + longTag + "]\n---\nText.\n"));
    }

    @Test
    void invisibleCharactersInATagDoNotSplitItsKey() {
        Dispatch d =
                Readers.read("content/ar/2017-05-01-x.md", "---\ntitle: T\ntags: [\"سو\u200Dريا\u200F\"]\n---\nنص.\n");
        assertEquals(List.of("سوريا"), d.tags());
    }

    @Test
    void tooManyAliasesAreAnErrorAtTheKey() {
        String aliases =
                IntStream.range(0, 101).mapToObj(i -> "/old/" + i + "/").collect(Collectors.joining(", "));
        assertEquals(
                List.of("content/en/2017-05-01-x.md:3:1: error: the dispatch has 101 aliases, more than the 100"
                        + " allowed; each alias is a redirect page, so keep the old URLs that are still linked"),
                problems("content/en/2017-05-01-x.md", "---\ntitle: T\naliases: [" + aliases + "]\n---\nText.\n"));
    }

    @Test
    void aFileNamePercentEscapedSaysTheLettersItStandsFor() {
        // the slug comes from the file's name, and Hugo wrote it as the folder 'caf%c3%a9' as it did a slug: key's
        List<String> found = problems("content/en/caf%C3%A9.md", "---\ntitle: T\ndate: 2017-05-01\n---\nText.\n");
        assertEquals(1, found.size(), found.toString());
        assertTrue(
                found.get(0).contains("slug 'caf%C3%A9', made from the file's name, contains the character '%'"),
                found.get(0));
        assertTrue(found.get(0).endsWith("write the letters it stands for: slug: café"), found.get(0));
    }

    @Test
    void aSlugTooLongForAFileNameIsAnError() {
        String slug = "a".repeat(201);
        assertEquals(
                List.of("content/en/2017-05-01-x.md:3:1: error: slug '" + slug + "' is 201 bytes long, over the"
                        + " 200 bytes a file name can safely take; shorten it; a slug is one URL segment, like"
                        + " 'putin-rouhani-call'"),
                problems("content/en/2017-05-01-x.md", "---\ntitle: T\nslug: " + slug + "\n---\nText.\n"));
    }

    @Test
    void anInvisibleMarkInAFileNameIsLeftOutOfTheSlug() {
        Diagnostics d = new Diagnostics();
        Optional<Dispatch> read = Readers.reader()
                .read("content/ar/2017-05-01-خبر\u200F.md", "# خبر\n\nنص.\n".getBytes(StandardCharsets.UTF_8), d);
        assertEquals("خبر", read.orElseThrow().slug());
        assertEquals(
                // the path too shows the mark, rather than let it reorder what a terminal prints
                List.of("content/ar/2017-05-01-خبرU+200F.md:1:1: warning: slug 'خبرU+200F' holds the invisible"
                        + " character U+200F (RIGHT-TO-LEFT MARK), left out of the URL; remove it from the file name"),
                d.sorted().stream().map(Diagnostic::format).toList());
    }
}
