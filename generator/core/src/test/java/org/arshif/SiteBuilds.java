package org.arshif;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;

/**
 * A site a test wrote or copied, built at the fixtures' clock ({@link InvalidSitesTest#CLOCK}), and its findings as
 * the CLI prints them: the set-up the round tests each wrote again.
 */
final class SiteBuilds {
    private SiteBuilds() {}

    /** The site at {@code root}, built into {@code out}, at the fixtures' clock. */
    static Arshif at(Path root, Path out) {
        return Arshif.builder()
                .siteRoot(root)
                .output(out)
                .clock(InvalidSitesTest.CLOCK)
                .build();
    }

    /** Builds, expects failure, and returns the formatted errors, in the order they are reported. */
    static List<String> errors(Path root, Path out) {
        ContentException e =
                assertThrows(ContentException.class, () -> at(root, out).build());
        List<String> lines = e.errors().stream().map(Diagnostic::format).toList();
        assertTrue(e.getMessage().contains(lines.get(0)), "the exception message lists the errors");
        assertFalse(Files.exists(out), "a failed build writes no site");
        return lines;
    }

    /** Every finding of a build, a failed one's errors included. */
    static List<String> findings(Path root, Path out) {
        try {
            return at(root, out).build().findings().stream()
                    .map(Diagnostic::format)
                    .toList();
        } catch (ContentException e) {
            return e.diagnostics().stream().map(Diagnostic::format).toList();
        }
    }

    /** The findings, formatted as printed, that mention {@code about}. */
    static List<String> said(List<Diagnostic> findings, String about) {
        return findings.stream()
                .map(Diagnostic::format)
                .filter(f -> f.contains(about))
                .toList();
    }
}
