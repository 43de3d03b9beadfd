package org.arshif;

import java.nio.file.Path;
import java.util.List;
import org.arshif.diag.Diagnostic;

/** What the hostile-input rounds' whole-site tests share: a site built at the tests' fixed clock, and its findings. */
final class RoundSites {
    private RoundSites() {}

    /** The site at {@code root}, written to {@code output}, at the clock every invalid-site test uses. */
    static Arshif site(Path root, Path output) {
        return Arshif.builder()
                .siteRoot(root)
                .output(output)
                .clock(InvalidSitesTest.CLOCK)
                .build();
    }

    /** The findings, formatted as printed, that mention {@code about}. */
    static List<String> said(List<Diagnostic> findings, String about) {
        return findings.stream()
                .map(Diagnostic::format)
                .filter(f -> f.contains(about))
                .toList();
    }
}
