package org.arshif.search.index.internal;

import java.util.List;
import org.arshif.internal.JsonText;

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
        JsonText.quote(sb, s, false);
    }
}
