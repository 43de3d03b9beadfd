package org.arshif.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.arshif.content.HugoShortcodes;
import org.arshif.content.TableCells;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The links and images of a Markdown body, with where they stand in the source file. Thread-safe. The tree is
 * walked without recursion: a file the load refused for nesting too deep is read here too.
 */
final class MarkdownLinks {
    /** A link or image destination, at a 1-based line and column of the file; {@code alt} is an image's text. */
    record Target(boolean image, String destination, String alt, int line, int column) {}

    private final Parser parser = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    /** @param bodyLine the file line the body starts on, so positions name lines of the file */
    List<Target> targets(String markdown, int bodyLine) {
        // Hugo's shortcodes are read as the build reads them: a figure is an image to check.
        String body = HugoShortcodes.rewrite(markdown).text();
        // Every link and image is written with a '[' (inline, reference, image) or a '<' (autolink); most dispatches
        // have neither, and skip a parse that was the most of a build's check.
        if (body.indexOf('[') < 0 && body.indexOf('<') < 0) {
            return List.of();
        }
        // A table over commonmark's limit is the build's error at the dispatch: no links to check here.
        Optional<Node> parsed = TableCells.parse(parser::parse, body, tooLarge -> {});
        if (parsed.isEmpty()) {
            return List.of();
        }
        List<Target> out = new ArrayList<>();
        for (Node node : inOrder(parsed.get())) {
            if (node instanceof Link link) {
                out.add(target(false, link.getDestination(), "", node, bodyLine));
            } else if (node instanceof Image image) {
                out.add(target(true, image.getDestination(), altText(image), node, bodyLine));
            }
        }
        return out;
    }

    private static Target target(boolean image, String destination, String alt, Node node, int bodyLine) {
        List<SourceSpan> spans = node.getSourceSpans();
        int line = spans.isEmpty() ? bodyLine : bodyLine + spans.get(0).getLineIndex();
        int column = spans.isEmpty() ? 1 : spans.get(0).getColumnIndex() + 1;
        return new Target(image, destination, alt, line, column);
    }

    /** Every node under {@code root}, in document order. */
    private static List<Node> inOrder(Node root) {
        List<Node> out = new ArrayList<>();
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            out.add(n);
            for (Node child = n.getLastChild(); child != null; child = child.getPrevious()) {
                stack.push(child);
            }
        }
        return out;
    }

    /** An image's alt text: the literal text inside its brackets. */
    private static String altText(Image image) {
        StringBuilder sb = new StringBuilder();
        for (Node n : inOrder(image)) {
            if (n instanceof Text text) {
                sb.append(text.getLiteral());
            }
        }
        return sb.toString().strip();
    }
}
