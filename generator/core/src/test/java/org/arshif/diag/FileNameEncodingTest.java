package org.arshif.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one line that says why a JVM cannot name files in Arabic, and which variable to set. */
class FileNameEncodingTest {
    private static final String ASCII = "ANSI_X3.4-1968";
    private static final String START =
            "Arabic file names cannot be read or written: this JVM encodes file names in " + ASCII + " because ";

    @Test
    void utf8OrWindowsIsFine() {
        assertEquals(Optional.empty(), FileNameEncoding.problem("Linux", "UTF-8", Map.of()));
        assertEquals(Optional.empty(), FileNameEncoding.problem("Mac OS X", "utf8", Map.of("LANG", "C")));
        assertEquals(Optional.empty(), FileNameEncoding.problem("Windows 11", "Cp1252", Map.of()));
        assertTrue(FileNameEncoding.problem("Linux", "ISO-8859-1", Map.of("LANG", "de_DE"))
                .isPresent());
        assertTrue(FileNameEncoding.problem("Linux", null, Map.of()).isPresent());
        assertTrue(
                FileNameEncoding.problem("Linux", "no-such-charset", Map.of()).isPresent());
    }

    @Test
    void namesTheVariableThatDecidesStrongestFirst() {
        assertEquals(
                START + "no locale is set (LANG, LC_CTYPE and LC_ALL are empty); run `export LANG=C.UTF-8`" + " first",
                FileNameEncoding.problem("Linux", ASCII, Map.of("LANG", "")).orElseThrow());
        assertEquals(
                START + "the locale is LANG=C; run `export LANG=C.UTF-8` first",
                FileNameEncoding.problem("Linux", ASCII, Map.of("LANG", "C")).orElseThrow());
        assertEquals(
                START + "the locale is LC_CTYPE=POSIX; run `export LC_CTYPE=C.UTF-8` first",
                FileNameEncoding.problem("Linux", ASCII, Map.of("LANG", "en_US.UTF-8", "LC_CTYPE", "POSIX"))
                        .orElseThrow());
        assertEquals(
                START + "the locale is LC_ALL=C; run `export LC_ALL=C.UTF-8` first",
                FileNameEncoding.problem("Linux", ASCII, Map.of("LANG", "C.UTF-8", "LC_ALL", "C"))
                        .orElseThrow());
    }

    @Test
    void aUtf8LocaleThatIsNotInstalledIsCalledThat() {
        assertEquals(
                START + "the locale LANG=fr_FR.UTF-8 is not installed here; install it, or run"
                        + " `export LANG=C.UTF-8` first",
                FileNameEncoding.problem("Linux", ASCII, Map.of("LANG", "fr_FR.UTF-8"))
                        .orElseThrow());
        // the second JVM's own locale missing: exporting it again would not help
        assertEquals(
                START + "the locale LC_ALL=C.UTF-8 is not installed here; install it, or set LC_ALL to a UTF-8"
                        + " locale that `locale -a` lists",
                FileNameEncoding.problem("Linux", ASCII, Map.of("LC_ALL", "C.UTF-8"))
                        .orElseThrow());
    }
}
