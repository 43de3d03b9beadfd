package org.arshif.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A cap names the first findings of a kind and counts the rest, and every total counts what the cap counted. */
class FindingCapTest {

    private static List<Diagnostic> capped(int findings) {
        Diagnostics d = new Diagnostics();
        try (FindingCap cap = new FindingCap(d, "content/tags.yml", Severity.ERROR, "bad tags", "fix each tag")) {
            for (int i = 1; i <= findings; i++) {
                cap.add(i, 3, "bad tag " + i);
            }
        }
        return d.sorted();
    }

    @Test
    void theRestAreOneFindingThatStandsForAllOfThem() {
        List<Diagnostic> found = capped(250);
        assertEquals(FindingCap.NAMED + 1, found.size());
        Diagnostic count = found.get(FindingCap.NAMED);
        assertEquals(
                "content/tags.yml:101:3: error: 150 more bad tags from here to line 250, besides the 100 named above"
                        + " (only the first 100 of a kind are named one by one); fix each tag",
                count.format());
        assertEquals(150, FindingCap.standsFor(count));
        assertEquals(1, FindingCap.standsFor(found.get(0)));
        assertEquals(250, FindingCap.count(found, Diagnostic::isError));
    }

    @Test
    void aHundredAreNamedAndNoneCounted() {
        List<Diagnostic> found = capped(100);
        assertEquals(100, found.size());
        assertEquals(100, FindingCap.count(found, Diagnostic::isError));
    }

    @Test
    void aMessageThatOnlyLooksLikeACountIsOneFinding() {
        Diagnostic d = Diagnostic.warning("content/a.md", 1, 1, "3 more photos than the gallery shows; remove some");
        assertEquals(1, FindingCap.standsFor(d));
    }

    @Test
    void theDigestAndTheSummaryCountWhatTheCapCounted() {
        List<Diagnostic> found = capped(5_000);
        assertEquals(
                "Findings: 5000 of 2 kinds (5000 errors, 0 warnings), the most frequent first:",
                FindingDigest.lines(found).get(0));
        assertEquals(
                "5000 errors in the archive:",
                new ContentException(found).getMessage().lines().findFirst().orElseThrow());
    }
}
