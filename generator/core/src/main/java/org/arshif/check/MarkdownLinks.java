package org.arshif.check;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/** The links and images of a Markdown body, with where they stand in the source file. Thread-safe. */
final class MarkdownLinks {
    /** A link or image destination, at a 1-based line and column of the file. */
    record Target(boolean image, String destination, int line, int column) {
    }

    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    /** @param bodyLine the file line the body starts on, so positions name lines of the file */
    List<Target> targets(String body, int bodyLine) {
        List<Target> out = new ArrayList<>();
        parser.parse(body).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                add(false, link.getDestination(), link);
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                add(true, image.getDestination(), image);
                visitChildren(image);
            }

            private void add(boolean image, String destination, Node node) {
                List<SourceSpan> spans = node.getSourceSpans();
                int line = spans.isEmpty() ? bodyLine : bodyLine + spans.get(0).getLineIndex();
                int column = spans.isEmpty() ? 1 : spans.get(0).getColumnIndex() + 1;
                out.add(new Target(image, destination, line, column));
            }
        });
        return out;
    }
}
