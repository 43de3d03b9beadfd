package org.arshif.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.arshif.config.SiteConfig;
import org.arshif.content.AgencyText;
import org.arshif.content.Dispatch;
import org.arshif.content.MarkdownText;
import org.arshif.internal.SourceText;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz targets for one dispatch file, read through {@code DispatchReader} as a build reads it: the front-matter
 * and its YAML, the agency's plain text, and Markdown to HTML. Under {@code mvn test} each replays its inputs in
 * {@code src/test/resources/org/arshif/fuzz/DispatchFuzzTestInputs/<method>/}; {@code generator/fuzz.sh} fuzzes one.
 */
// Per input: a hang is a finding. 60 s, not 10: a first input took over 10 s on a host at load 17.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DispatchFuzzTest {
    private static final SiteConfig CONFIG = SiteConfig.defaults();
    private static final String BODY = "\nThe presidents discussed the situation in Syria by telephone.\n";

    /** The input is the front-matter between the {@code ---} lines of a Markdown dispatch. */
    @FuzzTest(maxDuration = "10m")
    void frontMatter(byte[] yaml) {
        byte[] file = FuzzChecks.concat("---\n", yaml, "\n---\n" + BODY);
        FuzzChecks.read(
                FuzzChecks.reader(CONFIG, FuzzChecks.noVocabulary()), CONFIG, "content/en/2017-05-23-call.md", file);
    }

    /** The input is a whole {@code .txt} dispatch: the agency's form, or front-matter and plain text. */
    @FuzzTest(maxDuration = "10m")
    void agencyText(byte[] file) {
        String path = "content/ar/2017-05-23-call.txt";
        Optional<Dispatch> read = FuzzChecks.read(
                FuzzChecks.reader(CONFIG, FuzzChecks.noVocabulary()).packingBodies(true), CONFIG, path, file);
        // The plain text is plain: whatever the body holds, its HTML is paragraphs of escaped text.
        read.ifPresent(d -> assertEquals(
                AgencyText.toHtml(java.util.Arrays.asList(d.body().plainText().split("\n\n", -1)))
                        .strip(),
                d.body().html().strip()));
    }

    /** The input is a whole {@code .md} dispatch; its body goes from Markdown to HTML. */
    @FuzzTest(maxDuration = "10m")
    void markdown(byte[] file) {
        FuzzChecks.read(
                FuzzChecks.reader(CONFIG, FuzzChecks.noVocabulary()), CONFIG, "content/en/2017-05-23-call.md", file);
        // Raw HTML is escaped unless the site lets it through: no tag of the input reaches the page.
        String html = new MarkdownText(false)
                .convert(SourceText.clean(new String(file, java.nio.charset.StandardCharsets.UTF_8)), true)
                .html()
                .toLowerCase(java.util.Locale.ROOT);
        for (String tag :
                new String[] {"<script", "<iframe", "<svg", "<style", "href=\"javascript:", "src=\"javascript:"}) {
            if (html.contains(tag)) {
                throw new AssertionError("raw HTML reached the page with markdownRawHtml off: " + tag);
            }
        }
    }
}
