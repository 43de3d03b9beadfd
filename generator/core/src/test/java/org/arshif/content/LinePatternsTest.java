package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Pattern;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.arshif.config.SiteConfig;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;

/** The first-character shortcut of footer and teaser patterns answers exactly as RE2/J does without it. */
class LinePatternsTest {
    private static final List<String> TRICKY = List.of(
            "^a?b",
            "^(x|y)?z",
            "^(?i:kelvin)",
            "^(?i:see|also)",
            "^(?P<w>تم|انتهى)\\b",
            "^ab|cd",
            "^[ab]c",
            "^(?i)follow",
            "^(|q)r",
            "^\\d+ ",
            "^(?:w){0,2}v",
            "^s+$",
            "^(?i:(?:ja|nein)) ");

    private static List<String> patterns() {
        List<String> all = new ArrayList<>(SiteConfig.DEFAULT_FOOTER_PATTERNS);
        all.addAll(SiteConfig.DEFAULT_TEASER_PATTERNS);
        all.addAll(TRICKY);
        return all;
    }

    @Test
    void theDefaultPatternsStartWithTheirLiteralsAndTheUnclearOnesAlwaysRun() {
        assertEquals(Set.of((int) 'ت'), LinePatterns.firstCodePoints("^تابعوا\\s.*(تيلغرام|تلغرام|تلغرم|Telegram)"));
        assertEquals(Set.of((int) 'h'), LinePatterns.firstCodePoints("^https?://(www\\.)?(telegram\\.me|t\\.me)/"));
        assertEquals(
                Set.of((int) 'ا', (int) 'أ'), LinePatterns.firstCodePoints("^(انظر|أنظر)\\s+(ايضاً|أيضاً)\\s*:?$"));
        assertEquals(Set.of((int) 'f', (int) 'F'), LinePatterns.firstCodePoints("^(?i:follow\\s+(us|sana))"));
        assertEquals(Set.of((int) 's', (int) 'S', 0x017F), LinePatterns.firstCodePoints("^(?i:see\\s+also)\\s*:?$"));
        for (String unclear : List.of("^a?b", "^(x|y)?z", "^ab|cd", "^[ab]c", "^(?i)follow", "^(|q)r", "^\\d+ ")) {
            assertNull(LinePatterns.firstCodePoints(unclear), unclear);
        }
    }

    @Test
    void everyLineOfTheTestArchivesGetsRe2sAnswer() throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "تابعوا آخر الأخبار عبر تلغرام",
                "Follow us on Telegram",
                "FOLLOW SANA on vk",
                "ſee also:",
                "\u212Aelvin",
                "kelvin",
                "see",
                "also",
                "b",
                "ab",
                "z",
                "xz",
                "تم",
                "انتهى الخبر",
                "cd",
                "xcd",
                "ac",
                "r",
                "qr",
                "12 x",
                "v",
                "wwv",
                "sss",
                "ja ",
                "Nein ",
                "انظر أيضاً:",
                "أنظر ايضا",
                "https://t.me/sana",
                "http://vk.com/x"));
        try (Stream<Path> files = Files.walk(Trees.testResource("sites"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
                lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        int matched = 0;
        for (String regex : patterns()) {
            LinePatterns one = new LinePatterns(List.of(regex));
            Pattern plain = Pattern.compile(regex);
            for (String raw : lines) {
                String line = raw.strip();
                boolean expected = !line.isEmpty() && plain.matcher(line).find();
                assertEquals(expected, one.anyFinds(line), () -> regex + " on " + line);
                matched += expected ? 1 : 0;
            }
        }
        assertTrue(matched > 20, "the lines exercise the patterns: " + matched);
    }
}
