package org.arshif.content;

import java.util.LinkedHashMap;
import java.util.Map;

/** How a Hugo shortcode is written: where one ends, its escaped form, its name and parameters. Stateless. */
final class ShortcodeSyntax {
    private ShortcodeSyntax() {}

    /**
     * The index just past the shortcode opened at {@code at} ({@code {{<} or {@code {{%}), or -1 when no
     * {@code >}}} (or {@code %}}}) closes it before another {@code {{} or within {@code max} characters. Each scan
     * stops at the next opening, so a body full of openings is read in linear time.
     */
    static int end(String s, int at, char delimiter, int max) {
        int limit = Math.min(s.length(), at + max);
        char closer = closer(delimiter);
        for (int i = at + 3; i < limit; i++) {
            char c = s.charAt(i);
            if (c == '{' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                return -1;
            }
            if (c == closer && i + 2 < s.length() && s.charAt(i + 1) == '}' && s.charAt(i + 2) == '}') {
                return i + 3;
            }
        }
        return -1;
    }

    /** The character before the closing braces: {@code >} for {@code {{<}, {@code %} for {@code {{%}. */
    static char closer(char delimiter) {
        return delimiter == '<' ? '>' : '%';
    }

    /** Hugo's escape <code>{{&lt;/&#42; x &#42;/&gt;}}</code> as the text it shows, {@code {{< x >}}}; null when not escaped. */
    static String unescaped(String source, char delimiter) {
        String inner = source.substring(3, source.length() - 3);
        String stripped = inner.strip();
        if (stripped.length() < 4 || !stripped.startsWith("/*") || !stripped.endsWith("*/")) {
            return null;
        }
        int open = inner.indexOf("/*");
        int close = inner.lastIndexOf("*/");
        return "{{" + delimiter + inner.substring(open + 2, close) + closer(delimiter) + "}}";
    }

    /** The shortcode written in {@code source} (openings and closings included), or null when malformed. */
    static HugoShortcodes.Shortcode parse(String source, char delimiter) {
        String body = source.substring(3, source.length() - 3).strip();
        boolean closing = body.startsWith("/");
        if (closing) {
            body = body.substring(1).strip();
        }
        if (body.endsWith("/")) {
            body = body.substring(0, body.length() - 1).strip();
        }
        int nameEnd = 0;
        while (nameEnd < body.length() && !Character.isWhitespace(body.charAt(nameEnd))) {
            nameEnd++;
        }
        String name = body.substring(0, nameEnd);
        // Hugo's names are letters of any script: {{% اقتباس %}} is a shortcode, not text
        if (!name.matches("[\\p{L}\\p{M}\\p{N}_./-]+")) {
            return null;
        }
        Map<String, String> params = params(body.substring(nameEnd));
        return params == null ? null : new HugoShortcodes.Shortcode(name, params, closing, delimiter);
    }

    /** Named ({@code key="value"}) and positional parameters; null when a quote is not closed. */
    private static Map<String, String> params(String s) {
        Map<String, String> params = new LinkedHashMap<>();
        int position = 0;
        int i = 0;
        while (true) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= s.length()) {
                return params;
            }
            int[] next = new int[1];
            String token = token(s, i, next);
            if (token == null) {
                return null;
            }
            i = next[0];
            if (i < s.length() && s.charAt(i) == '=') {
                String value = token(s, i + 1, next);
                if (value == null) {
                    return null;
                }
                params.put(token, value);
                i = next[0];
            } else {
                params.put(Integer.toString(position++), token);
            }
        }
    }

    /** A quoted ("…" with backslash escapes, or `…`) or bare token at {@code i}; its end in {@code next[0]}. */
    private static String token(String s, int i, int[] next) {
        if (i >= s.length()) {
            next[0] = i;
            return "";
        }
        char q = s.charAt(i);
        if (q == '"' || q == '`') {
            StringBuilder out = new StringBuilder();
            for (int j = i + 1; j < s.length(); j++) {
                char c = s.charAt(j);
                if (q == '"' && c == '\\' && j + 1 < s.length()) {
                    out.append(s.charAt(++j));
                } else if (c == q) {
                    next[0] = j + 1;
                    return out.toString();
                } else {
                    out.append(c);
                }
            }
            return null;
        }
        int j = i;
        while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && s.charAt(j) != '=') {
            j++;
        }
        next[0] = j;
        return s.substring(i, j);
    }
}
