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

/** Hostile input, round ten, through a whole build: what a build says and writes for a migrated archive. */
class RoundTenSiteTest {
    @TempDir
    Path tmp;

    private Arshif site(Path root) {
        return SiteBuilds.at(root, tmp.resolve("out"));
    }

    @Test
    void aBuildNamesTheExpiredDispatchesItLeftOut() {
        Path root = tmp.resolve("site");
        for (String name : List.of("a", "b", "c", "d", "e")) {
            Trees.write(
                    root.resolve("content/en/" + name + ".md"),
                    "---\ntitle: Old\ndate: 2017-05-04\nexpiryDate: 2017-06-01\n---\nText.\n");
        }
        Trees.write(root.resolve("content/en/kept.md"), "---\ntitle: Kept\ndate: 2017-05-04\n---\nText.\n");
        List<String> said = site(root).build().findings().stream()
                .map(Diagnostic::format)
                .filter(f -> f.contains("expired"))
                .toList();
        assertEquals(
                List.of("content/en/a.md:4:1: notice: expired: content/en/a.md was left out because its expiryDate"
                        + " (2017-06-01T00:00Z) has passed, as Hugo does, and so were 4 others (content/en/b.md,"
                        + " content/en/c.md, content/en/d.md, and 1 more); drafts=true builds expired dispatches;"
                        + " delete expiryDate to keep one in the archive (check names each)"),
                said);
        assertFalse(Files.exists(tmp.resolve("out/en/2017/05/a")));
        // With drafts, they are built, and nothing is said.
        Arshif withDrafts = Arshif.builder()
                .siteRoot(root)
                .output(tmp.resolve("out"))
                .clock(InvalidSitesTest.CLOCK)
                .drafts(true)
                .build();
        assertEquals(
                List.of(),
                withDrafts.build().findings().stream()
                        .filter(f -> f.format().contains("expired"))
                        .toList());
        assertTrue(Files.exists(tmp.resolve("out/en/2017/05/a")));
    }

    @Test
    void aRelativeAliasOfAOneLanguageSiteKeepsTheAddressWithoutALanguage() {
        // Hugo 0.111, a site of one language: content/news/world/story.md with [old-url] wrote /news/world/old-url/.
        Path root = tmp.resolve("site");
        Trees.write(root.resolve("arshif.yml"), "languages: [en]\n");
        Trees.write(
                root.resolve("content/en/news/world/story.md"),
                "---\ntitle: A\ndate: 2017-05-04\naliases: [old-url, ../elsewhere/x]\n---\nText.\n");
        site(root).build();
        assertTrue(Files.exists(tmp.resolve("out/news/world/old-url/index.html")));
        assertTrue(Files.exists(tmp.resolve("out/news/elsewhere/x/index.html")));
        assertFalse(Files.exists(tmp.resolve("out/en/news/world/old-url")));
    }

    private List<String> built(Path root, String about) {
        return site(root).build().findings().stream()
                .map(Diagnostic::format)
                .filter(f -> f.contains(about))
                .toList();
    }

    @Test
    void aDispatchHugoReadAsABundlesFileOrLostUnderASectionIsNamed() {
        // Hugo 0.111: content/both/c.md beside content/both/index.md was the bundle's file, no page; with
        // content/both/_index.md too, the section's list took /both/ from the bundle, and c.md was a page.
        Path root = tmp.resolve("site");
        String md = "---\ntitle: T\ndate: 2017-05-04\n---\nText.\n";
        Trees.write(root.resolve("content/en/leaf/index.md"), md);
        Trees.write(root.resolve("content/en/leaf/c.md"), md);
        Trees.write(root.resolve("content/en/both/index.md"), md);
        Trees.write(root.resolve("content/en/both/_index.md"), "---\ntitle: Both\n---\nSection.\n");
        Trees.write(root.resolve("content/en/both/d.md"), md);
        assertEquals(
                List.of(
                        "content/en/both/index.md:1:1: warning: this folder has _index.md too, which makes it a"
                                + " section: Hugo writes the section's list page at the folder's address, where this"
                                + " page bundle would be, and the list takes it (the page is lost); Arshif publishes"
                                + " both: move index.md and its photos into a folder of their own below this one",
                        "content/en/leaf/c.md:1:1: warning: it is inside the page bundle of content/en/leaf/index.md,"
                                + " so Hugo publishes it as that page's file, not as a page of its own; Arshif"
                                + " publishes it as a dispatch: move it out of content/en/leaf/, or, if it is the"
                                + " bundle's file, rename it so that it does not end in .md"),
                built(root, "bundle"));
    }

