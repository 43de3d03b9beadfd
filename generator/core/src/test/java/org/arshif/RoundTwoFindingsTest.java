package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messy inputs whose finding must say what is really wrong, made here rather than committed: names whose bytes
 * differ where they look alike would not survive every checkout.
 */
class RoundTwoFindingsTest {
    @TempDir
    Path tmp;

    private final InvalidSitesTest invalid = new InvalidSitesTest();

    private List<String> errors(Path root) {
        invalid.tmp = tmp;
        return invalid.errors(root);
    }

    @Test
    void namesThatDifferOnlyInUnicodeNormalizationAreNamedSo() {
        Path root = tmp.resolve("site");
        for (Normalizer.Form form : List.of(Normalizer.Form.NFC, Normalizer.Form.NFD)) {
            Trees.write(
                    root.resolve("content/en/" + Normalizer.normalize("2017-05-01-café.md", form)),
                    "---\ntitle: " + form + "\n---\n\nText.\n");
        }
        List<String> errors = errors(root);
        assertEquals(1, errors.size(), errors::toString);
        InvalidSitesTest.assertError(
                "content/en/2017-05-01-caf",
                errors.get(0),
                "both claim the translation path",
                "their names look the same but differ in Unicode normalization (one composed, NFC, the other"
                        + " decomposed, NFD",
                "--nfc");
    }
}
