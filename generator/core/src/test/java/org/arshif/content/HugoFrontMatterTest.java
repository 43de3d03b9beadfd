package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.junit.jupiter.api.Test;

/** TOML and JSON front-matter read like YAML, each mistake at its line and column in the file. */
class HugoFrontMatterTest {
    private static List<String> findings(String path, String text) {
        Diagnostics d = new Diagnostics();
        Readers.reader().read(path, text.getBytes(StandardCharsets.UTF_8), d);
        return d.sorted().stream().map(Diagnostic::format).toList();
    }

    @Test
    void tomlValuesMapToTheSameFieldsAsYaml() {
        Dispatch d = Readers.read(
                "content/en/a.md",
                "+++\ntitle = 'Fair'\ndate = 2017-05-01T10:00:00+03:00\n"
                        + "tags = ['economy']\ndraft = false\nrating = 5\n[params]\nsubtitle = 'x'\n+++\n\nText of the fair.\n");
        assertEquals("Fair", d.title());
        assertEquals(OffsetDateTime.parse("2017-05-01T10:00+03:00"), d.date());
        assertEquals(List.of("economy"), d.tags());
        assertEquals(Map.of("rating", 5L, "params", Map.of("subtitle", "x")), d.params());
        assertEquals(new Dispatch.Position(3, 1), d.position("date"));
    }

    @Test
    void jsonValuesMapToTheSameFieldsAsYaml() {
        Dispatch d = Readers.read(
                "content/en/a.md",
                "{\n  \"title\": \"Fair\",\n  \"date\": \"2017-05-01\",\n"
                        + "  \"tags\": [\"economy\"]\n}\n\nText of the fair.\n");
        assertEquals("Fair", d.title());
        assertEquals(OffsetDateTime.parse("2017-05-01T00:00Z"), d.date());
        assertEquals(List.of("economy"), d.tags());
        assertEquals(new Dispatch.Position(3, 3), d.position("date"));
        assertEquals("<p>Text of the fair.</p>\n", d.bodyHtml());
    }

    @Test
    void malformedTomlIsReportedAtItsLineAndColumn() {
        // The list is still open at the closing +++.
        assertEquals(
                List.of("content/en/a.md:5:1: error: malformed TOML: Unexpected end of input, expected ] or a"
                        + " newline; write keys as key = \"text\", and dates as 2017-05-01"),
                findings("content/en/a.md", "+++\ntitle = 'Fair'\ndate = 2017-05-01\ntags = ['a', \n+++\n\nText.\n"));
    }

    @Test
    void malformedJsonIsReportedAtItsLineAndColumn() {
        assertEquals(
                List.of("content/en/a.md:3:3: error: malformed JSON: Unexpected character ('\"' (code 34)): was"
                        + " expecting comma to separate Object entries; keys and text are in double quotes, with commas"
                        + " between entries"),
                findings("content/en/a.md", "{\n  \"title\": \"Fair\"\n  \"date\": \"2017-05-01\"\n}\n\nText.\n"));
    }

    @Test
    void anUnclosedJsonObject() {
        // The object runs on into the text, where the next key was expected.
        assertEquals(
                List.of("content/en/a.md:4:1: error: malformed JSON: Unexpected character ('T' (code 84)): was"
                        + " expecting double-quote to start field name; keys and text are in double quotes, with commas"
                        + " between entries"),
                findings("content/en/a.md", "{\n  \"title\": \"Fair\",\n\nText.\n"));
    }

    @Test
    void anUnclosedTomlBlock() {
        assertEquals(
                List.of("content/en/a.md:1:1: error: front-matter opened with '+++' on line 1 is never closed;"
                        + " add a line with '+++' after it"),
                findings("content/en/a.md", "+++\ntitle = 'Fair'\n\nText.\n"));
    }

    @Test
    void aTomlValueOfTheWrongTypeIsAtItsKey() {
        assertEquals(
                List.of("content/en/a.md:4:1: error: 'draft' must be true or false, but it is \"maybe\""),
                findings("content/en/a.md", "+++\ntitle = 'Fair'\ndate = 2017-05-01\ndraft = 'maybe'\n+++\n\nText.\n"));
    }

    @Test
    void hugoKeysAreCheckedAtTheirKeys() {
        assertEquals(
                List.of(
                        "content/en/a.md:4:1: error: url 'https://example.org/x' is a full URL; a url is a path on this site,"
                                + " like /old/path/",
                        "content/en/a.md:5:11: error: an item of 'authors' is empty; write a name in it or remove it",
                        "content/en/a.md:6:13: error: 'expiryDate' \"soon\" is not a valid date (not a form of date"
                                + " Arshif reads); write it as YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS+03:00 with a time"
                                + " (a written date such as 26 شوال 1436 هـ or 4 May 2017 is read too)"),
                findings(
                        "content/en/a.md",
                        "---\ntitle: Fair\ndate: 2017-05-01\nurl: https://example.org/x\nauthors: [\"\", Jane]\n"
                                + "expiryDate: soon\n---\n\nText.\n"));
    }

    @Test
    void deepNestingIsAFindingNotACrash() {
        String toml = "+++\ntitle = 'x'\na = " + "[".repeat(100_000) + "\n+++\n\nText.\n";
        assertEquals(
                List.of("content/en/a.md:3:69: error: the TOML is nested more than 64 levels deep; flatten it"),
                findings("content/en/a.md", toml));
        String json = "{\"title\": \"x\", \"a\": " + "[".repeat(100_000) + "\n\nText.\n";
        assertEquals(
                List.of("content/en/b.md:1:84: error: the JSON is nested more than 64 levels deep; flatten it"),
                findings("content/en/b.md", json));
        String tomlTables = "+++\ntitle = 'x'\na = " + "{b = ".repeat(70) + "1" + "}".repeat(70) + "\n+++\n\nText.\n";
        assertEquals(
                List.of("content/en/c.md:3:325: error: the TOML is nested more than 64 levels deep; flatten it"),
                findings("content/en/c.md", tomlTables));
        String dotted = "+++\ntitle = 'x'\n" + "k.".repeat(70) + "k = 1\n+++\n\nText.\n";
        assertEquals(
                List.of("content/en/d.md:3:1: error: the TOML is nested more than 64 levels deep; flatten it"),
                findings("content/en/d.md", dotted));
    }
}
