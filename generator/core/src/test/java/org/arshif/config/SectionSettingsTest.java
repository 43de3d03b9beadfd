package org.arshif.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.SourceText;
import org.junit.jupiter.api.Test;

/** The {@code permalinks}, {@code sections} and {@code sources} keys, as docs/sections.md writes them. */
class SectionSettingsTest {
    private static SectionSettings read(String yaml) {
        Diagnostics d = new Diagnostics();
        SiteConfig config = ConfigLoader.parse(new SourceText("arshif.yml", yaml), d);
        assertEquals(List.of(), d.sorted().stream().map(Diagnostic::format).toList());
        return config.sections();
    }

    @Test
    void theMostSpecificPermalinkWins() {
        SectionSettings s = read("""
                permalinks:
                  okaz: /:sections/:year/:month/:day/:slug/
                  ar/economy: /:section/:year/:filename/
                  en: /:year/:month/:title/
                """);
        assertEquals("/:sections/:year/:month/:day/:slug/", s.permalink("ar", "okaz"));
        assertEquals("/:sections/:year/:month/:day/:slug/", s.permalink("en", "okaz/sport"), "a section below okaz");
        assertEquals("/:section/:year/:filename/", s.permalink("ar", "economy/gulf"));
        assertEquals("/:year/:month/:title/", s.permalink("en", "economy"), "ar/economy is Arabic only");
        assertEquals("/:year/:month/:title/", s.permalink("en", ""));
        assertEquals(SectionSettings.DEFAULT_PERMALINK, s.permalink("ar", ""));
        assertEquals(SectionSettings.DEFAULT_PERMALINK, s.permalink("ar", "aawsat"));
    }

    @Test
    void aPatternThatCannotMakeFoldersOnEverySystemIsReportedAtItsValue() {
        for (String bad :
                List.of("/../:slug/", "/news./:slug/", "/a//:slug/", "/:slug?x/", "/:year/:slug", "news/:slug/")) {
            Diagnostics d = new Diagnostics();
            SiteConfig config =
                    ConfigLoader.parse(new SourceText("arshif.yml", "permalinks:\n  ar: \"" + bad + "\"\n"), d);
            List<String> errors = d.sorted().stream().map(Diagnostic::format).toList();
            assertEquals(1, errors.size(), bad + ": " + errors);
            assertTrue(errors.get(0).startsWith("arshif.yml:2:7: error: permalink '" + bad + "'"), errors.get(0));
            assertEquals(SectionSettings.DEFAULT_PERMALINK, config.sections().permalink("ar", ""), "the default stays");
        }
    }

    @Test
    void aNameIsInThePagesLanguageElseInAnotherElseTheKey() {
        SectionSettings s = read("""
                sections:
                  okaz: {ar: عكاظ, en: Okaz}
                  gulf: {ar: الخليج}
                  economy/gulf: {en: Gulf economy}
                sources:
                  spa: {en: SPA}
                """);
        List<String> languages = List.of("ar", "en");
        assertEquals("عكاظ", s.sectionName("okaz", "ar", languages));
        assertEquals("Okaz", s.sectionName("okaz", "en", languages));
        assertEquals("الخليج", s.sectionName("gulf", "en", languages), "no English name: the Arabic one");
        assertEquals("Gulf economy", s.sectionName("economy/gulf", "en", languages), "a path before a folder name");
        assertEquals("الخليج", s.sectionName("sport/gulf", "ar", languages), "a folder name anywhere");
        assertEquals("sport", s.sectionName("sport", "ar", languages), "no name: the folder's");
        assertEquals("SPA", s.sourceName("spa", "ar", languages));
        assertEquals("okaz", s.sourceName("okaz", "ar", languages), "sources and sections are named apart");
    }
}
