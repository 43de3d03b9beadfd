package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round four of messy inputs (w23-hostile), made here: characters that an editor shows as nothing. */
class RoundFourFindingsTest {
    @TempDir
    Path tmp;

    private final InvalidSitesTest invalid = new InvalidSitesTest();

    private List<String> errors(Path root) {
        invalid.tmp = tmp;
        return invalid.errors(root);
    }

    @Test
    void aFileOfOnlyNoBreakAndIdeographicSpacesIsEmptyButForSpaces() {
        Path root = tmp.resolve("spaces");
        Trees.write(root.resolve("content/ar/2017-05-22-a.txt"), " \n\t\n\u00A0\n\u3000\n");
        Trees.write(root.resolve("content/en/2017-05-22-b.md"), "\u00A0\u200B\uFEFF\n");
        // Before: "no title" and "the dispatch has a title but no paragraphs", for a file with neither.
        assertEquals(
                List.of(
                        "content/ar/2017-05-22-a.txt:1:1: error: the file is empty but for spaces; write a dispatch in"
                                + " it or delete it",
                        "content/en/2017-05-22-b.md:1:1: error: the file is empty but for spaces; write a dispatch in"
                                + " it or delete it"),
                errors(root));
    }
}
