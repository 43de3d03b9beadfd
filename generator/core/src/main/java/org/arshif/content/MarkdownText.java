package org.arshif.content;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.arshif.internal.SourceText;
import org.arshif.internal.TextControls;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;
import org.commonmark.renderer.text.TextContentNodeRendererContext;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Markdown bodies: CommonMark plus GFM tables. Built once, immutable and thread-safe like the CommonMark
 * objects it holds.
 */
public final class MarkdownText {
    /** The schemes a body's links keep; a phone number's {@code tel:} besides the renderer's own. */
    public static final List<String> LINK_SCHEMES = List.of("http", "https", "mailto", "tel");

    /**
     * The schemes a body's images keep. {@code data:} only for images: browsers refuse to open a {@code data:} page
     * from a link (it was a way to run a script from a trusted site), so such a link would lead nowhere.
     */
    public static final List<String> IMAGE_SCHEMES = List.of("http", "https", "data");

    /**
     * Blocks and inlines inside each other: quotes in quotes, lists in lists. Rendering recurses once per level, so
     * 20,000 '>' overflowed the stack; real dispatches stay far below this.
     */
    public static final int MAX_DEPTH = 100;

    private static final Pattern NUMERIC_REFERENCE = Pattern.compile("&#(?:([0-9]{1,7})|[xX]([0-9a-fA-F]{1,6}));");

    private final Parser parser;
    private final HtmlRenderer html;
    private final TextContentRenderer text;
    private final boolean rawHtml;
    private final boolean nofollowExternal;
    private final String baseUrl;

    /** The pixel size of an image a body shows, by its destination as written; empty when unknown. */
    @FunctionalInterface
    public interface ImageSizes {
        ImageSizes NONE = destination -> Optional.empty();

        Optional<int[]> of(String destination);
    }

    /** @param rawHtml let raw HTML through; when false it is escaped and shows as text */
    public MarkdownText(boolean rawHtml) {
        this(rawHtml, false, "");
    }

    /**
     * @param rawHtml          let raw HTML through; when false it is escaped and shows as text
     * @param nofollowExternal {@code rel="nofollow"} on links to other sites
     * @param baseUrl          the site's own URL (links under it are internal), or empty
     */
    public MarkdownText(boolean rawHtml, boolean nofollowExternal, String baseUrl) {
        List<Extension> extensions = List.of(TablesExtension.create());
        this.rawHtml = rawHtml;
        this.parser = Parser.builder().extensions(extensions).build();
        this.nofollowExternal = nofollowExternal;
        this.baseUrl = baseUrl;
        this.html = renderer(ImageSizes.NONE);
        this.text = TextContentRenderer.builder()
                .extensions(extensions)
                .nodeRendererFactory(PlainInlines::new)
                .build();
    }

    /**
     * @param title      the title found in the body (a leading level-1 heading, removed from the body), if any
     * @param html       the body as HTML
     * @param plainText  the body as plain text
     * @param firstParagraph plain text of the first paragraph, for a summary
     * @param findings       problems, at lines and columns within the Markdown text
     */
    public record Converted(
            Optional<String> title, String html, String plainText, String firstParagraph, List<Finding> findings) {
        public Converted {
            findings = List.copyOf(findings);
        }

        /** Control characters, dropped from every output, and what made a text unusable. */
        Converted withoutControls(String markdown) {
            // A control reaches the outputs only from the Markdown itself or from a character reference (&#27;):
            // without either, they are not joined and scanned (a read file's text was cleaned already).
            if (markdown.indexOf('&') < 0 && TextControls.first(markdown) < 0) {
                return this;
            }
            // The title's heading is no longer in the body, so it is looked at too.
            String all = title.orElse("") + html + plainText;
            int first = TextControls.first(all);
            if (first < 0) {
                return this;
            }
            Finding where = controlReference(markdown, all.codePointAt(first));
            return new Converted(
                    title.map(TextControls::strip),
                    TextControls.strip(html),
                    TextControls.strip(plainText),
                    TextControls.strip(firstParagraph),
                    Stream.concat(findings.stream(), Stream.of(where)).toList());
        }
    }

    /** A problem in the Markdown text; {@code codePoint} is the control character a warning is about, else -1. */
    public record Finding(int line, int column, boolean error, String message, int codePoint) {}

    /**
     * The body's renderer: every image loads lazily and decodes off the main thread, and gets its {@code width} and
     * {@code height} when known, so the page does not jump as photos arrive.
     */
    private HtmlRenderer renderer(ImageSizes sizes) {
        List<Extension> extensions = List.of(TablesExtension.create());
        // sanitizeUrls keeps javascript: links out, but also puts rel="nofollow" on every link: LinkRel decides.
        // A link of any other scheme is published empty, and the check says so (LinkProblem.droppedScheme).
        return HtmlRenderer.builder()
                .extensions(extensions)
                .escapeHtml(!rawHtml)
                .sanitizeUrls(true)
                .urlSanitizer(new KeptSchemes())
                .attributeProviderFactory(context -> new LinkRel(nofollowExternal, baseUrl))
                .attributeProviderFactory(context -> imageAttributes(sizes))
                .build();
    }

    /** Links and images, each with the schemes it keeps; a {@code data:} image only of an image type. */
    private static final class KeptSchemes implements UrlSanitizer {
        private static final UrlSanitizer LINKS = new DefaultUrlSanitizer(LINK_SCHEMES);
        private static final UrlSanitizer IMAGES = new DefaultUrlSanitizer(IMAGE_SCHEMES);

