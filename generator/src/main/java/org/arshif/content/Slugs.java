package org.arshif.content;

import java.util.Locale;
import java.util.function.IntPredicate;

/** URL slugs. Arabic letters are kept: they are UTF-8 on disk and percent-encoded in links. */
public final class Slugs {
    private Slugs() {
    }

    /** Lower case; runs of anything but letters, marks and digits become one '-'. */
    public static String tagKey(String raw) {
        return hyphenate(raw.strip().toLowerCase(Locale.ROOT), cp -> false,
                cp -> Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK);
    }

    /**
     * Keeps the code points {@code keep} accepts, drops those {@code skip} names, and turns every run of the rest
     * into one '-', never leading or trailing.
     */
    public static String hyphenate(String s, IntPredicate skip, IntPredicate keep) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean dash = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (skip.test(cp)) {
                continue;
            }
            if (keep.test(cp)) {
                if (dash && sb.length() > 0) {
                    sb.append('-');
                }
                dash = false;
                sb.appendCodePoint(cp);
            } else {
                dash = true;
            }
        }
        return sb.toString();
    }

    /**
     * Why a slug cannot be used as one URL segment, or null when it can. Slugs must not leave their folder.
     */
    public static String problem(String slug) {
        if (slug.isBlank()) {
            return "is empty";
        }
        if (slug.equals(".") || slug.equals("..") || slug.contains("/") || slug.contains("\\")) {
            return "would leave its folder (it contains '/', '\\\\' or is '.' or '..')";
        }
        for (int i = 0; i < slug.length(); i++) {
            char c = slug.charAt(i);
            if (c < 0x20 || c == 0x7F || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>'
                    || c == '|' || c == '#' || c == '%') {
                return "contains the character '" + (c < 0x20 ? "\\u" + String.format("%04x", (int) c) : c)
                        + "', which cannot be part of a file name or URL segment";
            }
        }
        if (slug.startsWith(" ") || slug.endsWith(" ") || slug.endsWith(".")) {
            return "starts or ends with a space or ends with '.'";
        }
        return null;
    }
}
