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
 * HTML comments in a Markdown body ({@code <!-- photo to come -->}, {@code <!-- draft: true -->}): an editor's note,
 * never meant to be read. With raw HTML escaped (Arshif's default) they were published as visible text, notes and
 * all; Hugo omits them. A whole comment is taken out of the document before it is rendered; an unclosed one stays
 * text, which {@link #unclosed} names.
 */
final class HtmlComments {
    private HtmlComments() {}

    /** Unlinks every block and inline node that is one or more whole comments and nothing else. */
    static void drop(Node document) {
        List<Node> comments = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock block) {
                if (onlyComments(block.getLiteral())) {
                    comments.add(block);
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
     * The line and column (1-based) in {@code markdown} of the last {@code <!--} that no {@code -->} closes, outside
     * code (a fenced block or a code span on its line); empty when there is none.
     */
    static Optional<int[]> unclosed(String markdown) {
        int open = markdown.lastIndexOf("<!--");
        if (open < 0 || markdown.indexOf("-->", open + 4) >= 0) {
            return Optional.empty();
        }
        if (inCode(markdown, open)) {
            return Optional.empty();
        }
        return Optional.of(SourceText.lineAndColumn(markdown, open));
    }

    /**
     * Whether {@code offset} is inside code, as far as its line and the fences above it tell: in a fenced block, an
     * indented one, or a code span opened before it on its line.
     */
    static boolean inCode(String markdown, int offset) {
        int lineStart = markdown.lastIndexOf('\n', offset - 1) + 1;
        String before = markdown.substring(lineStart, offset);
        int fences = 0;
        for (String line : markdown.substring(0, lineStart).split("\n", -1)) {
            String t = line.stripLeading();
            fences += t.startsWith("```") || t.startsWith("~~~") ? 1 : 0;
        }
        return fences % 2 == 1 || before.chars().filter(c -> c == '`').count() % 2 == 1 || before.startsWith("    ");
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
