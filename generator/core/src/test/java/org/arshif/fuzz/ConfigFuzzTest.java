package org.arshif.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.arshif.config.ConfigLoader;
import org.arshif.config.SiteConfig;
import org.arshif.content.Slugs;
import org.arshif.content.TagVocabulary;
import org.arshif.diag.Diagnostics;
import org.arshif.search.analysis.TextAnalyzer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzz targets for the site's own YAML files, {@code arshif.yml} and {@code content/tags.yml}: each input is
 * written as the file in a site folder, loaded as a build loads it, and then used as a build uses it, to read
 * two sample dispatches. Inputs: {@code src/test/resources/org/arshif/fuzz/ConfigFuzzTestInputs/<method>/}.
 */
// Per input: a hang is a finding. 60 s, not 10: a first input took over 10 s on a host at load 17.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConfigFuzzTest {
    private static final byte[] AGENCY = ("قمة في سوتشي\n\nموسكو-سانا\n\nبحث الرئيس الروسي الوضع في سورية وأستانا.\n\n"
                    + "تابعوا آخر الأخبار عبر تطبيق تيلغرام\n")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] MARKDOWN =
            ("---\ntitle: Talks in Sochi\ndate: 2017-05-23T10:00:00\ntags: [Syria, Astana]"
                            + "\n---\nThe presidents discussed **Syria** and the Astana talks.\n")
                    .getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path site;

    @FuzzTest(maxDuration = "10m")
    void config(byte[] yml) {
        FuzzChecks.write(site.resolve(ConfigLoader.FILE_NAME), yml);
        Diagnostics diagnostics = new Diagnostics();
        SiteConfig config = ConfigLoader.load(site, diagnostics);
        FuzzChecks.findingsAbout(diagnostics.sorted(), ConfigLoader.FILE_NAME, yml);

        assertFalse(config.languages().isEmpty(), "no languages");
        assertTrue(
                config.languages().contains(config.defaultLanguage()),
                () -> "default language " + config.defaultLanguage() + " is not among " + config.languages());
        assertTrue(config.pageSize() >= 1, "page size below 1");
        assertTrue(config.baseUrl().isEmpty() || config.baseUrl().endsWith("/"), config::baseUrl);
        config.basePath(); // used for every link; must not throw for a baseUrl the loader accepted
        config.origin();
        for (String lang : config.languages()) {
            FuzzChecks.nfc("site title", config.title(lang));
        }
        readSamples(config, FuzzChecks.noVocabulary());
    }

    @FuzzTest(maxDuration = "10m")
    void vocabulary(byte[] yml) {
        FuzzChecks.write(site.resolve(TagVocabulary.FILE), yml);
        Diagnostics diagnostics = new Diagnostics();
        TagVocabulary vocabulary = TagVocabulary.load(site, TextAnalyzer.standard()::terms, diagnostics);
        FuzzChecks.findingsAbout(diagnostics.sorted(), TagVocabulary.FILE, yml);
        for (String key : vocabulary.keys()) {
            assertEquals(key, Slugs.tagKey(key), "a tag key that is not a clean slug");
            assertEquals(key, vocabulary.resolve(key), "a tag key that resolves to another tag");
        }
        readSamples(SiteConfig.defaults(), vocabulary);
    }

    private static void readSamples(SiteConfig config, TagVocabulary vocabulary) {
        var reader = FuzzChecks.reader(config, vocabulary);
        String lang = config.languages().get(0);
        FuzzChecks.read(reader, config, "content/" + lang + "/2017-05-23-sochi.txt", AGENCY);
        FuzzChecks.read(reader, config, "content/" + lang + "/2017-05-23-sochi.md", MARKDOWN);
    }
}
