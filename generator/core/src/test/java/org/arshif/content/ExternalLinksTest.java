package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.arshif.config.ConfigLoader;
import org.arshif.config.SiteConfig;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.SourceText;
import org.junit.jupiter.api.Test;

/** {@code rel="nofollow"}: never on internal links, and on other sites' links only when arshif.yml asks. */
class ExternalLinksTest {
    private static final String LINKS = "[fair](https://example.org/fair) [home](/ar/) [next](../05/x/)"
            + " [own](https://desk.example/archive/ar/) [mail](mailto:desk@example.org)";

    private static String html(boolean nofollow) {
        return new MarkdownText(false, nofollow, "https://desk.example/archive/")
                .convert(LINKS, false)
                .html();
    }

    @Test
    void noLinkGetsNofollowByDefault() {
        assertEquals(
                "<p><a href=\"https://example.org/fair\">fair</a> <a href=\"/ar/\">home</a>"
                        + " <a href=\"../05/x/\">next</a> <a href=\"https://desk.example/archive/ar/\">own</a>"
                        + " <a href=\"mailto:desk@example.org\">mail</a></p>\n",
                html(false));
    }

    @Test
    void whenConfiguredOnlyLinksToOtherSitesGetNofollow() {
        assertEquals(
                "<p><a href=\"https://example.org/fair\" rel=\"nofollow\">fair</a> <a href=\"/ar/\">home</a>"
                        + " <a href=\"../05/x/\">next</a> <a href=\"https://desk.example/archive/ar/\">own</a>"
                        + " <a href=\"mailto:desk@example.org\">mail</a></p>\n",
                html(true));
    }

    @Test
    void javascriptLinksAreStillNeutralised() {
        assertEquals(
                "<p><a href=\"\">x</a></p>\n",
                new MarkdownText(false, true, "")
                        .convert("[x](javascript:alert(1))", false)
                        .html());
    }

    @Test
    void theSettingIsReadFromArshifYml() {
        Diagnostics d = new Diagnostics();
        SiteConfig on = ConfigLoader.parse(new SourceText("arshif.yml", "externalLinks:\n  nofollow: true\n"), d);
        assertEquals(List.of(), d.sorted());
        assertEquals(true, on.externalNofollow());
        assertEquals(false, SiteConfig.defaults().externalNofollow());

        ConfigLoader.parse(new SourceText("arshif.yml", "externalLinks:\n  nofolow: true\n"), d);
        assertEquals(
                List.of("arshif.yml:2:3: error: unknown externalLinks key 'nofolow'; did you mean 'nofollow'?"),
                d.sorted().stream().map(Diagnostic::format).toList());
    }
}
