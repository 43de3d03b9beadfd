package org.arshif.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.arshif.Arshif;
import org.arshif.BuildLog;
import org.arshif.diag.ContentException;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code uglyUrls: true} writes an article as one file, {@code slug.html}, and every link to it says so (pages,
 * canonical and alternates, feeds, the sitemap); a page bundle keeps its folder; a link an editor wrote to an
 * article's folder form is rewritten to the file, and the check accepts it.
 */
class UglyUrlsSiteTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void anArticleIsOneFileAndEveryLinkToItNamesTheFile() throws IOException {
        Path root = archive("uglyUrls: true\n", "\n[file](/en/2017/05/b.html)\n");
        Path out = dir.resolve("site");
        Arshif.builder().siteRoot(root).output(out).clock(CLOCK).build().build();

        assertFalse(Files.exists(out.resolve("en/2017/05/b")), "no folder per article");
        String b = read(out.resolve("en/2017/05/b.html"));
        assertTrue(b.contains("<link rel=\"canonical\" href=\"https://news.example/en/2017/05/b.html\">"), b);
        assertTrue(
                b.contains("<link rel=\"alternate\" hreflang=\"ar\" href=\"https://news.example/ar/2017/05/b.html\">"),
                b);
        assertTrue(b.contains("<li><a href=\"/ar/2017/05/b.html\" lang=\"ar\""), b);
        // The bundle keeps its folder: its photo and its body's relative links are there.
        assertTrue(Files.isRegularFile(out.resolve("en/2017/05/bundle/index.html")));
        assertTrue(Files.isRegularFile(out.resolve("en/2017/05/bundle/photo.svg")));
        // Links written to the folder form lead to the file; the bundle's, to its folder.
        String a = read(out.resolve("en/2017/05/a.html"));
        assertTrue(a.contains("<a href=\"/en/2017/05/b.html\">folder form</a>"), a);
        assertTrue(a.contains("<a href=\"https://news.example/en/2017/05/b.html#end\">absolute</a>"), a);
        assertTrue(a.contains("<a href=\"/en/2017/05/bundle/\">bundle</a>"), a);
        assertTrue(a.contains("<a href=\"/en/2017/05/b.html\">file</a>"), a);
        assertTrue(a.contains("<a href=\"/en/tags/syria/\">tag</a>"), a);
        String feed = read(out.resolve("en/feed.xml"));
        assertTrue(feed.contains("https://news.example/en/2017/05/b.html"), feed);
        assertFalse(feed.contains("/en/2017/05/b/"), feed);
        String sitemap = read(out.resolve("sitemap.xml"));
        assertTrue(sitemap.contains("<loc>https://news.example/en/2017/05/b.html</loc>"), sitemap);
        assertTrue(sitemap.contains("<loc>https://news.example/en/2017/05/bundle/</loc>"), sitemap);
        assertTrue(read(out.resolve("en/tags/syria/index.html")).contains("href=\"/en/2017/05/b.html\""));
    }

    /** An editor who encoded the folder form's last slash gets the file too, not a link cut one letter short. */
    @Test
    void anEncodedLastSlashIsRewrittenWhole() throws IOException {
        Path root = archive("uglyUrls: true\n", "\n[encoded](/en/2017/05/b%2F#end)\n");
        Path out = dir.resolve("site");
        Arshif.builder().siteRoot(root).output(out).clock(CLOCK).build().build();
        String a = read(out.resolve("en/2017/05/a.html"));
        assertTrue(a.contains("<a href=\"/en/2017/05/b.html#end\">encoded</a>"), a);
    }

    @Test
    void aFolderFormLinkToNoArticleIsStillAnError() throws IOException {
        Path root = archive("uglyUrls: true\n", "\n[gone](/en/2017/05/gone/)\n");
        ContentException e = assertThrows(
                ContentException.class,
                () -> Arshif.builder()
                        .siteRoot(root)
                        .output(dir.resolve("site"))
                        .clock(CLOCK)
                        .build()
                        .build());
        assertTrue(e.getMessage().contains("link '/en/2017/05/gone/' points to no page"), e.getMessage());
    }

    /** A bundle at the folder form of an article's file keeps its links: they lead to the bundle, not the file. */
    @Test
    void aLinkToABundleAtAnArticlesFolderFormIsLeftAlone() throws IOException {
        Path root = archive("uglyUrls: true\n", "");
        write(root, "content/en/2017-05-04-b/index.md", "---\ntitle: Bundle b\n---\n\nIts text.\n");
        Path out = dir.resolve("site");
        Arshif.builder().siteRoot(root).output(out).clock(CLOCK).build().build();
        assertTrue(Files.isRegularFile(out.resolve("en/2017/05/b/index.html")));
        assertTrue(Files.isRegularFile(out.resolve("en/2017/05/b.html")));
        String a = read(out.resolve("en/2017/05/a.html"));
        assertTrue(a.contains("<a href=\"/en/2017/05/b/\">folder form</a>"), a);
    }

    /** The front end's flag reads the dispatches anew (their permalinks) though the parse cache's arshif.yml is the same. */
    @Test
    void aCachedBuildWithTheFlagEqualsAFreshOne() throws IOException {
        Path root = archive("", "");
        Path cached = dir.resolve("cached");
        for (boolean ugly : new boolean[] {false, true, false}) {
            Arshif.builder()
                    .siteRoot(root)
                    .output(cached)
                    .cache(dir.resolve("cache"))
                    .uglyUrls(ugly)
                    .clock(CLOCK)
                    .log(BuildLog.SILENT)
                    .build()
                    .build();
            Path fresh = dir.resolve("fresh-" + ugly);
            Arshif.builder()
                    .siteRoot(root)
                    .output(fresh)
                    .uglyUrls(ugly)
                    .clock(CLOCK)
                    .build()
                    .build();
            Trees.assertSameTree(Trees.withFolders(fresh), Trees.withFolders(cached), "uglyUrls " + ugly);
            assertEquals(ugly, Files.isRegularFile(cached.resolve("en/2017/05/b.html")));
        }
    }

    /** Two English dispatches and a bundle (one with an Arabic translation); a's body links b and the bundle. */
    private Path archive(String config, String extraLinks) throws IOException {
        Path root = dir.resolve("src");
        write(root, "arshif.yml", "baseUrl: https://news.example/\n" + config);
        write(
                root,
                "content/en/2017-05-01-a.md",
                "---\ntitle: Dispatch a\ntags: [syria]\n---\n\nText a: [folder form](/en/2017/05/b/),"
                        + " [absolute](https://news.example/en/2017/05/b/#end), [bundle](/en/2017/05/bundle/),"
                        + " [tag](/en/tags/syria/).\n" + extraLinks);
        write(
                root,
                "content/en/2017-05-02-b.md",
                "---\ntitle: Dispatch b\ntranslationKey: b\ntags: [syria]\n---\n\nText b.\n");
        write(root, "content/ar/2017-05-02-b.md", "---\ntitle: خبر\ntranslationKey: b\ntags: [syria]\n---\n\nنص.\n");
        write(
                root,
                "content/en/2017-05-03-bundle/index.md",
                "---\ntitle: A bundle\ntags: [syria]\n---\n\n![A photo](photo.svg)\n");
        write(
                root,
                "content/en/2017-05-03-bundle/photo.svg",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>\n");
        return root;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void write(Path root, String rel, String text) throws IOException {
        Path file = root.resolve(rel);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
