package org.arshif.content;

import java.util.Locale;
import java.util.Optional;

/** What makes a headline readable: a title of only spaces and invisible characters is no title. Stateless. */
final class Titles {
    private Titles() {}

    /** True when the text has a character a reader sees: not a space, not a format character such as a bidi mark. */
    static boolean isVisible(String title) {
        return title.codePoints()
                .anyMatch(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && !Slugs.isInvisible(cp));
    }

    /** The finding for a written {@code title} nobody can read; a Markdown file may take its heading instead. */
    static String emptyProblem(Optional<String> written, SourceFormat format) {
        return emptyWhat(written) + "; write the headline in it, like title: \"...\""
                + (format == SourceFormat.MARKDOWN ? ", or remove it and start the text with '# Title'" : "");
    }

    private static String emptyWhat(Optional<String> written) {
        return written.filter(t -> !t.isBlank())
                .map(t -> "'title' holds only invisible characters ("
                        + t.strip()
                                .codePoints()
                                .distinct()
                                .limit(3)
                                .mapToObj(cp -> String.format(Locale.ROOT, "U+%04X %s", cp, Character.getName(cp)))
                                .reduce((a, b) -> a + ", " + b)
                                .orElse("")
                        + ")")
                .orElse("'title' is empty");
    }
}
