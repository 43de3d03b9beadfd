package org.arshif.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.arshif.Arshif;
import org.arshif.diag.Diagnostic;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A link that points nowhere names the page it most likely meant: after a migration from Hugo, internal links keep
 * Hugo's URLs ({@code /en/posts/bundle/}) while Arshif files the page by date ({@code /en/posts/2023/04/bundle/}).
 */
class MovedLinkTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aHugoUrlOfAMovedPageNamesItsNewUrl() {
        Trees.write(
                dir.resolve("content/en/posts/bundle/index.md"), "---\ntitle: Bundle\ndate: 2023-04-05\n---\nText.\n");
        Trees.write(
                dir.resolve("content/en/posts/other.md"),
                "---\ntitle: Other\ndate: 2023-04-06\n---\nSee [it](/en/posts/bundle/), [ugly](/en/posts/bundle.html)"
                        + " and [none](/en/posts/nothing-like-it/).\n");
        List<String> found = Arshif.builder().siteRoot(dir).clock(CLOCK).build().check().findings().stream()
                .filter(Diagnostic::isError)
                .map(Diagnostic::format)
                .toList();
        assertEquals(
                List.of(
                        "content/en/posts/other.md:5:5: error: link '/en/posts/bundle/' points to no page of the site"
                                + " (/en/posts/bundle/); did you mean /en/posts/2023/04/bundle/?",
                        "content/en/posts/other.md:5:30: error: link '/en/posts/bundle.html' points to no page of the"
                                + " site (/en/posts/bundle.html); did you mean /en/posts/2023/04/bundle/?",
                        "content/en/posts/other.md:5:64: error: link '/en/posts/nothing-like-it/' points to no page of"
                                + " the site (/en/posts/nothing-like-it/)"),
                found);
    }

    @Test
    void aLinkOrImageThatDiffersInCaseOnlyNamesTheFileAsItIs() {
        // Written on Windows or macOS, where Photo.PNG and photo.png are one file; a web host serves only one.
        Trees.write(dir.resolve("content/en/2023-04-05-trip/index.md"), "# Trip\n\nText ![a map](Photo.PNG).\n");
        Trees.write(dir.resolve("content/en/2023-04-05-trip/Photo.PNG"), "not read: no size needed");
        Trees.write(
                dir.resolve("content/en/2023-04-06-other.md"),
                "# Other\n\nSee [the trip](/en/2023/04/Trip/) and ![its map](/en/2023/04/trip/photo.png).\n");
        List<String> found = Arshif.builder().siteRoot(dir).clock(CLOCK).build().check().findings().stream()
                .filter(Diagnostic::isError)
                .map(Diagnostic::format)
                .toList();
        assertEquals(
                List.of(
                        "content/en/2023-04-06-other.md:3:5: error: link '/en/2023/04/Trip/' points to no page of the"
                                + " site (/en/2023/04/Trip/); there is /en/2023/04/trip/, whose name differs in case"
                                + " only: web hosts tell the two apart, so write it as that",
                        "content/en/2023-04-06-other.md:3:39: error: image '/en/2023/04/trip/photo.png' points to no"
                                + " file of the site (/en/2023/04/trip/photo.png); there is /en/2023/04/trip/Photo.PNG,"
                                + " whose name differs in case only: web hosts tell the two apart, so write it as that"),
                found);
    }

    @Test
    void ofSeveralPagesWithTheNameTheClosestPathWins() {
        Set<String> files = Set.of(
                "ar/2023/04/bundle/index.html",
                "en/posts/2023/04/bundle/index.html",
                "en/news/2023/04/bundle/index.html",
                "en/posts/2023/04/bundles/index.html",
                "media/map.png",
                "en/posts/2023/04/bundle/map.png");
        assertEquals(Optional.of("/en/posts/2023/04/bundle/"), LinkPaths.nearest("/en/posts/bundle/", files, false));
        assertEquals(Optional.of("/ar/2023/04/bundle/"), LinkPaths.nearest("/ar/bundle/", files, false));
        assertEquals(Optional.of("/media/map.png"), LinkPaths.nearest("/static/map.png", files, true));
        assertEquals(
                Optional.of("/en/posts/2023/04/bundle/map.png"), LinkPaths.nearest("/en/posts/map.png", files, true));
        assertEquals(Optional.empty(), LinkPaths.nearest("/en/posts/index.html", files, false));
        assertEquals(Optional.empty(), LinkPaths.nearest("/", files, false));
        assertEquals(Optional.empty(), LinkPaths.nearest("/en/posts/bundle/", files, true));
    }
}
