package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arshif.diag.Diagnostic;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives moved from other systems, round three (fixtures under {@code src/test/resources/sites/messy/}): what
 * they mean is read as they meant it, or named at its line.
 */
class RoundThreeFindingsTest {
    private static final Pattern PUBLISHED = Pattern.compile("\"datePublished\":\"([^\"]+)\"");

    @TempDir
    Path tmp;

    private Arshif.Builder site(String name, Path out) {
        Path root = Trees.copy(Trees.site("messy").resolve(name), tmp.resolve(name));
        return Arshif.builder().siteRoot(root).output(out).clock(InvalidSitesTest.CLOCK);
    }

    private static String datePublished(Path page) throws Exception {
        Matcher m = PUBLISHED.matcher(Files.readString(page, StandardCharsets.UTF_8));
        assertTrue(m.find(), page::toString);
        return m.group(1);
    }

    @Test
    void datesAsJekyllWordPressAndRssExportThemAreRead() throws Exception {
        Path out = tmp.resolve("out");
        BuildReport report = site("exported-dates", out).build().build();
        assertEquals(
                List.of(),
                report.findings().stream().filter(Diagnostic::isError).toList());
        assertEquals("2017-05-01T10:00:00+03:00", datePublished(out.resolve("en/2017/05/jekyll/index.html")));
        assertEquals("2017-05-02T10:00:00+03:00", datePublished(out.resolve("en/2017/05/wordpress/index.html")));
        assertEquals("2017-05-03T10:00:00Z", datePublished(out.resolve("en/2017/05/utc/index.html")));
        assertEquals("2017-05-04T10:00:00+03:00", datePublished(out.resolve("en/2017/05/rss/index.html")));
    }

    @Test
    void aPublishDateAfterTheDateKeepsTheDispatchBackAsHugoDoes() throws Exception {
        Path out = tmp.resolve("out");
        site("hugo-embargo", out).build().build();
        assertFalse(Files.exists(out.resolve("en/2017/05/embargoed")), "held back until its publishDate");
        String month = Files.readString(out.resolve("en/2017/05/index.html"), StandardCharsets.UTF_8);
        assertFalse(month.contains("Embargoed"), "not listed either");
        // once published, a dispatch is dated by its date, whatever its publishDate
        assertEquals("2017-05-02T00:00:00Z", datePublished(out.resolve("en/2017/05/released/index.html")));
        assertEquals("2017-05-03T00:00:00Z", datePublished(out.resolve("en/2017/05/earlier/index.html")));

        Path future = tmp.resolve("future");
        site("hugo-embargo", future).future(true).build().build();
        assertEquals("2017-05-01T00:00:00Z", datePublished(future.resolve("en/2017/05/embargoed/index.html")));

        List<String> notices = site("hugo-embargo", tmp.resolve("checked")).build().check().findings().stream()
                .map(Diagnostic::format)
                .filter(f -> f.contains("scheduled"))
                .toList();
        assertEquals(
                List.of("content/en/2017-05-01-embargoed.md:4:1: notice: scheduled: publishDate 2017-07-01T06:00Z"
                        + " (dated 2017-05-01T00:00Z), so builds leave it out until then (future=true includes it)"),
                notices);
    }
}
