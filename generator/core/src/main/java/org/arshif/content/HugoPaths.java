package org.arshif.content;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.arshif.config.SiteConfig;

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

    /**
     * A section's name in a language: its {@code sections:} label, else its folder's name; with {@code hugoPaths},
     * whose segment is the folder in lower case ({@code world-desk}), the folder as written ({@code World Desk}),
     * found in the path of its newest dispatch ({@code dispatches}, the section's: asked only then).
     */
    public static String sectionName(
            SiteConfig config, String section, String lang, Supplier<List<Dispatch>> dispatches) {
        String name = config.sections().sectionName(section, lang, config.languages());
        String last = section.substring(section.lastIndexOf('/') + 1);
        List<Dispatch> in = config.hugoPaths() && name.equals(last) ? dispatches.get() : null;
        if (in == null || in.isEmpty()) {
            return name;
        }
        String[] parts = in.get(0).path().split("/");
        for (int i = parts.length - 2; i > 0; i--) { // the deepest folder of that segment is the section's
            if (segment(parts[i]).equals(last)) {
                return Normalizer.normalize(parts[i], Normalizer.Form.NFC);
            }
        }
        return name;
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
