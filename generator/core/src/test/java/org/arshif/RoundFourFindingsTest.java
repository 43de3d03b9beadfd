package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round four of messy inputs (w23-hostile), made here: characters that an editor shows as nothing. */
class RoundFourFindingsTest {
    @TempDir
    Path tmp;

    private List<String> errors(Path root) {
        return SiteBuilds.errors(root, tmp.resolve("out"));
    }

    /** The findings of a build into {@code tmp/out}, a failed one's errors included. */
    private List<String> findings(Path root) {
        return SiteBuilds.findings(root, tmp.resolve("out"));
    }

    @Test
    void aFileOfOnlyNoBreakAndIdeographicSpacesIsEmptyButForSpaces() {
        Path root = tmp.resolve("spaces");
        Trees.write(root.resolve("content/ar/2017-05-22-a.txt"), " \n\t\n\u00A0\n\u3000\n");
        Trees.write(root.resolve("content/en/2017-05-22-b.md"), "\u00A0\u200B\uFEFF\n");
        // Before: "no title" and "the dispatch has a title but no paragraphs", for a file with neither.
        assertEquals(
                List.of(
                        "content/ar/2017-05-22-a.txt:1:1: error: the file is empty but for spaces; write a dispatch in"
                                + " it or delete it",
                        "content/en/2017-05-22-b.md:1:1: error: the file is empty but for spaces; write a dispatch in"
                                + " it or delete it"),
                errors(root));
    }

    @Test
    void aConfigurationKeyWithAnInvisibleCharacterSaysSo() {
        // A zero-width space: "unknown key 'pageSize'; did you mean 'pageSize'?" (a byte-order mark pasted mid-file
        // was one too; since round seven the reader removes it, with a warning, and the key is read).
        Path root = tmp.resolve("invisible");
        Trees.write(
                root.resolve("arshif.yml"),
                "baseUrl: https://example.org/\n\u200BpageSize: 3\ntitle:\n  \u200Ben: News\n");
        Trees.write(root.resolve("content/en/2017-05-22-a.md"), "---\ntitle: A\n---\n\nText.\n");
        assertEquals(
                List.of("arshif.yml:2:1: error: the configuration key 'pageSize' holds an invisible character (U+200B"
                        + " ZERO WIDTH SPACE), so it is an unknown key; delete the character, or type"
                        + " the key again"),
                errors(root));
        Trees.write(root.resolve("arshif.yml"), "baseUrl: https://example.org/\n\uFEFFpageSize: 3\n");
        assertEquals(
                List.of("arshif.yml:2:1: warning: a byte-order mark (U+FEFF), an invisible character that only opens a"
                        + " file, inside the text: removed, with any others in this file; delete it"),
                findings(root).stream().filter(f -> f.startsWith("arshif.yml")).toList());
    }

    @Test
    void aSiteTitleUnderAKeyThatIsNoLanguageIsNamed() {
        // Each left the site's title at its default without a word.
        Path root = tmp.resolve("titles");
        Trees.write(
                root.resolve("arshif.yml"),
                "baseUrl: https://example.org/\nlanguages: [ar, en]\ntitle:\n  \u200Ben: News\n  AR: أخبار\n  fr: Nouvelles\n");
        Trees.write(root.resolve("content/en/2017-05-22-a.md"), "---\ntitle: A\n---\n\nText.\n");
        List<String> warnings =
                findings(root).stream().filter(f -> f.startsWith("arshif.yml")).toList();
        assertEquals(
                List.of(
                        "arshif.yml:4:3: warning: 'title' has a title for '\u200Ben', which is not one of this site's"
                                + " languages [ar, en], so no page shows it; the key holds an invisible character:"
                                + " delete it, or type 'en:' again",
                        "arshif.yml:5:3: warning: 'title' has a title for 'AR', which is not one of this site's"
                                + " languages [ar, en], so no page shows it; write it as 'ar:' (language codes are"
                                + " lower case)",
                        "arshif.yml:6:3: warning: 'title' has a title for 'fr', which is not one of this site's"
                                + " languages [ar, en], so no page shows it; if it is for a language to come, add it"
                                + " to languages when its dispatches are"),
                warnings);
    }

    @Test
    void controlCharactersFromTomlAndJsonEscapesAreDroppedWithAWarning() throws IOException {
        // Only YAML's escapes were checked: a BEL or an ESC reached the title and the Atom feed, no longer XML.
        Path root = tmp.resolve("escapes");
        Trees.write(
                root.resolve("content/en/2017-05-01-toml.md"),
                "+++\ntitle = \"Bell \\u0007 and \\u001B[31m end\"\ndate = 2017-05-01\n+++\n\nText.\n");
        Trees.write(
                root.resolve("content/en/2017-05-02-json.md"),
                "{\"title\": \"Lone \\ud800 half\", \"date\": \"2017-05-02\"}\n\nText.\n");
        List<String> warnings = findings(root);
        assertEquals(
                List.of(
                        "content/en/2017-05-01-toml.md:2:1: warning: control character U+0007 (BEL) removed, with"
                                + " any others in this file: it cannot appear in HTML or XML; delete it from the file",
                        "content/en/2017-05-02-json.md:1:11: warning: control character U+D800 (HIGH SURROGATES D800)"
                                + " removed, with any others in this file: it cannot appear in HTML or XML; delete it"
                                + " from the file"),
                warnings);
        String feed = Files.readString(tmp.resolve("out/en/feed.xml"));
        assertTrue(feed.contains("Bell  and [31m end") && feed.contains("Lone  half"), feed);
    }
}
