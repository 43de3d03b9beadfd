package org.arshif.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.arshif.Arshif;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Hints;

/**
 * The fix hints a front end words (CliHintsTest, MavenHintsTest; the core's own, CheckTest): the same check of the
 * same broken archive, each with its own {@link Hints}, so that only the expected words differ between the tests.
 */
public final class FrontEndHints {
    /** After the broken archive's dispatch dated 2030: it is scheduled, not published. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private FrontEndHints() {}

    /**
     * Checks a copy of {@code fixtures/broken-archive} under {@code dir} worded by {@code hints}, and returns the two
     * findings whose fix names a command or an option: the missing translation's, and the scheduled dispatch's.
     */
    public static List<String> ofBrokenArchive(Hints hints, Path dir) {
        Path site = Trees.copy(Trees.testResource("fixtures/broken-archive"), dir.resolve("site-root"));
        return Arshif.builder().hints(hints).siteRoot(site).clock(CLOCK).build().check().findings().stream()
                .filter(d -> d.path().equals("content/ar/2017-05-10-other.md")
                        || d.message().startsWith("scheduled"))
                .map(Diagnostic::message)
                .filter(m -> m.startsWith("no en") || m.startsWith("scheduled"))
                .toList();
    }
}
