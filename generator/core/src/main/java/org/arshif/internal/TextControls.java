package org.arshif.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.arshif.diag.Diagnostic;

/**
 * Characters that must not reach a page or a feed: C0 controls other than tab and newline, DEL, C1 controls,
 * and what XML 1.0 forbids besides (U+FFFE, U+FFFF, lone surrogates). One of them in {@code feed.xml} makes the
 * whole feed unreadable, and real agency text carries them (NUL, U+001A, ESC from old editors).
 */
public final class TextControls {
    private static final String MESSAGE_START = "control character ";

    private TextControls() {}

    /** Whether a code point is dropped from every text. */
    public static boolean isDropped(int cp) {
        if (cp == '\t' || cp == '\n') {
            return false;
        }
        return Character.isISOControl(cp)
                || cp == 0xFFFE
                || cp == 0xFFFF
                || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
    }

    /** The char index of the first dropped code point, or -1. */
    public static int first(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // Printable ASCII, tab and newline, and U+00A0..U+D7FF (Arabic among them) are never dropped: only the
            // rest (controls, surrogates, U+E000 and up) is looked at by code point. Every source file passes here.
            if (c >= 0x20 && c < 0x7F || c == '\t' || c == '\n' || c >= 0xA0 && c < Character.MIN_SURROGATE) {
                continue;
            }
            int cp = s.codePointAt(i);
            if (isDropped(cp)) {
                return i;
            }
            i += Character.charCount(cp) - 1;
        }
        return -1;
    }

    /** {@code s} without dropped code points; {@code s} itself when it has none. */
    public static String strip(String s) {
        int from = first(s);
        if (from < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        sb.append(s, 0, from);
        for (int i = from; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (!isDropped(cp)) {
                sb.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /** The warning for a dropped code point, e.g. {@code control character U+001A (SUBSTITUTE) removed; ...}. */
    public static Diagnostic warning(String path, int line, int column, int cp) {
        String name = Character.getName(cp);
        if (cp == 0x85) {
            return Diagnostic.warning(
                    path,
                    line,
                    column,
                    MESSAGE_START + "U+0085 (NEL, NEXT LINE), which some editors and mainframe exports take for a line"
                            + " end, and a Windows-1252 '…' read as Latin-1 becomes, removed, with any others in this"
                            + " file: it cannot appear in HTML or XML; where it ends a line, replace it with a line feed,"
                            + " where it stood for '…', with '…' (sed -i 's/\\xC2\\x85/\\n/g' FILE replaces"
                            + " every one with a line feed)");
        }
        return Diagnostic.warning(
                path,
                line,
                column,
                MESSAGE_START + String.format(Locale.ROOT, "U+%04X", cp)
                        + (name == null ? "" : " (" + name + ")") + " removed, with any others in this file: it cannot"
                        + " appear in HTML or XML; delete it from the file");
    }

    /**
     * A file's findings at the columns of the file as written: they are found in its text without control characters
     * ({@link SourceText}), whose columns after one are short by the ones removed before them on their line. The
     * control-character warning itself is at its place as written already.
     *
     * @param path  the file, whose findings are moved (not those of another file read with it)
     * @param found the file's findings, its control-character warning among them when it had any
     * @param bytes the file's bytes
     */
    public static List<Diagnostic> atWrittenColumns(String path, List<Diagnostic> found, byte[] bytes) {
        return found.stream().anyMatch(TextControls::isRemovalWarning) ? shifted(path, found, bytes) : found;
    }

    /**
     * {@link #atWrittenColumns} for findings made apart from the file's control-character warning (a later check of
     * a file that had one).
     */
    public static List<Diagnostic> shifted(String path, List<Diagnostic> found, byte[] bytes) {
        Map<Integer, List<Integer>> removed = removedColumns(SourceText.asWritten(bytes));
        List<Diagnostic> out = new ArrayList<>(found.size());
        for (Diagnostic d : found) {
            List<Integer> onLine = removed.getOrDefault(d.line(), List.of());
            long before = onLine.stream().filter(c -> c <= d.column()).count();
            out.add(
                    before == 0 || isRemovalWarning(d) || !d.path().equals(path)
                            ? d
                            : new Diagnostic(d.path(), d.line(), d.column() + (int) before, d.severity(), d.message()));
        }
        return out;
    }

    /**
     * Per line, the column (in the text without them) before which each removed code point stood: control characters
     * and byte-order marks past the first character ({@link SourceText}'s inner marks).
     */
    private static Map<Integer, List<Integer>> removedColumns(String written) {
        Map<Integer, List<Integer>> removed = new HashMap<>();
        int line = 1;
        int column = 1;
        for (int i = 0; i < written.length(); ) {
            int cp = written.codePointAt(i);
            boolean innerMark = cp == '\uFEFF' && i > 0;
            i += Character.charCount(cp);
            if (cp == '\n') {
                line++;
                column = 1;
            } else if (isDropped(cp) || innerMark) {
                removed.computeIfAbsent(line, l -> new ArrayList<>()).add(column);
            } else {
                column++;
            }
        }
        return removed;
    }

    /** Whether a finding is the warning about a removed control character. */
    public static boolean isControlWarning(Diagnostic d) {
        return !d.isError() && d.message().startsWith(MESSAGE_START);
    }

    /**
     * Whether a finding says that characters were removed from the file's text, so that the columns after them on
     * their line are short by them: a control character, or a byte-order mark inside the text ({@link SourceText}).
     * Those findings are at their place as written already.
     */
    public static boolean isRemovalWarning(Diagnostic d) {
        return isControlWarning(d) || d.message().startsWith(SourceText.INNER_MARK_START);
    }

    /** Findings of one file with only the first control-character warning kept: one per file is enough. */
    public static List<Diagnostic> oncePerFile(List<Diagnostic> sorted) {
        List<Diagnostic> out = new ArrayList<>(sorted.size());
        boolean seen = false;
        for (Diagnostic d : sorted) {
            boolean control = !d.isError() && d.message().startsWith(MESSAGE_START);
            if (!control || !seen) {
                out.add(d);
            }
            seen |= control;
        }
        return out;
    }
}
