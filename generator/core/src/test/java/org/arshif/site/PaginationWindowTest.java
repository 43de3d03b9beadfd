package org.arshif.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arshif.Arshif;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * List pages link a window of pages, so pagination stays linear in the size of the list; the home shows a window
 * of the newest dispatches. With {@code pageSize: 1}, a month's first page shows 1 dispatch and each later page 5
 * (brief cards), so 146 dispatches make 30 pages; the home's pages show 1 each.
 */
class PaginationWindowTest {
    @TempDir
    Path tmp;

    @Test
    void aMiddlePageLinksItsNeighboursTheEndsAndGaps() throws IOException {
        Path out = buildThirtyMonthPages();
        String nav = pagination(Files.readString(out.resolve("en/2017/01/page/15/index.html")));
        List<String> labels = new ArrayList<>();
        Matcher m = Pattern.compile("<bdi>(\\d+)</bdi>|<li aria-hidden=\"true\">(…)</li>")
                .matcher(nav);
        while (m.find()) {
            labels.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        assertEquals(List.of("1", "2", "…", "13", "14", "15", "16", "17", "…", "29", "30"), labels);
    }

    /** The home shows the newest dispatches only; its last page hands over to the archive, which has them all. */
    @Test
    void theHomeHasTenPagesThenLinksTheArchive() throws IOException {
        Path out = buildThirtyMonthPages();
        assertTrue(Files.isRegularFile(out.resolve("en/page/10/index.html")));
        assertFalse(Files.exists(out.resolve("en/page/11")), "the 136 older dispatches are on the month's pages");
        assertTrue(Files.isRegularFile(out.resolve("en/2017/01/page/30/index.html")));
        assertFalse(Files.exists(out.resolve("en/2017/01/page/31")), "later pages hold five times pageSize");
        String last = pagination(Files.readString(out.resolve("en/page/10/index.html")));
        assertTrue(last.contains("<li><a href=\"/en/archive/\">Archive</a></li>"), last);
        assertFalse(last.contains("rel=\"next\""), last);
        String ninth = pagination(Files.readString(out.resolve("en/page/9/index.html")));
        assertTrue(ninth.contains("<a rel=\"next\" href=\"/en/page/10/\">"), ninth);
        assertFalse(ninth.contains("/en/archive/"), ninth);
        assertFalse(
                pagination(Files.readString(out.resolve("en/2017/01/page/30/index.html")))
                        .contains("/archive/"),
                "a month's last page is the end of that list");
    }

    private static String pagination(String page) {
        int start = page.indexOf("<nav class=\"pagination\"");
        return page.substring(start, page.indexOf("</nav>", start));
    }

    private Path buildThirtyMonthPages() throws IOException {
        Path root = tmp.resolve("site-src");
        Files.createDirectories(root.resolve("content/en"));
        Files.writeString(root.resolve("arshif.yml"), "pageSize: 1\nlanguages: [en]\ndefaultLanguage: en\n");
        for (int i = 1; i <= 1 + 29 * 5; i++) {
            Files.writeString(
                    root.resolve(String.format("content/en/2017-01-%02d-d%d.md", 1 + i % 28, i)),
                    "---\ntitle: Dispatch " + i + "\n---\n\nText " + i + ".\n");
        }
        Path out = tmp.resolve("site");
        Arshif.builder()
                .siteRoot(root)
                .output(out)
                .clock(Clock.fixed(Instant.parse("2018-01-01T00:00:00Z"), ZoneOffset.UTC))
                .build()
                .build();
        return out;
    }
}
