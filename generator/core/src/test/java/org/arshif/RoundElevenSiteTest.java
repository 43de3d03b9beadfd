package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
        return SiteBuilds.at(root, tmp.resolve("out"));
    }

    private static List<String> said(List<Diagnostic> findings, String about) {
        return SiteBuilds.said(findings, about);
    }

    private static final String HUGO_PATHS =
            "; for an archive moved from Hugo, hugoPaths: true in arshif.yml writes every URL as Hugo did";

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
                        + " write the folder in lower case, or give the old URL as an alias" + HUGO_PATHS,
                "content/en/World/Mideast/x.md:1:1: warning: the folder 'Mideast' (content/en/World/Mideast/), a"
                        + " section, has capitals, which Hugo writes in lower case in the URL ('mideast') unless its"
                        + " site sets disablePathToLower; Arshif keeps them, so an archive moved from Hugo loses its old"
                        + " address: write the folder in lower case, or give the old URL as an alias" + HUGO_PATHS,
                "content/en/World/Mideast/x.md:1:1: warning: the folder 'World' (content/en/World/), a section of"
                        + " content/en/World/Mideast/x.md and 5 other dispatches (content/en/World/a.md,"
                        + " content/en/World/b.md, content/en/World/c.md, and 2 more), has capitals, which Hugo writes"
                        + " in lower case in the URL ('world') unless its site sets disablePathToLower; Arshif keeps"
                        + " them, so an archive moved from Hugo loses its old address: write the folder in lower case,"
                        + " or give the old URL as an alias" + HUGO_PATHS);
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
        String fix = " only in how a letter is written (a hamza or its seat, ta marbuta, alef maqsura, a final alef, a"
                + " letter twice, or a Persian ی or ک), yet they are two tags, each with its own page; write it as ";
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

    @Test
    void aScriptLinkWithATabInsideItsSchemeIsNamedAsOneNotAsAMissingPage() throws IOException {
        // A URL parser takes tabs out: java&#9;script: is javascript:. Before: an error, "points to no page of the
        // site".
        Path root = tmp.resolve("site");
        Trees.write(
                root.resolve("content/en/a.md"),
                "---\ntitle: T\ndate: 2017-05-04\n---\nSee [this](java&#x09;script:alert(1)) and"
                        + " [that](JAVA&#10;SCRIPT:alert(2)).\n");
        BuildReport report = site(root).build();
        assertEquals(
                List.of(
                        "content/en/a.md:5:5: warning: link 'javascript:alert(1)' (written with a tab or line break"
                                + " inside, which browsers take out) runs a script, which pages never do: it is"
                                + " published as an empty link; point it at an https:// address, or write the address"
                                + " as text",
                        "content/en/a.md:5:43: warning: link 'JAVASCRIPT:alert(2)' (written with a tab or line break"
                                + " inside, which browsers take out) runs a script, which pages never do: it is"
                                + " published as an empty link; point it at an https:// address, or write the address"
                                + " as text"),
                said(report.findings(), "link"));
        String page = Files.readString(tmp.resolve("out/en/2017/05/a/index.html"));
        assertFalse(page.toLowerCase(java.util.Locale.ROOT).contains("script:"), page);
    }

    /** A PNG of one pixel, whole. */
    private static final byte[] PNG = java.util.Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @Test
    void anImageNamedAsAnotherTypeOrCutShortIsNamed() {
        Path root = tmp.resolve("site");
        Trees.write(
                root.resolve("content/en/a/index.md"),
                "---\ntitle: T\ndate: 2017-05-04\n---\n![x](as-jpg.jpg)\n\n![y](cut.png)\n\n![z](whole.png)\n");
        Trees.write(root.resolve("content/en/a/as-jpg.jpg"), PNG);
        Trees.write(root.resolve("content/en/a/cut.png"), java.util.Arrays.copyOf(PNG, 40));
        Trees.write(root.resolve("content/en/a/whole.png"), PNG);
        List<String> expected = List.of(
                "content/en/a/index.md:5:1: warning: image 'as-jpg.jpg': the file is a PNG image named as a JPEG one:"
                        + " browsers show it, but a server sends it as image/jpeg, which some readers and feed clients"
                        + " refuse; rename it with the extension .png, or export it as a JPEG",
                "content/en/a/index.md:7:1: warning: image 'cut.png': the file ends before its image does (no PNG end"
                        + " marker: a copy or upload cut short?), so a browser shows part of it or nothing; copy or"
                        + " export it again");
        assertEquals(expected, said(site(root).build().findings(), "image '"));
        assertEquals(expected, said(site(root).check().findings(), "image '"));
    }
}
