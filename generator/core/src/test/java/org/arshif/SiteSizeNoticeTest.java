package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.arshif.config.SiteConfig;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Hints;
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
        BuildReport report = SiteBuilds.at(root, tmp.resolve("out")).build();
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
                        .matches("the site is 1 MB in \\d+ files, about 1 MB as published \\(a tar\\), [\\d,]+ bytes"
                                + " per dispatch, over siteSizeLimit, 1 MB\\. To make it smaller: compact=true \\(compact:"
                                + " true in arshif\\.yml\\) leaves out .*set siteSizeLimit to its limit in MB \\(0: no"
                                + " notice\\) in arshif\\.yml"),
                found.get(0).message());
    }

    @Test
    void underTheLimitOrWithTheNoticeOffThereIsNone() {
        assertEquals(List.of(), build("languages: [en]\ndefaultLanguage: en\n"));
        assertEquals(List.of(), build("languages: [en]\ndefaultLanguage: en\nsiteSizeLimit: 0\n"));
    }

    /** GitHub Pages counts the tar of the site: the files' bytes and about 1,290 bytes more per file. */
    @Test
    void theDefaultLimitIsGitHubPagesOneGigabyteCountedAsTheTarItPublishes() {
        long mb = 1024L * 1024;
        assertNull(notice(600 * mb, 200_000, false), "846 MB as a tar: under 90% of 1 GB");
        assertTrue(notice(700 * mb, 200_000, false)
                .startsWith("the site is 700 MB in 200,000 files, about 946 MB"
                        + " as published (a tar), 9,920 bytes per dispatch, near siteSizeLimit, 1,024 MB (GitHub Pages"
                        + " publishes at most 1 GB). To make it smaller: compact=true"));
        // The 100,000-dispatch bench archive, measured: 1,752,067,456 bytes in 182,265 files, a tar of 1,986,600,960.
        assertTrue(notice(1_752_067_456L, 182_265, false)
                .startsWith("the site is 1,670 MB in 182,265 files, about"
                        + " 1,895 MB as published (a tar), 19,871 bytes per dispatch, over siteSizeLimit"));
        assertTrue(notice(1_752_067_456L, 182_265, false).contains("; with it, uglyUrls=true (uglyUrls: true in"));
        assertTrue(notice(1_752_067_456L, 182_265, true)
                .contains("The site is compact already; to make it smaller still: uglyUrls=true (uglyUrls: true in"
                        + " arshif.yml) writes each article as one file"));
        SiteConfig both = SiteConfig.defaults().withCompact(true).withUglyUrls(true);
        String last = SiteSizeNotice.of(1_752_067_456L, 182_265, 100_000, both, Hints.NEUTRAL)
                .map(Diagnostic::message)
                .orElseThrow();
        assertTrue(last.contains("its articles files already: publish to a host without that limit"), last);
        assertFalse(last.contains("uglyUrls=true"), last);
        long estimate = 1_752_067_456L + 182_265 * SiteSizeNotice.TAR_BYTES_PER_FILE;
        assertTrue(Math.abs(estimate - 1_986_600_960L) < 1_986_600_960L / 1000, "within 0.1% of the tar: " + estimate);
    }

    private static String notice(long bytes, long files, boolean compact) {
        return SiteSizeNotice.of(bytes, files, 100_000, SiteConfig.defaults().withCompact(compact), Hints.NEUTRAL)
                .map(Diagnostic::message)
                .orElse(null);
    }
}
