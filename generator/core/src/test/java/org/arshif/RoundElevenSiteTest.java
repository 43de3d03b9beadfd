package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.arshif.diag.Diagnostic;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile input, round eleven, through a whole build: what a build and a check say of a messy archive. */
class RoundElevenSiteTest {
    @TempDir
    Path tmp;

    private static final String MD = "---\ntitle: T\ndate: 2017-05-04\n---\nText.\n";

    private Arshif site(Path root) {
        return Arshif.builder()
                .siteRoot(root)
                .output(tmp.resolve("out"))
                .clock(InvalidSitesTest.CLOCK)
                .build();
    }

    private static List<String> said(List<Diagnostic> findings, String about) {
        return findings.stream()
                .map(Diagnostic::format)
                .filter(f -> f.contains(about))
                .toList();
    }

    @Test
    void aSectionFolderWithCapitalsIsNamedOnceWithItsCount() {
        Path root = tmp.resolve("site");
        for (String name : List.of("e", "d", "c", "b", "a")) {
            Trees.write(root.resolve("content/en/World/" + name + ".md"), MD);
        }
        Trees.write(root.resolve("content/en/World/Mideast/x.md"), MD);
        Trees.write(root.resolve("content/en/Sport/y.md"), MD);
        // A wire's folder was never Hugo's.
        Trees.write(root.resolve("content/en/Wire/2017-05-04-z.txt"), "Title\n\nText of the dispatch.\n");
        List<String> expected = List.of(
                "content/en/Sport/y.md:1:1: warning: the folder 'Sport' (content/en/Sport/), a section, has capitals,"
                        + " which Hugo writes in lower case in the URL ('sport') unless its site sets"
                        + " disablePathToLower; Arshif keeps them, so an archive moved from Hugo loses its old address:"
                        + " write the folder in lower case, or give the old URL as an alias",
                "content/en/World/Mideast/x.md:1:1: warning: the folder 'Mideast' (content/en/World/Mideast/), a"
                        + " section, has capitals, which Hugo writes in lower case in the URL ('mideast') unless its"
                        + " site sets disablePathToLower; Arshif keeps them, so an archive moved from Hugo loses its old"
                        + " address: write the folder in lower case, or give the old URL as an alias",
                "content/en/World/Mideast/x.md:1:1: warning: the folder 'World' (content/en/World/), a section of"
                        + " content/en/World/Mideast/x.md and 5 other dispatches (content/en/World/a.md,"
                        + " content/en/World/b.md, content/en/World/c.md, and 2 more), has capitals, which Hugo writes"
                        + " in lower case in the URL ('world') unless its site sets disablePathToLower; Arshif keeps"
                        + " them, so an archive moved from Hugo loses its old address: write the folder in lower case,"
                        + " or give the old URL as an alias");
        assertEquals(expected, said(site(root).build().findings(), "has capitals"));
        assertEquals(expected, said(site(root).check().findings(), "has capitals"));
    }

    @Test
    void tagsThatDifferOnlyInAHamzasSeatWithoutItsHamzaAreNamedWithTheVocabularysAlias() {
        // مؤتمر and موتمر, طائرة and طايرة: hand spellings search reads as two words, so TextAnalyzer's fold misses
        // them.
        Path root = tmp.resolve("site");
        Trees.write(
                root.resolve("content/ar/a.md"), "---\ntitle: أ\ndate: 2017-05-04\ntags: [مؤتمر, طائرة]\n---\nنص.\n");
        Trees.write(
                root.resolve("content/ar/b.md"), "---\ntitle: ب\ndate: 2017-05-04\ntags: [مؤتمر, طائرة]\n---\nنص.\n");
        Trees.write(
                root.resolve("content/ar/c.md"), "---\ntitle: ج\ndate: 2017-05-04\ntags: [موتمر, طايرة]\n---\nنص.\n");
        String fix = " only in how a letter is written (a hamza or its seat, ta marbuta, alef maqsura, or a Persian ی"
                + " or ک), yet they are two tags, each with its own page; write it as ";
        assertEquals(
                List.of(
                        "content/ar/c.md:4:1: warning: tag 'طايرة' (1 dispatch) differs from the tag 'طائرة' (2"
                                + " dispatches)" + fix + "'طائرة', or keep both as one tag in content/tags.yml with"
                                + " the other spelling as an alias ('طائرة': {ar: طائرة, alias: [طايرة]})",
                        "content/ar/c.md:4:1: warning: tag 'موتمر' (1 dispatch) differs from the tag 'مؤتمر' (2"
                                + " dispatches)" + fix + "'مؤتمر', or keep both as one tag in content/tags.yml with"
                                + " the other spelling as an alias ('مؤتمر': {ar: مؤتمر, alias: [موتمر]})"),
                said(site(root).build().findings(), "its seat"));
        // A vocabulary tag's fix names its key; its alias then sends the other spelling to it, and nothing is said.
        Trees.write(root.resolve("content/tags.yml"), "conference:\n  ar: مؤتمر\n  en: Conference\n");
        assertEquals(
                List.of("content/ar/c.md:4:1: warning: tag 'موتمر' (1 dispatch) differs from the tag 'مؤتمر' (2"
                        + " dispatches)" + fix + "'مؤتمر', or add it to the tag's other spellings in"
                        + " content/tags.yml (conference: alias: [موتمر])"),
                said(site(root).build().findings(), "tag 'موتمر' (1"));
        Trees.write(
                root.resolve("content/tags.yml"),
                "conference:\n  ar: مؤتمر\n  en: Conference\n  alias: [موتمر]\nطائرة:\n  ar: طائرة\n  alias: [طايرة]\n");
        assertEquals(List.of(), said(site(root).build().findings(), "its seat"));
        assertTrue(Files.exists(tmp.resolve("out/ar/tags/conference/index.html")));
        assertFalse(Files.exists(tmp.resolve("out/ar/tags/موتمر/index.html")));
    }
}
