package org.arshif.internal;

import java.util.Locale;

/**
 * Format characters no editor shows: bidi marks, zero-width spaces and joiners, a byte-order mark pasted mid-file.
 * For findings about a key or name that looks right but does not match.
 */
public final class InvisibleCharacters {
    private InvisibleCharacters() {}

    public static boolean isInvisible(int cp) {
        return Character.getType(cp) == Character.FORMAT;
    }

    /** {@code s} without them; {@code s} itself when it has none. */
    public static String without(String s) {
        if (s.codePoints().noneMatch(InvisibleCharacters::isInvisible)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(cp -> !isInvisible(cp)).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** Those in {@code s}, each once, as {@code U+FEFF ZERO WIDTH NO-BREAK SPACE}, joined by commas. */
    public static String names(String s) {
        return String.join(
                ", ",
                s.codePoints()
                        .filter(InvisibleCharacters::isInvisible)
                        .distinct()
                        .mapToObj(cp -> String.format(Locale.ROOT, "U+%04X %s", cp, Character.getName(cp)))
                        .toList());
    }
}
