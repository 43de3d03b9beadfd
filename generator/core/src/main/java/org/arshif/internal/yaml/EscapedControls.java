package org.arshif.internal.yaml;

import org.arshif.diag.Diagnostics;
import org.arshif.internal.TextControls;

/**
 * Control characters that a TOML or JSON escape makes ({@code "\u0007"}, {@code "\u001B[31m"}, a lone
 * {@code "\ud800"}), which the raw text, checked when it was decoded, never had: dropped with the warning YAML's
 * escapes get. They reached titles as written, and a feed holding one is not XML that any reader accepts.
 */
final class EscapedControls {
    private EscapedControls() {}

    /** {@code text} without them; a warning at the value when it had any (one a file is kept, by the reader). */
    static String clean(String text, String path, int line, int column, Diagnostics diagnostics) {
        int control = TextControls.first(text);
        if (control < 0) {
            return text;
        }
        diagnostics.add(TextControls.warning(path, line, column, text.codePointAt(control)));
        return TextControls.strip(text);
    }
}
