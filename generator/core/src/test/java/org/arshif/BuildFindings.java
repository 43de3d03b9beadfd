package org.arshif;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;

/** The findings of a build that must fail: the site at {@code root}, built at {@link HugoContentTest#CLOCK}. */
final class BuildFindings {
    private BuildFindings() {}

    /** Builds {@code root} into {@code out}, asserts that the build is refused, and returns its findings, formatted. */
    static List<String> ofFailed(Path root, Path out) {
        ContentException e = assertThrows(
                ContentException.class,
                () -> Arshif.builder()
                        .siteRoot(root)
                        .output(out)
                        .clock(HugoContentTest.CLOCK)
                        .build()
                        .build());
        return e.diagnostics().stream().map(Diagnostic::format).toList();
    }
}
