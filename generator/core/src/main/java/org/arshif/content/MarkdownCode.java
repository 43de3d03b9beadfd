package org.arshif.content;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Where a Markdown text's code is, as the parser reads it: code spans, fenced blocks (an unclosed fence runs to the
 * end) and indented blocks, by their source spans. What looks like a comment or a link there is code, not a finding.
 * Parsed only for a body that has something to ask about: a {@code <!--more-->} (common in an archive from Hugo),
 * an unclosed {@code <!--}, a spaced address. A second parse of such a body cost no measurable CPU (6,274 of 10,000
 * dispatches with {@code <!--more-->}: the load phase 6.1–6.2 s either way), so it is not avoided.
 */
final class MarkdownCode {
    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    /** Start and end (exclusive) offsets of each span of code, in the order found. */
    private final List<int[]> spans;

    private MarkdownCode(List<int[]> spans) {
        this.spans = spans;
    }

    static MarkdownCode of(String markdown) {
        List<int[]> spans = new ArrayList<>();
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Code code) {
                add(code);
            }

            @Override
            public void visit(FencedCodeBlock block) {
                add(block);
            }

            @Override
            public void visit(IndentedCodeBlock block) {
                add(block);
            }

            private void add(Node node) {
                for (SourceSpan s : node.getSourceSpans()) {
                    spans.add(new int[] {s.getInputIndex(), s.getInputIndex() + s.getLength()});
                }
            }
        });
        return new MarkdownCode(spans);
    }

    /** Whether the character at {@code offset} of the text is code. */
    boolean contains(int offset) {
        for (int[] s : spans) {
            if (offset >= s[0] && offset < s[1]) {
                return true;
            }
        }
        return false;
    }
}
