package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.arshif.config.SiteConfig;
import org.arshif.diag.Diagnostic;
import org.junit.jupiter.api.Test;

/** A Hugo configuration that put its default language at the site's root is named once, with what Hugo did. */
class HugoRootLanguageTest {
    private static final String LANGUAGES = "[languages.en]\nweight = 1\n[languages.ar]\nweight = 2\n";

    private static Optional<String> said(String toml) {
        return HugoRootLanguage.warning("hugo.toml", toml, SiteConfig.defaults())
                .map(Diagnostic::format);
    }

    @Test
    void hugosDefaultPutsTheDefaultLanguageAtTheRoot() {
        // without the key, Hugo's default is false: the root; English is Hugo's default language
        String line = said(LANGUAGES).orElseThrow();
        assertTrue(
                line.startsWith("hugo.toml:1:1: warning: Hugo published this site's default language 'en' at the"
                        + " root (/news/story/)"),
                line);
        assertTrue(line.endsWith("give each its old URL as an alias (aliases: [/news/story/])"), line);
        String ar = said("defaultContentLanguage = \"ar\"\ndefaultContentLanguageInSubdir = false\n" + LANGUAGES)
                .orElseThrow();
        assertTrue(ar.startsWith("hugo.toml:2:1: warning: Hugo published this site's default language 'ar'"), ar);
    }

    @Test
    void aSiteWithEveryLanguageUnderItsPrefixOrOfOneLanguageIsNotNamed() {
        assertEquals(Optional.empty(), said("defaultContentLanguageInSubdir = true\n" + LANGUAGES));
        assertEquals(Optional.empty(), said("title = \"One language\"\n"));
    }

    @Test
    void aLanguageTheSiteDoesNotPublishIsNamedToo() {
        String fr = said("defaultContentLanguage = \"fr\"\n" + LANGUAGES).orElseThrow();
        assertTrue(fr.endsWith(", and add 'fr' to languages"), fr);
    }
}
