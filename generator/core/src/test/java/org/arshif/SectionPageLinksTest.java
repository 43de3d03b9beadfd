package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A section page's text stands above its section's list, so its links are checked as a dispatch's are (they were
 * published unchecked): a link to no page, one that leaves the site's path, an image that is not there; from the
 * list's URL for a relative one. A fine link is fine.
 */
class SectionPageLinksTest {
    @TempDir
    Path dir;

    @Test
    void aSectionPagesBrokenLinksAreErrorsAtTheirLineAndColumn() {
        Path root = dir.resolve("site");
        Trees.write(root.resolve("arshif.yml"), "baseUrl: https://x.example/news/\nlanguages: [en]\n");
        Trees.write(root.resolve("content/en/economy/2024-02-01-oil.md"), "---\ntitle: Oil\n---\n\nOil text.\n");
        Trees.write(
                root.resolve("content/en/economy/_index.md"),
                "---\ntitle: Economy\n---\n\nSee [oil](2024/02/oil/), [old](/en/missing/) and"
                        + " [gone](/news/en/economy/2023/01/gone/).\n\n![A chart](chart.png)\n");
        List<String> findings = BuildFindings.ofFailed(root, dir.resolve("out"));
        assertEquals(
                List.of(
                        "content/en/economy/_index.md:5:26: error: link '/en/missing/' leaves the site, which is"
                                + " published under /news/; write /news/en/missing/ or a relative link",
                        "content/en/economy/_index.md:5:50: error: link '/news/en/economy/2023/01/gone/' points to no"
                                + " page of the site",
                        "content/en/economy/_index.md:7:1: error: image 'chart.png' points to no file of the site"
                                + " (/news/en/economy/chart.png); put the photo under content/media/ and write"
                                + " /media/<name> (a section page's photos are not published from its folder)"),
                findings.stream()
                        .map(f -> f.replaceFirst(" \\(/news/en/economy/2023.*", ""))
                        .toList());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aSectionPagesTextThatLosesAControlCharacterOrIsNotUtf8IsNamed() throws java.io.IOException {
        Path root = dir.resolve("site");
        Trees.write(root.resolve("arshif.yml"), "baseUrl: https://x.example/\nlanguages: [ar]\n");
        Trees.write(root.resolve("content/ar/economy/2024-02-01-oil.md"), "---\ntitle: نفط\n---\n\nنص.\n");
        Trees.write(root.resolve("content/ar/economy/_index.md"), "---\ntitle: اقتصاد\n---\n\nنص \u0001القسم.\n");
        BuildReport report = Arshif.builder()
                .siteRoot(root)
                .output(dir.resolve("out"))
                .clock(HugoContentTest.CLOCK)
                .build()
                .build();
        // Published without the character and without a word before.
        assertEquals(
                List.of("content/ar/economy/_index.md:5:4: warning: control character U+0001 (START OF HEADING)"
                        + " removed, with any others in this file: it cannot appear in HTML or XML; delete it from the"
                        + " file"),
                report.findings().stream()
                        .map(org.arshif.diag.Diagnostic::format)
                        .toList());
        Files.write(
                root.resolve("content/ar/economy/_index.md"),
                "---\ntitle: اقتصاد\n---\n\nنص القسم.\n".getBytes(java.nio.charset.Charset.forName("windows-1256")));
        List<String> findings = BuildFindings.ofFailed(root, dir.resolve("out2"));
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(
                true,
                findings.get(0).startsWith("content/ar/economy/_index.md:2:8: error: the file is not valid UTF-8"));
    }
}
