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

    private List<String> errors(Path root) {
        return SiteBuilds.errors(root, tmp.resolve("out"));
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

    @Test
    void aDateOutOfRangeSaysWhichPartIs() {
        Path root = tmp.resolve("dates");
        List<String> dates = List.of(
                "10000-01-01", "\"-0044-03-15\"", "2017-05-01T25:00:00Z", "\"2017-5-1\"", "2017-05-01T10:00:00+25:00");
        for (int i = 0; i < dates.size(); i++) {
            Trees.write(
                    root.resolve("content/en/d" + i + ".md"),
                    "---\ntitle: D" + i + "\ndate: " + dates.get(i) + "\n---\n\nText.\n");
        }
        List<String> why = errors(root).stream()
                .map(e -> e.substring(e.indexOf("is not a valid date (") + 21, e.indexOf("); write it as")))
                .toList();
        assertEquals(
                List.of(
                        "the year 10000 has more than four digits; Arshif reads the years 1 to 9999",
                        "a year before year 1; Arshif reads the years 1 to 9999",
                        "the time of day is out of range: hours 00 to 23, minutes and seconds 00 to 59",
                        "the year needs four digits, the month and day two each, as 2017-05-01",
                        "the offset from UTC is out of range: at most 18 hours either way, as +03:00"),
                why);
    }

    @Test
    void aTagWithNoLettersAndAWireCutShortSayHowToFixThem() {
        Path root = tmp.resolve("fixes");
        Trees.write(root.resolve("content/ar/2017-05-01-q.md"), "---\ntitle: سؤال\ntags: [\"؟؟\"]\n---\n\nنص.\n");
        Trees.write(root.resolve("content/ar/2017-05-02-cut.txt"), "عنوان الخبر وحده\n");
        assertEquals(
                List.of(
                        "content/ar/2017-05-01-q.md:3:1: error: tag '؟؟' has no letters or digits to make a URL from;"
                                + " write the tag in words, or give it a key in content/tags.yml (a key such as"
                                + " 'questions:' with 'ar: \"؟؟\"')",
                        "content/ar/2017-05-02-cut.txt:1:1: error: the dispatch has a title but no paragraphs (a file"
                                + " cut short?); add its text below the title, or remove the file"),
                errors(root));
    }
}
