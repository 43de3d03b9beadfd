package org.arshif.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A long list of findings ends with how many of each kind there are, the most frequent first. */
class FindingDigestTest {
    private static List<Diagnostic> findings(int unknownTags, int noFooter, int errors) {
        List<Diagnostic> out = new ArrayList<>();
        for (int i = unknownTags; i > 0; i--) {
            out.add(Diagnostic.warning(
                    "content/ar/t" + i + ".md",
                    4,
                    7,
                    "tag 'tag" + i
                            + "' is not in the vocabulary content/tags.yml; add it there, or use a tag that is"));
        }
        for (int i = 0; i < noFooter; i++) {
            out.add(Diagnostic.warning("content/en/f" + i + ".txt", 12 + i, 1, "no agency footer was recognised"));
        }
        for (int i = 0; i < errors; i++) {
            out.add(Diagnostic.error(
                    "content/en/d" + i + ".md",
                    3,
                    7,
                    "'date' \"2024-02-3" + i + "\" is not a valid date; write it as YYYY-MM-DD"));
        }
        return out;
    }

    @Test
    void kindsAreCountedMostFrequentFirstWithTheFirstFileOfEach() {
        assertEquals(
                List.of(
                        "Findings: 25 of 3 kinds (2 errors, 23 warnings), the most frequent first:",
                        "  20 warnings: tag '…' is not in the vocabulary content/tags.yml (first: content/ar/t1.md:4:7)",
                        "  3 warnings: no agency footer was recognised (first: content/en/f0.txt:12:1)",
                        "  2 errors: '…' '…' is not a valid date (first: content/en/d0.md:3:7)"),
                FindingDigest.lines(findings(20, 3, 2)));
    }

    @Test
    void fewFindingsOrManyOfOneKindHaveNoDigest() {
        assertEquals(List.of(), FindingDigest.lines(findings(10, 5, 4)), "19 findings are read one by one");
        assertEquals(List.of(), FindingDigest.lines(findings(39, 0, 0)), "one kind: the lines say it all");
        assertEquals(2, FindingDigest.lines(findings(40, 0, 0)).size(), "but 40 of it are counted");
    }

    @Test
    void kindsBeyondTheEighthAreCountedTogether() {
        List<Diagnostic> many = new ArrayList<>();
        for (int kind = 0; kind < 10; kind++) {
            for (int i = 0; i <= kind; i++) {
                many.add(Diagnostic.warning(
                        "content/x" + kind + ".md", i + 1, 1, "problem " + "abcdefghij".charAt(kind)));
            }
        }
        List<String> lines = FindingDigest.lines(many);
        assertEquals(10, lines.size());
        assertEquals("  10 warnings: problem j (first: content/x9.md:1:1)", lines.get(1));
        assertEquals("  and 3 more of 2 other kinds, listed above", lines.get(9));
    }
}
