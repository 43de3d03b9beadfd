package org.arshif.content;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arshif.internal.SourceText;

/**
 * A link or image whose address holds a space ({@code ![photo](IMG 1.jpg)}, a camera's or Windows' file name):
 * Markdown reads no link there, so it was published as its brackets, without a word. Hugo does the same.
 */
final class SpacedLinks {
    /** {@code [text](address with space)}: no quote or bracket after the space, which would make it a title. */
    private static final Pattern SPACED =
            Pattern.compile("(!?)\\[[^\\]\\n]*\\]\\(([^()<>\\s\"']+(?: +[^()<>\\s\"']+)+)\\)");

    private SpacedLinks() {}

    /**
     * The first such link in {@code markdown} that is left as text in {@code plainText} (the body as rendered): its
     * line, column and the warning; empty when there is none.
     */
    static Optional<Finding> first(String markdown, String plainText) {
        if (!plainText.contains("](")) {
            return Optional.empty();
        }
        Matcher m = SPACED.matcher(markdown);
        MarkdownCode code = null;
        while (m.find()) {
            String address = m.group(2);
            if (!plainText.contains("](" + address + ")")) {
                continue; // read after all
            }
            code = code == null ? MarkdownCode.of(markdown) : code;
            if (code.contains(m.start())) {
                continue;
            }
            int[] at = SourceText.lineAndColumn(markdown, m.start());
            String what = m.group(1).isEmpty() ? "link" : "image";
            return Optional.of(new Finding(
                    at[0],
                    at[1],
                    "this " + what + "'s address '" + address + "' holds a space, so Markdown reads no " + what
                            + " and it is published as text, brackets and all; write the address in angle brackets"
                            + " (<" + address + ">), or with %20 for each space (" + address.replace(" ", "%20")
                            + ")"));
        }
        return Optional.empty();
    }

    record Finding(int line, int column, String message) {}
}
