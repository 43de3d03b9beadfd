package org.arshif.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.ArrayList;
import org.arshif.Arshif;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** List pages link a window of pages, so pagination stays linear in the size of the list. */
class PaginationWindowTest {
    @TempDir
    Path tmp;

    @Test
    void aMiddlePageLinksItsNeighboursTheEndsAndGaps() throws IOException {
        Path root = tmp.resolve("site-src");
        Files.createDirectories(root.resolve("content/en"));
        Files.writeString(root.resolve("arshif.yml"), "pageSize: 1\nlanguages: [en]\ndefaultLanguage: en\n");
        for (int i = 1; i <= 30; i++) {
            Files.writeString(root.resolve(String.format("content/en/2017-01-%02d-d%d.md", i, i)),
                    "---\ntitle: Dispatch " + i + "\n---\n\nText " + i + ".\n");
        }
        Path out = tmp.resolve("site");
        Arshif.builder().siteRoot(root).output(out)
                .clock(Clock.fixed(Instant.parse("2018-01-01T00:00:00Z"), ZoneOffset.UTC)).build().build();
        String page15 = Files.readString(out.resolve("en/page/15/index.html"));
        String nav = page15.substring(page15.indexOf("<nav class=\"pagination\""), page15.indexOf("</nav>",
                page15.indexOf("<nav class=\"pagination\"")));
        List<String> labels = new ArrayList<>();
        Matcher m = Pattern.compile("<bdi>(\\d+)</bdi>|<li aria-hidden=\"true\">(…)</li>").matcher(nav);
        while (m.find()) {
            labels.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        assertEquals(List.of("1", "2", "…", "13", "14", "15", "16", "17", "…", "29", "30"), labels);
    }
}
