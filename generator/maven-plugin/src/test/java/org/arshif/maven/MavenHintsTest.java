package org.arshif.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.arshif.cli.CliHints;
import org.arshif.cli.MavenWords;
import org.arshif.diag.Hints;
import org.arshif.testing.FrontEndHints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core's findings worded for Maven: goals and -D properties (the core's own wording: CheckTest). */
class MavenHintsTest {
    @TempDir
    Path dir;

    @Test
    void fixHintsNameThisFrontEndsCommandsAndFlags() {
        List<String> hints = FrontEndHints.ofBrokenArchive(MavenWords.INSTANCE, dir);
        assertEquals(
                List.of(
                        "no en translation; start one with: mvn arshif:new -Dtranslate=content/ar/2017-05-10-other.md",
                        "scheduled: dated 2030-01-01T00:00Z, so builds leave it out until then (-Darshif.future=true includes it)"),
                hints);
    }

    /** The site-size notice names the settings that make a site smaller as this front end sets them. */
    @Test
    void theSizeSettingsAreNamedAsThisFrontEndSetsThem() {
        assertEquals(
                List.of("-Darshif.compact=true", "-Darshif.uglyUrls=true"),
                List.of(
                        MavenWords.INSTANCE.option(Hints.Option.COMPACT, "true"),
                        MavenWords.INSTANCE.option(Hints.Option.UGLY_URLS, "true")));
    }

    /** hugoPaths has one name: the goal's property is arshif.yml's key under arshif. */
    @Test
    void hugoPathsPropertyIsTheConfigKey() {
        assertEquals("-Darshif.hugoPaths=true", MavenWords.INSTANCE.option(Hints.Option.HUGO_PATHS, "true"));
        assertTrue(Properties.FLAGS.contains(Properties.HUGO_PATHS), "checked as true or false");
    }

    /** The goal's forked and warm builds ask the CLI for Maven's words through the environment. */
    @Test
    void theForkedBuildWordsItsHintsAsThePluginDoes() {
        assertEquals(MavenWords.INSTANCE, MavenWords.forEnvironment(Map.of(MavenWords.VARIABLE, "maven")));
        assertEquals(CliHints.INSTANCE, MavenWords.forEnvironment(Map.of()));
    }
}
