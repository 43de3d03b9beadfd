package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.arshif.diag.Diagnostic;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site over its host's size limit is told so by the build, with what makes it smaller. */
class SiteSizeNoticeTest {
    @TempDir
    Path tmp;

    /** Builds a site of one long dispatch (its page and feed over 1 MB) and returns the size notices. */
    private List<Diagnostic> build(String config) {
        Path root = tmp.resolve("site");
        Trees.write(root.resolve("arshif.yml"), config);
        Trees.write(
                root.resolve("content/en/2017-01-10-long.md"),
                "---\ntitle: Long\n---\n\n" + "A paragraph of the long report, repeated.\n\n".repeat(14_000));
        BuildReport report = Arshif.builder()
                .siteRoot(root)
                .output(tmp.resolve("out"))
                .clock(InvalidSitesTest.CLOCK)
                .build()
                .build();
        assertTrue(report.bytesWritten() > 1024 * 1024, "the test site is over 1 MB: " + report.bytesWritten());
        return report.findings().stream()
                .filter(f -> f.message().contains("siteSizeLimit"))
                .toList();
    }

    @Test
    void aSiteOverTheLimitGetsOneNoticeAtTheConfiguration() {
        List<Diagnostic> found = build("languages: [en]\ndefaultLanguage: en\nsiteSizeLimit: 1\n");
        assertEquals(1, found.size(), found::toString);
        assertEquals("arshif.yml:1:1: notice", found.get(0).format().substring(0, "arshif.yml:1:1: notice".length()));
        assertTrue(
                found.get(0)
                        .message()
                        .matches("the site is 1 MB in \\d+ files, [\\d,]+ bytes per dispatch, over"
                                + " siteSizeLimit, 1 MB\\. To make it smaller: relatedCount: 0 .*set siteSizeLimit to its"
                                + " limit in MB \\(0: no notice\\) in arshif\\.yml"),
                found.get(0).message());
    }

    @Test
    void underTheLimitOrWithTheNoticeOffThereIsNone() {
        assertEquals(List.of(), build("languages: [en]\ndefaultLanguage: en\n"));
        assertEquals(List.of(), build("languages: [en]\ndefaultLanguage: en\nsiteSizeLimit: 0\n"));
    }

    @Test
    void theDefaultLimitIsGitHubPagesOneGigabyte() {
        long gb = 1024L * 1024 * 1024;
        assertEquals(Optional.empty(), SiteSizeNotice.of(gb, 200_000, 100_000, 1024));
        assertEquals(
                "the site is 1,791 MB in 236,218 files, 18,779 bytes per dispatch, over siteSizeLimit, 1,024 MB (GitHub"
                        + " Pages publishes at most 1 GB).",
                SiteSizeNotice.of(1791L * 1024 * 1024 + 5, 236_218, 100_000, 1024)
                        .orElseThrow()
                        .message()
                        .split(" To make")[0]);
    }
}
