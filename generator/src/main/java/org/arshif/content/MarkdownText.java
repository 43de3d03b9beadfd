package org.arshif.content;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentNodeRendererContext;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Markdown bodies: CommonMark plus GFM tables. Built once, immutable and thread-safe like the CommonMark
 * objects it holds.
 */
public final class MarkdownText {
    private final Parser parser;
    private final HtmlRenderer html;
    private final TextContentRenderer text;

    /** @param rawHtml let raw HTML through; when false it is escaped and shows as text */
    public MarkdownText(boolean rawHtml) {
        List<Extension> extensions = List.of(TablesExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.html = HtmlRenderer.builder().extensions(extensions).escapeHtml(!rawHtml).sanitizeUrls(true).build();
        this.text = TextContentRenderer.builder().extensions(extensions).nodeRendererFactory(PlainInlines::new)
                .build();
    }

    /**
     * @param title      the title found in the body (a leading level-1 heading, removed from the body), if any
     * @param html       the body as HTML
     * @param plainText  the body as plain text
     * @param firstParagraph plain text of the first paragraph, for a summary
     */
    public record Converted(Optional<String> title, String html, String plainText, String firstParagraph) {
    }

    public Converted convert(String markdown, boolean takeTitleFromHeading) {
        Node document = parser.parse(markdown);
        Optional<String> title = Optional.empty();
        if (takeTitleFromHeading) {
            Node first = document.getFirstChild();
            if (first instanceof Heading h && h.getLevel() == 1) {
                title = Optional.of(text.render(h).strip());
                h.unlink();
            }
        }
        String firstParagraph = "";
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Paragraph) {
                firstParagraph = text.render(n).strip();
                break;
            }
        }
        return new Converted(title, html.render(document), text.render(document).strip(), firstParagraph);
    }

    /**
     * Plain text keeps what a reader sees: a link's text without its URL, code without quotes around it, an
     * image's alt text. (CommonMark's text renderer writes {@code "text" (url)} and {@code "code"}, which then
     * showed in summaries and search text.)
     */
    private static final class PlainInlines implements NodeRenderer {
        private final TextContentNodeRendererContext context;

        PlainInlines(TextContentNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Link.class, Image.class, Code.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof Code code) {
                context.getWriter().write(code.getLiteral());
                return;
            }
            for (Node child = node.getFirstChild(); child != null; ) {
                Node next = child.getNext();
                context.render(child);
                child = next;
            }
        }
    }

    /** For tests and tools: renders a fragment with no title handling. */
    public String toHtml(String markdown) {
        Document d = (Document) parser.parse(markdown);
        return html.render(d);
    }
}
