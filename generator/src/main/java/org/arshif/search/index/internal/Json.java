package org.arshif.search.index.internal;

import java.util.List;

/** A minimal JSON writer: arrays, objects and correctly escaped strings, appended to a StringBuilder. */
public final class Json {
    private final StringBuilder sb;

    public Json(int capacity) {
        this.sb = new StringBuilder(capacity);
    }

    public Json raw(String s) {
        sb.append(s);
        return this;
    }

    public Json ch(char c) {
        sb.append(c);
        return this;
    }

    public Json num(long n) {
        sb.append(n);
        return this;
    }

    public Json str(String s) {
        quote(sb, s);
        return this;
    }

    /** {@code "key":} */
    public Json key(String k) {
        quote(sb, k);
        sb.append(':');
        return this;
    }

    public Json strings(List<String> values) {
        sb.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            quote(sb, values.get(i));
        }
        sb.append(']');
        return this;
    }

    public Json ints(int[] values, int from, int to) {
        sb.append('[');
        for (int i = from; i < to; i++) {
            if (i > from) {
                sb.append(',');
            }
            sb.append(values[i]);
        }
        sb.append(']');
        return this;
    }

    public StringBuilder builder() {
        return sb;
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    public static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029
                            || (Character.isSurrogate(c) && !pairedSurrogate(s, i))) {
                        // lone surrogates cannot be encoded in UTF-8: replace them
                        char out = Character.isSurrogate(c) ? '\uFFFD' : c;
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) out));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static boolean pairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
