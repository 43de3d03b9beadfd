package org.arshif.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.arshif.Arshif;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search page carries its language's manifest inline, so that a query's first request is a term shard: the same
 * JSON as the manifest file the page names, and no text in it (a tag's name) can end the element early.
 */
class InlineManifestTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2017-06-15T00:00:00Z"), ZoneOffset.UTC);
    private static final Pattern DATA = Pattern.compile(
            "<script type=\"application/json\" data-search-manifest-data=\"([^\"]+)\">(.*?)</script>", Pattern.DOTALL);

    @TempDir
    Path tmp;

    @Test
    void eachSearchPageCarriesTheManifestItNamesAndNoTagNameEndsTheElement() throws IOException {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("archive"));
        Path tags = root.resolve("content/tags.yml");
        String hostile = "Trade </script><script>alert(1)</script> <!-- talks";
        Files.writeString(
                tags,
                Files.readString(tags).replace("  en: Economy", "  en: \"" + hostile + "\""),
                StandardCharsets.UTF_8);
        Path out = tmp.resolve("site");
        Arshif.builder()
                .siteRoot(root)
                .output(out)
                .clock(CLOCK)
                .baseUrl("https://news.example/")
                .build()
                .build();

        for (String lang : List.of("ar", "en")) {
            String page = Files.readString(out.resolve(lang + "/search/index.html"), StandardCharsets.UTF_8);
            Matcher m = DATA.matcher(page);
            assertTrue(m.find(), lang + ": no inline manifest in " + page);
            assertTrue(page.contains("data-search-manifest=\"" + m.group(1) + "\""), "the page names the same URL");
            String file = gunzip(out.resolve(m.group(1).substring(1)));
            assertFalse(m.group(2).contains("<"), "every < is escaped inside the element");
            assertEquals(file, m.group(2).replace("\\u003c", "<"), lang + ": the inline JSON is the file's");
            assertEquals(1, page.split("<script type=\"application/json\"", -1).length - 1, lang);
        }
        String en = gunzip(out.resolve(DATA.matcher(Files.readString(out.resolve("en/search/index.html")))
                .results()
                .findFirst()
                .orElseThrow()
                .group(1)
                .substring(1)));
        assertTrue(en.contains(hostile), "the manifest keeps the tag's name as it is: " + en);
    }

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
