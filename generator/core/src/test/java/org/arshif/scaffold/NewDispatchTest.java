package org.arshif.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.arshif.Arshif;
import org.arshif.content.Dispatch;
import org.arshif.diag.ContentException;
import org.arshif.site.Library;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arshif:new}: safe names, front-matter the reader accepts, translations linked, nothing overwritten. */
class NewDispatchTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T09:15:42Z"), ZoneOffset.UTC);

    @TempDir
    Path site;

    private Arshif arshif() throws Exception {
        Files.writeString(site.resolve("arshif.yml"), "languages: [ar, en]\ntimeZone: Asia/Damascus\n");
        Files.createDirectories(site.resolve("content"));
        Files.writeString(site.resolve("content/tags.yml"), "syria:\n  ar: سورية\n  en: Syria\n");
        return Arshif.builder().siteRoot(site).clock(CLOCK).drafts(true).build();
    }

    @Test
    void arabicTitleKeepsArabicLettersInTheFileNameAndTheDispatchLoads() throws Exception {
        Arshif arshif = arshif();
        Scaffolder.Created c = arshif.newDispatch("قِمّة «سوتشي»: بوتين وروحاني/أردوغان", "ar", null);
        assertEquals("content/ar/2026-03-04-قمة-سوتشي-بوتين-وروحاني-أردوغان.md", c.path());
        String text = Files.readString(site.resolve(c.path()), StandardCharsets.UTF_8);
        assertTrue(
                text.startsWith("---\ntitle: \"قِمّة «سوتشي»: بوتين وروحاني/أردوغان\"\n"
                        + "date: 2026-03-04T12:15:00+03:00\ntags: []\ndateline: \"\"\ndraft: true\n---\n"),
                text);
        Library library = arshif.load();
        assertTrue(!library.hasErrors(), library.findings().toString());
        Dispatch d = library.dispatches().get(0);
        assertEquals("ar", d.lang());
        assertEquals("قمة-سوتشي-بوتين-وروحاني-أردوغان", d.slug());
        assertTrue(d.draft());
    }

    /** What the build would refuse or warn about is not scaffolded: a device name, control characters, an open override. */
    @Test
    void aTitleThatIsAWindowsDeviceNameOrHoldsControlsMakesADispatchTheBuildAccepts() throws Exception {
        Arshif arshif = arshif();
        assertEquals(
                "content/en/2026-03-04-con-1.md",
                arshif.newDispatch("Con", "en", null).path());
        Scaffolder.Created c = arshif.newDispatch("Aux\tsummit\u0001 \u0085talks\n", "en", null);
        assertEquals("content/en/2026-03-04-aux-summit-talks.md", c.path());
        assertTrue(Files.readString(site.resolve(c.path()), StandardCharsets.UTF_8)
                .startsWith("---\ntitle: \"Aux summit talks\"\n"));
        // a right-to-left override left open would turn around what a page puts after the title: closed at its end
        Scaffolder.Created rlo = arshif.newDispatch("\u202Eevil summit", "en", null);
        assertTrue(Files.readString(site.resolve(rlo.path()), StandardCharsets.UTF_8)
                .startsWith("---\ntitle: \"\u202Eevil summit\u202C\"\n"));
        Library library = arshif.load();
        assertEquals(
                List.of(),
                library.findings().stream()
                        .filter(d -> d.isError() || d.format().contains(": warning: "))
                        .toList());
        assertEquals(
                List.of("aux-summit-talks", "con-1", "evil-summit"),
                library.dispatches().stream().map(Dispatch::slug).sorted().toList());
    }

    @Test
    void neverOverwritesAndSaysWhy() throws Exception {
        Arshif arshif = arshif();
        Scaffolder.Created c = arshif.newDispatch("Summit", "en", null);
        Files.writeString(site.resolve(c.path()), "edited by hand");
        ContentException e = assertThrows(ContentException.class, () -> arshif.newDispatch("Summit", "en", null));
        assertEquals(
                "content/en/2026-03-04-summit.md: error: already exists, and a new dispatch never overwrites a"
                        + " file; give the new dispatch another title, or edit this one",
                e.errors().get(0).format());
        assertEquals("edited by hand", Files.readString(site.resolve(c.path())));
    }

    @Test
    void rejectsUnknownLanguagesAndTitlesWithoutLetters() throws Exception {
        Arshif arshif = arshif();
        assertTrue(assertThrows(ContentException.class, () -> arshif.newDispatch("x", "fr", null))
                .getMessage()
                .contains("unknown language 'fr'; this site publishes ar, en"));
        assertTrue(assertThrows(ContentException.class, () -> arshif.newDispatch("?!", "en", null))
                .getMessage()
                .contains("has no letters or digits"));
        assertTrue(assertThrows(ContentException.class, () -> arshif.newDispatch(" ", "en", null))
                .getMessage()
                .contains("give the dispatch a title"));
    }

    @Test
    void translationSharesPathDateTagsAndKeyAndLinksUp() throws Exception {
        Arshif arshif = arshif();
        Files.createDirectories(site.resolve("content/ar/2017"));
        Files.writeString(site.resolve("content/ar/2017/بوتين-روحاني.txt"), """
                ---
                date: 2017-05-22T10:00:00+03:00
                tags: [سورية]
                translationKey: putin-rouhani
                ---
                بوتين وروحاني يبحثان الوضع في سورية

                موسكو-سانا

                بحث الرئيسان الوضع.
                """);
        Scaffolder.Created c =
                arshif.newDispatch("Putin and Rouhani discuss Syria", null, "content/ar/2017/بوتين-روحاني.txt");
        assertEquals("content/en/2017/بوتين-روحاني.md", c.path());
        assertTrue(c.text().contains("title: \"Putin and Rouhani discuss Syria\"\n"), c.text());
        assertTrue(c.text().contains("date: 2017-05-22T10:00:00+03:00\n"), c.text());
        assertTrue(c.text().contains("slug: \"putin-and-rouhani-discuss-syria\"\n"), c.text());
        assertTrue(c.text().contains("translationKey: \"putin-rouhani\"\n"), c.text());
        assertTrue(c.text().contains("tags: [\"syria\"]\n"), c.text());
        assertTrue(c.text().contains("# dateline in the original: موسكو\n"), c.text());

        Library library = arshif.load();
        assertTrue(!library.hasErrors(), library.findings().toString());
        Dispatch ar = library.dispatches().stream()
                .filter(d -> d.lang().equals("ar"))
                .findFirst()
                .orElseThrow();
        Dispatch en = library.model().translation(ar, "en").orElseThrow();
        assertEquals(c.path(), en.path());
        assertEquals(List.of("syria"), en.tags());
        assertEquals(ar.date().toInstant(), en.date().toInstant());

        ContentException again = assertThrows(
                ContentException.class, () -> arshif.newDispatch(null, "en", "content/ar/2017/بوتين-روحاني.txt"));
        assertTrue(
                again.getMessage()
                        .contains("the en translation of content/ar/2017/بوتين-روحاني.txt already" + " exists"),
                again.getMessage());
    }

    @Test
    void translationWithoutTitleOrKeyPrefillsTheOriginalTitleAndLinksByPath() throws Exception {
        Arshif arshif = arshif();
        Files.createDirectories(site.resolve("content/en"));
        Files.writeString(site.resolve("content/en/2017-05-23-call.md"), "---\ntitle: A \"call\"\n---\n\nText.\n");
        Scaffolder.Created c = arshif.newDispatch(
                null, null, site.resolve("content/en/2017-05-23-call.md").toString());
        assertEquals("content/ar/2017-05-23-call.md", c.path());
        assertTrue(c.text().contains("title: \"A \\\"call\\\"\"\n"), c.text());
        Library library = arshif.load();
        assertTrue(!library.hasErrors(), library.findings().toString());
        Dispatch en = library.dispatches().stream()
                .filter(d -> d.lang().equals("en"))
                .findFirst()
                .orElseThrow();
        assertTrue(library.model().translation(en, "ar").isPresent());
    }

    @Test
    void slugsAreShortAndClean() {
        assertEquals(
                "putin-rouhani-erdogan",
                Scaffolder.slug("  Putin, Rouhani & Erdoğan? ")
                        .replace("ğ", "g")
                        .replace("erdogan", "erdogan"));
        String longSlug = Scaffolder.slug("word ".repeat(40));
        assertTrue(longSlug.length() <= 80 && !longSlug.endsWith("-"), longSlug);
    }
}
