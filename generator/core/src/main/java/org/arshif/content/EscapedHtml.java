package org.arshif.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.arshif.internal.SourceText;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;

/**
 * Raw HTML in a Markdown body of a site that escapes it (Arshif's default, {@code markdownRawHtml: false}): shown on
 * the page as text, tags and all ({@code <iframe src=…></iframe>} in the story), where Hugo left it out. One warning a
 * file, at the first, with how many more: an archive's embeds come by the hundred. Comments are {@link HtmlComments}'.
 */
final class EscapedHtml {
    /** How much of the first tag the warning quotes. */
    private static final int SHOWN = 60;

    private EscapedHtml() {}

    /** The warning for the raw HTML of {@code document}, parsed from {@code markdown}; empty when it has none. */
    static Optional<MarkdownText.Finding> warning(Node document, String markdown) {
        List<String> literals = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock block) {
                add(block.getLiteral());
            }

            @Override
            public void visit(HtmlInline inline) {
                add(inline.getLiteral());
            }

            private void add(String literal) {
                String tag = literal.strip();
                if (!tag.isEmpty() && !tag.startsWith("<!--") && !tag.startsWith("</")) {
                    literals.add(tag);
                }
            }
        });
        if (literals.isEmpty()) {
            return Optional.empty();
        }
        String first = literals.get(0).lines().findFirst().orElse("");
        int at = Math.max(0, markdown.indexOf(first));
        int[] pos = SourceText.lineAndColumn(markdown, at);
        String shown = first.length() > SHOWN ? first.substring(0, SHOWN) + "…" : first;
        String more = literals.size() > 1 ? ", and " + (literals.size() - 1) + " more raw HTML in this file," : "";
        return Optional.of(new MarkdownText.Finding(
                pos[0],
                pos[1],
                false,
                "raw HTML '" + shown + "'" + more + " is shown on the page as text, tags and all, since"
                        + " markdownRawHtml is off in arshif.yml (Hugo left it out, as <!-- raw HTML omitted -->); write"
                        + " what it shows in Markdown, or delete it; for an archive whose HTML is trusted, set"
                        + " markdownRawHtml: true in arshif.yml (a script is still named)",
                -1));
    }
}
