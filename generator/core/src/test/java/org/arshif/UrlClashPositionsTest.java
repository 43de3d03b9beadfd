package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A URL clash is reported at the key that makes the URL (the slug, the aliases), not at the file's first line. */
class UrlClashPositionsTest {
    @TempDir
    Path dir;

    @Test
    void clashesAreAtTheSlugOrAliasesThatMakeThem() {
        Path root = dir.resolve("site");
        Trees.write(root.resolve("arshif.yml"), "languages: [en]\n");
        Trees.write(
                root.resolve("content/en/a.md"),
                "---\ntitle: A\ndate: 2024-03-02\naliases: [/old/, /en/search/]\n---\n\nText.\n");
        Trees.write(root.resolve("content/en/x.md"), "---\ntitle: X\nslug: same\ndate: 2024-03-01\n---\n\nText.\n");
        Trees.write(root.resolve("content/en/y.md"), "---\ntitle: Y\ndate: 2024-03-01\nslug: same\n---\n\nText.\n");
        Trees.write(root.resolve("content/en/z.md"), "---\ntitle: Z\ndate: 2024-03-01\nslug: Café\n---\n\nText.\n");
        Trees.write(root.resolve("content/en/w.md"), "---\ntitle: W\ndate: 2024-03-01\nslug: café\n---\n\nText.\n");
        List<String> findings = BuildFindings.ofFailed(root, dir.resolve("out"));
        assertEquals(
                List.of(
                        "content/en/a.md:4:1: error: this dispatch's URL or alias collides with /en/search/",
                        "content/en/y.md:4:1: error: two dispatches have the same URL /en/2024/03/same/",
                        "content/en/z.md:4:1: warning: the site's files en/2024/03/café/index.html"),
                findings.stream()
                        .filter(f -> !f.contains("has capitals")) // round nine: Hugo's lowercasing, named apart
                        .map(f -> f.replaceFirst("(/en/search/|/same/|café/index.html)[:, ].*", "$1"))
                        .toList());
    }
}
