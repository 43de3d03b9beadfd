package org.arshif.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real builds in the locales of CI containers: {@code LANG=C}, no {@code LANG} at all, and a locale that is not
 * installed. There the JVM encodes file names in ASCII, and Arabic ones used to throw InvalidPathException.
 */
@DisabledOnOs(
        value = {OS.WINDOWS, OS.MAC},
        disabledReason = "file names are UTF-16 or UTF-8 whatever the locale")
class LocaleTest {
    private static final String ARABIC_FILE = "content/ar/2017-05-02-قمة-سوتشي.md";
    private static final String ARABIC_PAGE = "ar/2017/05/قمة-سوتشي/index.html";

    @TempDir
    Path tmp;

    @Test
    void buildAndCheckReadArabicFileNamesUnderLangCAndWithoutLang() throws IOException {
        Path root = site();
        for (Map<String, String> env : List.of(CliProcess.locale("LANG", "C"), CliProcess.locale())) {
            Path out = tmp.resolve(env.containsValue("C") ? "out-c" : "out-unset");
            CliProcess.Result build =
                    CliProcess.run(List.of(), env, "build", "--source", root.toString(), "--output", out.toString());
            assertEquals(0, build.exit(), env + "\n" + build);
            assertTrue(build.out().startsWith("Built 4 ar + 4 en dispatches"), build.toString());
            assertTrue(Files.readString(out.resolve(ARABIC_PAGE), StandardCharsets.UTF_8)
                    .contains("قمة في سوتشي"));
        }
        CliProcess.Result check =
                CliProcess.run(List.of(), CliProcess.locale("LC_ALL", "POSIX"), "check", "--source", root.toString());
        assertEquals(0, check.exit(), check.toString());
        assertTrue(
                check.out().contains("content/ar/2017-05-02-قمة-سوتشي.md:1:1: notice: no en translation"),
                check.toString());
        assertTrue(check.out().contains("Checked 9 dispatches: 0 errors"), check.toString());
    }

    @Test
    void theChoiceOfCollectorKeepsOneJvmYetTheBuildStillGetsAUtf8Locale() throws IOException {
        Path root = site();
        CliProcess.Result build = CliProcess.run(
                List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                CliProcess.locale("LANG", "C"),
                "build",
                "--source",
                root.toString(),
                "--output",
                tmp.resolve("out").toString());
        assertEquals(0, build.exit(), build.toString());
        assertTrue(Files.isRegularFile(tmp.resolve("out").resolve(ARABIC_PAGE)));
    }

    @Test
    void withoutASecondJvmAWrongLocaleIsOneLineThatSaysWhatToSet() throws IOException {
        Path root = site();
        Path out = tmp.resolve("out");
        Map<String, String> langC = CliProcess.locale("LANG", "C");
        langC.put(JvmTuning.FORK_ENV, "0");
        CliProcess.Result build =
                CliProcess.run(List.of(), langC, "build", "--source", root.toString(), "--output", out.toString());
        assertEquals(2, build.exit(), build.toString());
        assertEquals(
                "arshif: Arabic file names cannot be read or written: this JVM encodes file names in"
                        + " ANSI_X3.4-1968 because the locale is LANG=C; run `export LANG=C.UTF-8` first\n",
                build.err());
        assertFalse(Files.exists(out), "nothing was written");

        Map<String, String> missing = CliProcess.locale("LANG", "xx_YY.UTF-8");
        missing.put(JvmTuning.FORK_ENV, "0");
        CliProcess.Result check = CliProcess.run(List.of(), missing, "check", "--source", root.toString());
        assertEquals(2, check.exit(), check.toString());
        assertEquals(
                "arshif: Arabic file names cannot be read or written: this JVM encodes file names in"
                        + " ANSI_X3.4-1968 because the locale LANG=xx_YY.UTF-8 is not installed here; install it, or run"
                        + " `export LANG=C.UTF-8` first\n",
                check.err());
    }

    /** The bilingual test site with a dispatch whose file name, and so its URL, is Arabic. */
    private Path site() throws IOException {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("src"));
        Files.writeString(
                root.resolve(ARABIC_FILE),
                "---\ntitle: قمة في سوتشي\n---\n\nالتقى الرئيسان في سوتشي.\n",
                StandardCharsets.UTF_8);
        return root;
    }
}