    @Test
    void tagsThatDifferOnlyInAHamzaOrTaMarbutaAreNamed() {
        Path root = tmp.resolve("site");
        Trees.write(
                root.resolve("content/ar/a.md"), "---\ntitle: أ\ndate: 2017-05-04\ntags: [أخبار, مدرسة]\n---\nنص.\n");
        Trees.write(root.resolve("content/ar/b.md"), "---\ntitle: ب\ndate: 2017-05-04\ntags: [أخبار]\n---\nنص.\n");
        Trees.write(
                root.resolve("content/ar/c.md"), "---\ntitle: ج\ndate: 2017-05-04\ntags: [اخبار, مدرسه]\n---\nنص.\n");
        assertEquals(
                List.of(
                        "content/ar/c.md:4:1: warning: tag 'اخبار' (1 dispatch) differs from the tag 'أخبار' (2"
                                + " dispatches) only in how a letter is written (a hamza or its seat, ta marbuta, alef"
                                + " maqsura, a final alef, a letter twice, or a Persian ی or ک), yet they are two tags,"
                                + " each with its own page; write"
                                + " it as 'أخبار', or keep both as one tag in content/tags.yml with the other spelling as"
                                + " an alias ('أخبار': {ar: أخبار, alias: [اخبار]})",
                        "content/ar/c.md:4:1: warning: tag 'مدرسه' (1 dispatch) differs from the tag 'مدرسة' (1"
                                + " dispatch) only in how a letter is written (a hamza or its seat, ta marbuta, alef"
                                + " maqsura, a final alef, a letter twice, or a Persian ی or ک), yet they are two tags,"
                                + " each with its own page; write"
                                + " it as 'مدرسة', or keep both as one tag in content/tags.yml with the other spelling as"
                                + " an alias ('مدرسة': {ar: مدرسة, alias: [مدرسه]})"),
                built(root, "hamza or its seat"));
        // The check says the same.
        assertEquals(
                2,
                site(root).check().findings().stream()
                        .filter(f -> f.format().contains("hamza or its seat"))
                        .count());
    }

    @Test
    void tagsThatDifferOnlyInAHamzasSeatOrAPersianLetterAreNamed() {
        // A Persian keyboard types ی and ک, which look like ي and ك; مسئول and مسؤول are one word, as search reads it.
        Path root = tmp.resolve("site");
        Trees.write(
                root.resolve("content/ar/a.md"), "---\ntitle: أ\ndate: 2017-05-04\ntags: [كركوك, مسؤول]\n---\nنص.\n");
        Trees.write(root.resolve("content/ar/b.md"), "---\ntitle: ب\ndate: 2017-05-04\ntags: [كركوك]\n---\nنص.\n");
        Trees.write(
                root.resolve("content/ar/c.md"), "---\ntitle: ج\ndate: 2017-05-04\ntags: [کرکوک, مسئول]\n---\nنص.\n");
        assertEquals(
                List.of(
                        "content/ar/c.md:4:1: warning: tag 'مسئول' (1 dispatch) differs from the tag 'مسؤول' (1"
                                + " dispatch) only in how a letter is written (a hamza or its seat, ta marbuta, alef"
                                + " maqsura, a final alef, a letter twice, or a Persian ی or ک), yet they are two tags,"
                                + " each with its own page; write"
                                + " it as 'مسؤول', or keep both as one tag in content/tags.yml with the other spelling as"
                                + " an alias ('مسؤول': {ar: مسؤول, alias: [مسئول]})",
                        "content/ar/c.md:4:1: warning: tag 'کرکوک' (1 dispatch) differs from the tag 'كركوك' (2"
                                + " dispatches) only in how a letter is written (a hamza or its seat, ta marbuta, alef"
                                + " maqsura, a final alef, a letter twice, or a Persian ی or ک), yet they are two tags,"
                                + " each with its own page; write"
                                + " it as 'كركوك', or keep both as one tag in content/tags.yml with the other spelling as"
                                + " an alias ('كركوك': {ar: كركوك, alias: [کرکوک]})"),
                built(root, "letter is written"));
    }
}