        @Override
        public String sanitizeLinkUrl(String url) {
            return LINKS.sanitizeLinkUrl(url);
        }

        @Override
        public String sanitizeImageUrl(String url) {
            String kept = IMAGES.sanitizeImageUrl(url);
            return isDataOtherThanImage(kept) ? "" : kept;
        }
    }

    /**
     * Whether a body keeps a link ({@code image} false) or an image to {@code dest}, whose scheme is {@code scheme}
     * (lower case): the rule {@link KeptSchemes} renders by, for the check that names what it drops.
     */
    public static boolean keeps(boolean image, String scheme, String dest) {
        return image ? IMAGE_SCHEMES.contains(scheme) && !isDataOtherThanImage(dest) : LINK_SCHEMES.contains(scheme);
    }

    /** Whether {@code dest} is a {@code data:} address of another type than an image ({@code data:text/html,…}). */
    private static boolean isDataOtherThanImage(String dest) {
        String lower = dest.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("data:") && !lower.startsWith("data:image/");
    }

    private static AttributeProvider imageAttributes(ImageSizes sizes) {
        return (node, tagName, attributes) -> {
            if (node instanceof Image image) {
                sizes.of(image.getDestination()).ifPresent(size -> {
                    attributes.put("width", Integer.toString(size[0]));
                    attributes.put("height", Integer.toString(size[1]));
                });
                attributes.put("loading", "lazy");
                attributes.put("decoding", "async");
            }
        };
    }

    public Converted convert(String markdown, boolean takeTitleFromHeading) {
        return convert(markdown, takeTitleFromHeading, ImageSizes.NONE);
    }

    /** @param sizes the sizes of the images the body shows (a renderer is made for a body that has any) */
    public Converted convert(String markdown, boolean takeTitleFromHeading, ImageSizes sizes) {
        List<Finding> tooLarge = new ArrayList<>(1);
        Optional<Node> parsed = TableCells.parse(parser::parse, markdown, tooLarge::add);
        if (parsed.isEmpty()) {
            return new Converted(Optional.empty(), "", "", "", tooLarge);
        }
        Node document = parsed.get();
        if (!rawHtml && markdown.contains("<!--")) {
            HtmlComments.drop(document); // else published as text; with raw HTML on, a comment shows nothing
        }
        if (tooDeepNode(document) != null) {
            return new Converted(Optional.empty(), "", "", "", List.of(tooDeep(markdown)));
        }
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
        HtmlRenderer bodyHtml = sizes == ImageSizes.NONE || markdown.indexOf("](") < 0 && markdown.indexOf("]:") < 0
                ? html
                : renderer(sizes);
        List<Finding> escaped = rawHtml || markdown.indexOf('<') < 0
                ? List.of()
                : EscapedHtml.warning(document, markdown).stream().toList();
        return new Converted(
                        title, bodyHtml.render(document), text.render(document).strip(), firstParagraph, escaped)
                .withoutControls(markdown);
    }

    /** The first node nested deeper than {@link #MAX_DEPTH}, found without recursion; null when there is none. */
    private static Node tooDeepNode(Node root) {
        Deque<Node> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(root);
        depths.push(0);
        while (!nodes.isEmpty()) {
            Node n = nodes.pop();
            int d = depths.pop();
            if (d > MAX_DEPTH) {
                return n;
            }
            for (Node child = n.getLastChild(); child != null; child = child.getPrevious()) {
                nodes.push(child);
                depths.push(d + 1);
            }
        }
        return null;
    }

    /** The error for Markdown nested too deep, at the block that is; parsed again only to find its line. */
    private Finding tooDeep(String markdown) {
        Node root = Parser.builder()
                .extensions(List.of(TablesExtension.create()))
                .includeSourceSpans(IncludeSourceSpans.BLOCKS)
                .build()
                .parse(markdown);
        int line = 0;
        for (Node n = tooDeepNode(root); n != null; n = n.getParent()) {
            if (!n.getSourceSpans().isEmpty()) {
                line = n.getSourceSpans().get(0).getLineIndex();
                break;
            }
        }
        return new Finding(
                line + 1,
                1,
                true,
                "the Markdown is nested more than " + MAX_DEPTH
                        + " levels deep (quotes, lists or emphasis inside each other); flatten it",
                -1);
    }

    /** Where a character reference like {@code &#27;} wrote the control character, or the text's start. */
    private static Finding controlReference(String markdown, int codePoint) {
        Matcher m = NUMERIC_REFERENCE.matcher(markdown);
        while (m.find()) {
            int cp = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
            if (cp == codePoint) {
                int[] at = SourceText.lineAndColumn(markdown, m.start());
                return new Finding(at[0], at[1], false, "", cp);
            }
        }
        return new Finding(1, 1, false, "", codePoint);
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

    /** {@code rel="nofollow"} only on links to other sites, and only when the site asks for it. */
    private record LinkRel(boolean nofollowExternal, String baseUrl) implements AttributeProvider {
        private static final Pattern EXTERNAL = Pattern.compile("^(?i:https?:)?//.*");

        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (!(node instanceof Link link)) {
                return;
            }
            attributes.remove("rel");
            String destination = link.getDestination();
            boolean own = !baseUrl.isEmpty() && destination.startsWith(baseUrl);
            if (nofollowExternal && !own && EXTERNAL.matcher(destination).matches()) {
                attributes.put("rel", "nofollow");
            }
        }
    }

    /** For tests and tools: renders a fragment with no title handling. */
    public String toHtml(String markdown) {
        Document d = (Document) parser.parse(markdown);
        return html.render(d);
    }
}
