package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files under {@code content/} that are not dispatches: a document that would run a script on the site's origin
 * is an error unless the site lets raw HTML through, and a file that would silently not be published is a warning.
 */
class MediaSafetyTest {
    @TempDir
    Path tmp;

    Arshif arshif(Path root) {
        return SiteBuilds.at(root, tmp.resolve("out"));
    }

    @Test
    void aDocumentWithAScriptIsAnErrorAtTheScriptAndACleanOneIsPublished() {
        Path root = Trees.copy(Trees.site("invalid").resolve("media-with-scripts"), tmp.resolve("site"));
        ContentException e =
                assertThrows(ContentException.class, () -> arshif(root).build());
        assertEquals(
                List.of(
                        "content/en/2017-05-01-chart/chart.html:3:1: error: this file holds a script ('<SCRIPT'), which"
                                + " a browser runs on the site's own origin when the file is opened; remove it, or set"
                                + " markdownRawHtml: true in arshif.yml if the archive's authors may publish scripts",
                        "content/media/logo.svg:3:6: error: this file holds a script ('onload='), which a browser runs"
                                + " on the site's own origin when the file is opened; remove it (export the image again"
                                + " without scripts, or as PNG), or set markdownRawHtml: true in arshif.yml if the"
                                + " archive's authors may publish scripts"),
                e.errors().stream().map(Diagnostic::format).toList());
        assertFalse(Files.exists(tmp.resolve("out")), "a failed build writes no site");
    }

    @Test
    void aSiteThatLetsRawHtmlThroughPublishesThem() {
        Path root = Trees.copy(Trees.site("invalid").resolve("media-with-scripts"), tmp.resolve("site"));
        Trees.write(root.resolve("arshif.yml"), "markdownRawHtml: true\n");
        arshif(root).build();
        assertTrue(Files.exists(tmp.resolve("out/media/logo.svg")));
        assertTrue(Files.exists(tmp.resolve("out/en/2017/05/chart/chart.html")));
        assertTrue(Files.exists(tmp.resolve("out/media/map.svg")));
    }

    @Test
    void filesThatAreNotPublishedAreNamedOncePerFolderAndKind() {
        Path root = tmp.resolve("site");
        Trees.write(root.resolve("content/en/2017-05-01-a.md"), "# A\n\nText.\n");
        Trees.write(root.resolve("content/en/photo-1.jpg"), "x");
        Trees.write(root.resolve("content/en/photo-2.jpg"), "x");
        Trees.write(root.resolve("content/en/photo-3.JPG"), "x");
        Trees.write(root.resolve("content/en/old/about.html"), "<p>About</p>");
        Trees.write(root.resolve("content/en/README"), "notes");
        Trees.write(root.resolve("content/tags.yml"), "{}\n");
        Trees.write(root.resolve("content/media/ok.jpg"), "x");
        Trees.write(root.resolve("content/en/.hidden.jpg"), "x");
        BuildReport report = arshif(root).build();
        assertEquals(
                List.of(
                        "content/en/README: warning: not published: only a page bundle's files (beside its index.md or"
                                + " index.txt) and those under content/media/ are; move it beside the dispatch that shows"
                                + " it in a bundle, or under content/media/ (then link it as /media/<name>), or delete it",
                        "content/en/old/about.html: warning: not published: Arshif reads dispatches in Markdown (.md,"
                                + " .markdown) and plain text (.txt), not .html; convert it to Markdown, or move it into"
                                + " a page bundle or under content/media/ to publish it as a file",
                        "content/en/photo-1.jpg: warning: not published (nor are 2 more .jpg files in content/en/): only"
                                + " a page bundle's files (beside its index.md or index.txt) and those under"
                                + " content/media/ are; move it beside the dispatch that shows it in a bundle, or under"
                                + " content/media/ (then link it as /media/<name>), or delete it"),
                report.findings().stream()
                        .filter(d -> d.message().startsWith("not published"))
                        .map(Diagnostic::format)
                        .toList());
        assertTrue(Files.exists(tmp.resolve("out/media/ok.jpg")));
    }
}
