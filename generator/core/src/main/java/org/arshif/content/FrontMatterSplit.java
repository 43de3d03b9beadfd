package org.arshif.content;

import java.util.Optional;

/**
 * A file's text split into its YAML front-matter (between {@code ---} lines at the very top) and its body.
 *
 * @param yaml       the front-matter text, or empty when the file has none
 * @param body       everything after the closing line
 * @param bodyLine   1-based line at which the body starts
 */
public record FrontMatterSplit(Optional<String> yaml, String body, int bodyLine) {

    /** Thrown for a front-matter block that is opened but never closed. */
    public static final class UnclosedException extends Exception {
        public UnclosedException() {
            super("front-matter opened with '---' on line 1 is never closed; add a line with '---' after it");
        }
    }

    public static FrontMatterSplit of(String text) throws UnclosedException {
        if (!(text.startsWith("---\n") || text.equals("---"))) {
            return new FrontMatterSplit(Optional.empty(), text, 1);
        }
        int line = 2;
        int pos = 4;
        while (pos <= text.length()) {
            int end = text.indexOf('\n', pos);
            String current = end < 0 ? text.substring(pos) : text.substring(pos, end);
            if (current.stripTrailing().equals("---") || current.stripTrailing().equals("...")) {
                String yaml = text.substring(4, pos);
                String body = end < 0 ? "" : text.substring(end + 1);
                return new FrontMatterSplit(Optional.of(yaml), body, line + 1);
            }
            if (end < 0) {
                break;
            }
            pos = end + 1;
            line++;
        }
        throw new UnclosedException();
    }
}
