package org.arshif.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.arshif.internal.SourceText;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;

/**
 * HTML comments in a Markdown body ({@code <!-- photo to come -->}, {@code <!-- draft: true -->}): an editor's note,
 * never meant to be read. With raw HTML escaped (Arshif's default) they were published as visible text, notes and
 * all; Hugo omits them. A whole comment is taken out of the document before it is rendered; an unclosed one stays
 * text, which {@link #unclosed} names. Code is told by the parser's source spans ({@link MarkdownCode}).
 */
final class HtmlComments {
    private HtmlComments() {}

    private static final Pattern WHOLE_COMMENT = Pattern.compile("<!--(?s:.*?)-->");

    /**
     * Unlinks every block and inline node that is one or more whole comments and nothing else, and takes the whole
     * comments out of an HTML block that holds more ({@code <div>…<!-- note -->…</div>}, escaped as text).
     */
    static void drop(Node document) {
        List<Node> comments = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock block) {
                if (onlyComments(block.getLiteral())) {
                    comments.add(block);
                } else if (block.getLiteral().contains("<!--")) {
                    block.setLiteral(WHOLE_COMMENT.matcher(block.getLiteral()).replaceAll(""));
                }
            }

            @Override
            public void visit(HtmlInline inline) {
                if (onlyComments(inline.getLiteral())) {
                    comments.add(inline);
                }
            }
        });
        comments.forEach(Node::unlink);
    }

    /** What the warning at an unclosed comment says. */
    static final String UNCLOSED = "'<!--' opens an HTML comment that is never closed by '-->', so what follows it is"
            + " published as text (with markdownRawHtml: true, hidden); close it with '-->', or delete it";

    /**
     * The line and column (1-based) in {@code markdown} of the first {@code <!--} that no {@code -->} after it closes,
     * outside code as the parser reads it ({@link MarkdownCode}); empty when there is none.
     */
    static Optional<int[]> unclosed(String markdown) {
        int closed = markdown.lastIndexOf("-->");
        int open = markdown.indexOf("<!--", closed < 0 ? 0 : closed + 3);
        if (open < 0) {
            return Optional.empty();
        }
        MarkdownCode code = MarkdownCode.of(markdown);
        for (; open >= 0; open = markdown.indexOf("<!--", open + 4)) {
            if (!code.contains(open)) {
                return Optional.of(SourceText.lineAndColumn(markdown, open));
            }
        }
        return Optional.empty();
    }

    private static boolean onlyComments(String literal) {
        String rest = literal.strip();
        while (rest.startsWith("<!--")) {
            int end = rest.indexOf("-->", 4);
            if (end < 0) {
                return false;
            }
            rest = rest.substring(end + 3).strip();
        }
        return rest.isEmpty() && !literal.isBlank();
    }
}
