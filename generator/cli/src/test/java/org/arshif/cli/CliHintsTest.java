package org.arshif.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.arshif.diag.Hints;
import org.arshif.testing.FrontEndHints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core's findings worded for the command line: commands and --options (the core's own wording: CheckTest). */
class CliHintsTest {
    @TempDir
    Path dir;

    @Test
    void fixHintsNameThisFrontEndsCommandsAndFlags() {
        List<String> hints = FrontEndHints.ofBrokenArchive(CliHints.INSTANCE, dir);
        assertEquals(
                List.of(
                        "no en translation; start one with: arshif new --translate content/ar/2017-05-10-other.md",
                        "scheduled: dated 2030-01-01T00:00Z, so builds leave it out until then (--future includes it)"),
                hints);
    }

    /** The site-size notice names the settings that make a site smaller as this front end sets them. */
    @Test
    void theSizeSettingsAreNamedAsThisFrontEndSetsThem() {
        assertEquals(
                List.of("--compact", "--ugly-urls"),
                List.of(
                        CliHints.INSTANCE.option(Hints.Option.COMPACT, "true"),
                        CliHints.INSTANCE.option(Hints.Option.UGLY_URLS, "true")));
    }

    /** hugoPaths has one name: the flag is made from arshif.yml's key, and the command line takes it. */
    @Test
    void hugoPathsFlagIsTheConfigKeyHyphenated() {
        assertEquals("--hugo-paths", CliHints.INSTANCE.option(Hints.Option.HUGO_PATHS, "true"));
        assertEquals("--ugly-urls", CliHints.flagOf("uglyUrls"));
        assertEquals(Main.HUGO_PATHS, CliHints.flagOf(org.arshif.config.SiteConfig.HUGO_PATHS));
        assertTrue(Main.FLAGS.contains(Main.HUGO_PATHS));
    }
}
