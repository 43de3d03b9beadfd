package org.arshif.content;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

/** What makes a headline readable: a title of only spaces and invisible characters is no title. Stateless. */
public final class Titles {
    private Titles() {}

    /** True when the text has a character a reader sees: not a space, not a format character such as a bidi mark. */
    static boolean isVisible(String title) {
        return title.codePoints()
                .anyMatch(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && !Slugs.isInvisible(cp));
    }

    /**
     * Why a file's text is no dispatch at all, or null: nothing, or only spaces and invisible characters, no-break
     * and ideographic spaces too (such a file was "no title" and "a title but no paragraphs").
     */
    static String emptyFileProblem(String text) {
        if (isVisible(text)) {
            return null;
        }
        return "the file is empty" + (text.isBlank() ? "" : " but for spaces")
                + "; write a dispatch in it or delete it";
    }

    /**
     * The title with every bidi embedding, override or isolate it opens and never closes closed at its end, so that
     * it cannot reverse what a page puts after it (the site's name in {@code <title>}, a date beside a card).
     * Returns {@code title} itself when it is balanced, as nearly every title is.
     */
    public static String balanced(String title) {
        Deque<Integer> open = unclosed(title);
        if (open.isEmpty()) {
            return title;
        }
        StringBuilder closed = new StringBuilder(title);
        open.forEach(opener -> closed.append(isIsolate(opener) ? '\u2069' : '\u202C'));
        return closed.toString();
    }

    /** The warning for a title {@link #balanced} had to close, naming what was left open. */
    static String unbalancedProblem(String title) {
        return "the title opens " + names(unclosed(title).stream().mapToInt(Integer::intValue))
                + " and does not close it, which would turn the text after the title around; it is closed at the"
                + " title's end: close it where it should end (U+202C POP DIRECTIONAL FORMATTING after an"
                + " embedding or override, U+2069 POP DIRECTIONAL ISOLATE after an isolate), or delete it";
    }

    /** Openers left open at the end, innermost first, per the Unicode bidi algorithm's pairing (UAX #9, X1-X8). */
    private static Deque<Integer> unclosed(String text) {
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '\u202A' && c <= '\u202E' && c != '\u202C') || (c >= '\u2066' && c <= '\u2068')) {
                open.push((int) c);
            } else if (c == '\u202C' && !open.isEmpty() && !isIsolate(open.peek())) {
                open.pop();
            } else if (c == '\u2069' && open.stream().anyMatch(Titles::isIsolate)) {
                while (!isIsolate(open.pop())) {
                    // A PDI also closes the embeddings opened inside its isolate.
                }
            }
        }
        return open;
    }

    private static boolean isIsolate(int cp) {
        return cp >= 0x2066 && cp <= 0x2068;
    }

    private static String names(IntStream codePoints) {
        return codePoints
                .distinct()
                .limit(3)
                .mapToObj(cp -> String.format(Locale.ROOT, "U+%04X %s", cp, Character.getName(cp)))
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
    }

    /** What Hugo did with a page without a title: said in the findings, for archives moved from Hugo. */
    private static final String HUGO_EMPTY =
            " (Hugo published such a page with an empty title, a blank heading and link text in its lists)";

    /** The finding for a dispatch that has no title at all. */
    static String missingProblem(SourceFormat format) {
        return format == SourceFormat.MARKDOWN
                ? "no title: add 'title: ...' to the front-matter or start the text with '# Title'" + HUGO_EMPTY
                : "no title: the first line of a plain-text dispatch is its title";
    }

    /** The finding for a written {@code title} nobody can read; a Markdown file may take its heading instead. */
    static String emptyProblem(Optional<String> written, SourceFormat format) {
        return emptyWhat(written) + "; write the headline in it, like title: \"...\""
                + (format == SourceFormat.MARKDOWN
                        ? ", or remove it and start the text with '# Title'" + HUGO_EMPTY
                        : "");
    }

    private static String emptyWhat(Optional<String> written) {
        return written.filter(t -> !t.isBlank())
                .map(t -> "'title' holds only invisible characters ("
                        + names(t.strip().codePoints()) + ")")
                .orElse("'title' is empty");
    }
}
