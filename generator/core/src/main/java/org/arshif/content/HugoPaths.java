package org.arshif.content;

import java.util.Locale;

/**
 * A name made into a URL segment as Hugo makes it ({@code hugoPaths: true}): Hugo 0.111's {@code
 * PathSpec.MakePathSanitized}, its {@code UnicodeSanitize} then lower case. Letters, digits and marks are kept, and
 * {@code . _ # + ~ - @ / \} and a percent-escape; a run of spaces between them becomes one hyphen; anything else (and a leading or trailing
 * space) is left out. So {@code Breaking News} is {@code breaking-news}, {@code CamelCase} {@code camelcase}, {@code
 * World Desk} {@code world-desk}, and an Arabic name is as written. Stateless.
 */
public final class HugoPaths {
    private HugoPaths() {}

    /** {@code name} as Hugo writes it in a URL; the same string when Hugo would not change it. */
    public static String segment(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        boolean hyphen = false;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (kept(cp) || cp == '%' && hexPairAt(name, i)) {
                if (hyphen) {
                    sb.append('-');
                    hyphen = false;
                }
                sb.appendCodePoint(cp);
            } else if (sb.length() > 0 && (Character.isWhitespace(cp) || Character.isSpaceChar(cp))) {
                hyphen = true; // written only before a kept character: never trailing
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean kept(int cp) {
        return Character.isLetterOrDigit(cp)
                || Character.getType(cp) == Character.NON_SPACING_MARK
                || Character.getType(cp) == Character.COMBINING_SPACING_MARK
                || Character.getType(cp) == Character.ENCLOSING_MARK
                || ".\\_#+~-@/".indexOf(cp) >= 0;
    }

    /** Hugo keeps a '%' that begins an escape ({@code %C3}), and drops a stray one. */
    private static boolean hexPairAt(String s, int i) {
        return i + 1 < s.length() && Character.digit(s.charAt(i), 16) >= 0 && Character.digit(s.charAt(i + 1), 16) >= 0;
    }
}
