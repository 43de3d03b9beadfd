package org.arshif.diag;

import java.util.Comparator;
import java.util.Locale;

/**
 * One finding about the input, in the compiler format editors and CI understand:
 * {@code content/ar/x.md:3:7: error: date "2017-13-01" is not a valid date; write it as YYYY-MM-DD}.
 *
 * @param path   the file, relative to the site root, with {@code /} separators; empty for the whole site
 * @param line   1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 */
public record Diagnostic(String path, int line, int column, Severity severity, String message) {

    public Diagnostic {
        message = message == null ? null : printable(message);
    }

    public static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::path)
            .thenComparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column)
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::message);

    public static Diagnostic error(String path, int line, int column, String message) {
        return new Diagnostic(path, line, column, Severity.ERROR, message);
    }

    public static Diagnostic warning(String path, int line, int column, String message) {
        return new Diagnostic(path, line, column, Severity.WARNING, message);
    }

    public static Diagnostic notice(String path, int line, int column, String message) {
        return new Diagnostic(path, line, column, Severity.NOTICE, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code path:line:col: severity: message}, leaving out the position parts that are unknown. */
    public String format() {
        return where() + ": " + severity.label() + ": " + message;
    }

    /**
     * {@code path:line:col}, leaving out the position parts that are unknown; {@code (site)} for the whole site. A
     * file name may hold a line break or a bidi control too (git allows both): shown as {@code U+000A}, as in
     * messages, so that the finding stays one line.
     */
    public String where() {
        StringBuilder sb = new StringBuilder(path.isEmpty() ? "(site)" : printable(path));
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.toString();
    }

    /**
     * The message with control, line-separator and bidi characters written as {@code U+000A}: messages quote the
     * input (a parser's "found \n", a slug), and a raw line break split one finding over two lines, which editors
     * and CI annotations then misread, while a bidi control reorders what a terminal shows.
     */
    static String printable(String message) {
        if (message.codePoints().noneMatch(Diagnostic::unprintable)) {
            return message;
        }
        StringBuilder sb = new StringBuilder(message.length() + 16);
        message.codePoints().forEach(c -> {
            if (unprintable(c)) {
                sb.append(String.format(Locale.ROOT, "U+%04X", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    private static boolean unprintable(int c) {
        return Character.getType(c) == Character.CONTROL
                || c == 0x2028
                || c == 0x2029
                || c == 0x061C
                || c == 0x200E
                || c == 0x200F
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
    }

    @Override
    public String toString() {
        return format();
    }
}
