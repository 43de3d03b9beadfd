package org.arshif.internal;

import java.util.Locale;

/** JSON string literals, written by hand where a whole JSON library would be overkill. */
public final class JsonText {
    private JsonText() {}

    /**
     * Appends {@code s} as a JSON string. Lone surrogates (not encodable in UTF-8) become U+FFFD.
     *
     * @param inScript also escape {@code < > &}, so the text can sit inside a {@code <script>} data block
     */
    public static void quote(StringBuilder sb, String s, boolean inScript) {
        sb.append('"');
        // Most texts need no escape: appended whole, not char by char (a third of the search cards' CPU)
        int plain = plainPrefix(s, inScript);
        if (plain == s.length()) {
            sb.append(s).append('"');
            return;
        }
        sb.append(s, 0, plain);
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    boolean loneSurrogate = Character.isSurrogate(c) && !paired(s, i);
                    if (c < 0x20
                            || c == 0x2028
                            || c == 0x2029
                            || loneSurrogate
                            || inScript && (c == '<' || c == '>' || c == '&')) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) (loneSurrogate ? '\uFFFD' : c)));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** The length of {@code s}'s start that needs no escape (surrogates are looked at one by one). */
    private static int plainPrefix(String s, boolean inScript) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20
                    || c == '"'
                    || c == '\\'
                    || c == 0x2028
                    || c == 0x2029
                    || Character.isSurrogate(c)
                    || inScript && (c == '<' || c == '>' || c == '&')) {
                return i;
            }
        }
        return s.length();
    }

    private static boolean paired(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c)
                ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
