package org.arshif.site;

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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.arshif.Arshif;
import org.arshif.BuildLog;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compact: true} leaves out an article's optional extras (related dispatches, newer/older links, Open Graph,
 * JSON-LD, the translation line the language switcher repeats, the x-default alternate and the feed's autodiscovery
 * link, which the footer repeats), a tag list's pages past ten, the search index's
 * card chunks and the sitemap's plain text (gzipped), and keeps what a reader and a crawler need: the text, its tags, the canonical link, hreflang, every
 * dispatch on its month's pages, and search on a host that honours Range.
 */
class CompactSiteTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aCompactArticleKeepsTextTagsAndLinksWithoutTheExtras() throws IOException {
        String full = article(false);
        String compact = article(true);
        for (String extra : new String[] {
            "<meta property=\"og:title\"",
            "<script type=\"application/ld+json\">",
            "<section class=\"related\"",
            "<nav class=\"prev-next\"",
            "<p class=\"translation\">",
            "<link rel=\"alternate\" hreflang=\"x-default\"",
            "<link rel=\"alternate\" type=\"application/atom+xml\""
        }) {
            assertTrue(full.contains(extra), "by default: " + extra);
            assertFalse(compact.contains(extra), "compact: " + extra);
        }
        for (String kept : new String[] {
            "<link rel=\"canonical\" href=\"https://news.example/en/2017/05/b/\">",
            "<link rel=\"alternate\" hreflang=\"ar\"",
            "<meta name=\"description\" content=\"Text b.\">",
            "<a href=\"/en/tags/syria/\" rel=\"tag\">",
            "<li><a href=\"/ar/2017/05/b/\" lang=\"ar\" dir=\"rtl\" hreflang=\"ar\">",
            "<p>Text b.</p>"
        }) {
            assertTrue(compact.contains(kept), "compact keeps " + kept + "\n" + compact);
        }
    }

    /**
     * A compact site's tag list stops after {@code ListPages.COMPACT_LIST_PAGES} pages and links the archive, where
     * every dispatch stays on its month's pages; by default the tag list goes on to the oldest dispatch.
     */
    @Test
    void aCompactTagListHandsOverToTheArchiveAndEveryDispatchStaysOnItsMonth() throws IOException {
        Path full = manyDispatches(false);
        Path compact = manyDispatches(true);
        // pageSize 1: 1 dispatch on the first page, 5 on each later one; 400 dispatches: 81 pages, compact 10
        assertTrue(Files.exists(full.resolve("en/tags/syria/page/81/index.html")));
        assertTrue(Files.exists(compact.resolve("en/tags/syria/page/10/index.html")));
        assertFalse(Files.exists(compact.resolve("en/tags/syria/page/11")));
        String last = read(compact.resolve("en/tags/syria/page/10/index.html"));
        assertTrue(last.contains("<li><a href=\"/en/archive/\">Archive</a></li>"), last);
        assertFalse(last.contains("rel=\"next\""), last);
        Set<String> onMonths = new TreeSet<>();
        // a compact list's card: <li><h2><a href=…> (the classes left to CSS)
        Pattern card = Pattern.compile("<li><h2><a href=\"([^\"]+)\"");
        Pattern monthPage = Pattern.compile("\\d{4}/\\d{2}/(page/\\d+/)?index\\.html");
        try (Stream<Path> files = Files.walk(compact.resolve("en"))) {
            for (Path f : files.toList()) {
                if (monthPage
                        .matcher(compact.resolve("en").relativize(f).toString())
                        .matches()) {
                    Matcher m = card.matcher(read(f));
                    while (m.find()) {
                        onMonths.add(m.group(1));
                    }
                }
            }
        }
        assertEquals(MANY, onMonths.size(), "every dispatch is on its month's pages: " + onMonths);
    }

    /** A compact site's search index has no card chunks (its host honours Range), and says so in its manifest. */
    @Test
    void aCompactSearchIndexHasNoCardChunks() throws IOException {
        Pattern chunk = Pattern.compile("k\\.[a-z2-7]{8}\\.\\d+\\.bin");
        assertTrue(searchFiles(manyDispatches(false)).stream()
                .anyMatch(n -> chunk.matcher(n).matches()));
        Path compact = manyDispatches(true);
        List<String> names = searchFiles(compact);
        assertFalse(names.stream().anyMatch(n -> chunk.matcher(n).matches()), names.toString());
        // the shard files only in the shard bundle (s), as the client reads them from a host that serves Range
        assertTrue(searchFiles(manyDispatches(false)).stream().anyMatch(n -> n.startsWith("t.")));
        assertFalse(names.stream().anyMatch(n -> n.startsWith("t.") || n.startsWith("l.")), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("s.")), names.toString());
        String manifest = names.stream()
                .filter(n -> n.startsWith("manifest."))
                .findFirst()
                .orElseThrow();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(compact.resolve("en/search/" + manifest)))) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(json.contains("\"chunk\":0,"), json);
        }
    }

    /**
     * A cached build of a compact site, whose shard and tail files are not in the last site to keep, equals a fresh
     * build after an edit.
     */
    @Test
    void aCachedCompactBuildAfterAnEditEqualsAFreshOne() throws IOException {
        Path root = dir.resolve("edit-src");
        write(root, "arshif.yml", "compact: true\n");
        for (int i = 0; i < 40; i++) {
            write(
                    root,
                    "content/en/2017-01-" + (10 + i % 20) + "-d" + i + ".md",
                    "---\ntitle: Dispatch " + i + "\ntags: [syria]\n---\n\nText of dispatch " + i + ", Damascus.\n");
        }
        Path cached = dir.resolve("edit-cached");
        for (String text : new String[] {"Text of dispatch 7, Damascus.", "Text of dispatch 7, Aleppo and Homs."}) {
            write(root, "content/en/2017-01-17-d7.md", "---\ntitle: Dispatch 7\ntags: [syria]\n---\n\n" + text + "\n");
            Arshif.builder()
                    .siteRoot(root)
                    .output(cached)
                    .cache(dir.resolve("edit-cache"))
                    .clock(CLOCK)
                    .log(BuildLog.SILENT)
                    .build()
                    .build();
            Path fresh = dir.resolve("edit-fresh-" + text.length());
            Arshif.builder().siteRoot(root).output(fresh).clock(CLOCK).build().build();
            Trees.assertSameTree(Trees.withFolders(fresh), Trees.withFolders(cached), text);
        }
    }

    /**
     * A compact site's sitemap is gzipped parts behind the index, as the sitemap protocol allows; by default one
     * plain file while its URLs fit in one.
     */
    @Test
    void aCompactSitemapIsGzippedBehindTheIndex() throws IOException {
        assertTrue(read(manyDispatches(false).resolve("sitemap.xml")).contains("<urlset"));
        Path compact = manyDispatches(true);
        String index = read(compact.resolve("sitemap.xml"));
        assertTrue(index.contains("<sitemapindex") && index.contains("<loc>/sitemap-1.xml.gz</loc>"), index);
        assertFalse(Files.exists(compact.resolve("sitemap-2.xml.gz")));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(compact.resolve("sitemap-1.xml.gz")))) {
            String part = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(part.startsWith("<?xml") && part.contains("<urlset"), part);
            assertTrue(part.contains("<loc>/en/2017/01/d0/</loc>"), part);
        }
    }

    private static List<String> searchFiles(Path site) throws IOException {
        try (Stream<Path> files = Files.list(site.resolve("en/search"))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static final int MANY = 400;

    /**
     * {@link #MANY} dispatches tagged syria, one a day from 2017; pageSize 1. Their leads are long enough that the card
     * file is more than one chunk (the cards are deflated after a dictionary of common words: format 9).
     */
    private Path manyDispatches(boolean compact) throws IOException {
        Path root = dir.resolve("many-src-" + compact);
        Path out = dir.resolve("many-site-" + compact);
        if (Files.exists(out)) {
            return out;
        }
        write(root, "arshif.yml", "pageSize: 1\n" + (compact ? "compact: true\n" : ""));
        LocalDate day = LocalDate.of(2017, 1, 1);
        for (int i = 0; i < MANY; i++) {
            write(
                    root,
                    "content/en/" + day.plusDays(i) + "-d" + i + ".md",
                    "---\ntitle: Dispatch " + i + "\ntags: [syria]\n---\n\nText of dispatch " + i + ", filed at "
                            + (i * 7919 % 10007) + " by desk " + (i * 31 % 97) + " with reference "
                            + Integer.toHexString(i * 40503) + ".\n");
        }
        Arshif.builder().siteRoot(root).output(out).clock(CLOCK).build().build();
        return out;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private String article(boolean compact) throws IOException {
        Path root = dir.resolve("src-" + compact);
        write(root, "arshif.yml", "baseUrl: https://news.example/\n" + (compact ? "compact: true\n" : ""));
        for (String s : new String[] {"a", "b", "c"}) {
            write(
                    root,
                    "content/en/2017-05-0" + (s.charAt(0) - 'a' + 1) + "-" + s + ".md",
                    "---\ntitle: Dispatch " + s + "\ntranslationKey: " + s + "\ntags: [syria]\n---\n\nText " + s
                            + ".\n");
        }
        write(root, "content/ar/2017-05-02-b.md", "---\ntitle: خبر\ntranslationKey: b\ntags: [syria]\n---\n\nنص.\n");
        Path out = dir.resolve("site-" + compact);
        Arshif.builder().siteRoot(root).output(out).clock(CLOCK).build().build();
        return Files.readString(out.resolve("en/2017/05/b/index.html"), StandardCharsets.UTF_8);
    }

    private static void write(Path root, String rel, String text) throws IOException {
        Path file = root.resolve(rel);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
