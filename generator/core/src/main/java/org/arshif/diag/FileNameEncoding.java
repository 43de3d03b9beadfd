package org.arshif.diag;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether this JVM can name files in Arabic. On Linux and other Unixes the JVM encodes file names in the charset of
 * the locale it started in ({@code sun.jnu.encoding}), and no {@code -D} option changes that on Java 17 or later:
 * under {@code LANG=C}, an unset {@code LANG} or a locale that is not installed it is ASCII, and the first Arabic
 * path throws {@code InvalidPathException}. Only the environment helps, so the CLI starts its second JVM with
 * {@link #UTF8_LOCALE}, and where no second JVM runs (Maven, {@code ARSHIF_FORK=0}) the user is told what to set.
 * Windows names files in UTF-16 whatever its code page, so there is nothing to check.
 */
public final class FileNameEncoding {
    /** Built into glibc 2.35+ and shipped by Debian, Ubuntu and Alpine; macOS always names files in UTF-8. */
    public static final String UTF8_LOCALE = "C.UTF-8";
    /** The variables that choose the file-name charset, strongest first (POSIX). */
    private static final List<String> LOCALE_VARIABLES = List.of("LC_ALL", "LC_CTYPE", "LANG");

    private FileNameEncoding() {}

    /** What is wrong with this JVM's file-name encoding and how to fix it, in one line; empty when it is UTF-8. */
    public static Optional<String> problem() {
        return problem(System.getProperty("os.name", ""), System.getProperty("sun.jnu.encoding"), System.getenv());
    }

    static Optional<String> problem(String osName, String jnuEncoding, Map<String, String> env) {
        if (osName.startsWith("Windows") || isUtf8(jnuEncoding)) {
            return Optional.empty();
        }
        String deciding = LOCALE_VARIABLES.stream()
                .filter(v -> !env.getOrDefault(v, "").isEmpty())
                .findFirst()
                .orElse(null);
        String variable = deciding == null ? "LANG" : deciding;
        String value = deciding == null ? "" : env.get(deciding);
        String export = "`export " + variable + "=" + UTF8_LOCALE + "`";
        String causeAndFix;
        if (deciding == null) {
            causeAndFix = "no locale is set (LANG, LC_CTYPE and LC_ALL are empty); run " + export + " first";
        } else if (!value.toLowerCase(Locale.ROOT).replace("-", "").contains("utf8")) {
            causeAndFix = "the locale is " + variable + "=" + value + "; run " + export + " first";
        } else if (value.equalsIgnoreCase(UTF8_LOCALE) || value.equalsIgnoreCase("C.utf8")) {
            causeAndFix = "the locale " + variable + "=" + value + " is not installed here; install it, or set "
                    + variable + " to a UTF-8 locale that `locale -a` lists";
        } else {
            causeAndFix = "the locale " + variable + "=" + value + " is not installed here; install it, or run "
                    + export + " first";
        }
        return Optional.of("Arabic file names cannot be read or written: this JVM encodes file names in " + jnuEncoding
                + " because " + causeAndFix);
    }

    static boolean isUtf8(String charsetName) {
        if (charsetName == null) {
            return false;
        }
        try {
            return Charset.forName(charsetName).equals(StandardCharsets.UTF_8);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return false;
        }
    }
}
