package org.arshif.check;

import java.util.Optional;
import org.arshif.content.DispatchReader;
import org.arshif.diag.Diagnostic;
import org.arshif.internal.Suggestions;

/** Front-matter keys that look like a misspelled known key ({@code sumary}, {@code tgas}). */
final class KeyTypos {
    private KeyTypos() {}

    /** The warning for an unknown key close to a known one, or empty. */
    static Optional<Diagnostic> warning(String path, String key, int line, int column) {
        String known = lookalike(key);
        return known == null
                ? Optional.empty()
                : Optional.of(Diagnostic.warning(
                        path,
                        line,
                        column,
                        "unknown front-matter key '" + key + "' (kept for templates); did you mean '" + known + "'?"));
    }

    /** The known key a misspelled one most likely meant: same letters in another case, or a near miss. */
    static String lookalike(String key) {
        return Suggestions.closest(key, DispatchReader.KNOWN_KEYS).orElse(null);
    }

    /**
     * Where a top-level key is written in the front-matter of a file that starts with {@code ---} (so the
     * front-matter's first line is the file's second), for a file the load refused, whose keys have no positions.
     */
    static int[] position(String yaml, String key) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(key + ":") || lines[i].startsWith("\"" + key + "\":")) {
                return new int[] {i + 2, 1};
            }
        }
        return new int[] {1, 1};
    }
}
