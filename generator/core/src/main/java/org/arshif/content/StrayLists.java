package org.arshif.content;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Plain text saved as {@code .md} whose lines happen to start with {@code - } or {@code 1. }: Markdown makes lists
 * of them. Imported newspaper text does this (776 of 31,000 real articles), and a real list looks different, so
 * only a list that reads like prose is reported:
 * <ul>
 *   <li>a list of one item of {@value #LONE_ITEM_WORDS} words or more (a paragraph that starts with a dash);</li>
 *   <li>a list whose items average {@value #PARAGRAPH_WORDS} words or more (numbered paragraphs);</li>
 *   <li>a list that breaks into a paragraph with no blank line, where the paragraph does not end with a colon
 *       (a hard-wrapped line of prose that starts with a dash).</li>
 * </ul>
 * A list after a blank line, of several short items, is never reported. Immutable and thread-safe.
 */
final class StrayLists {
    static final int LONE_ITEM_WORDS = 12;
    static final int PARAGRAPH_WORDS = 30;
    private static final Pattern MARKER_LINE = Pattern.compile("(?m)^ {0,3}([-+*]|\\d{1,9}[.)])[ \\t]");

    private final Parser parser = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();

    /** The first list that looks like plain text, as a warning at its first marker; parses only when one may be. */
    Optional<MarkdownText.Finding> find(String markdown) {
        if (!MARKER_LINE.matcher(markdown).find()) {
            return Optional.empty();
        }
        // A table over commonmark's limit is the body's error already (MarkdownText): nothing to add here.
        Optional<Node> parsed = TableCells.parse(parser::parse, markdown, tooLarge -> {});
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Node document = parsed.get();
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof ListBlock list && !list.getSourceSpans().isEmpty() && looksLikeProse(list)) {
                SourceSpan at = list.getSourceSpans().get(0);
                String line =
                        markdown.lines().skip(at.getLineIndex()).findFirst().orElse("");
                Matcher m = MARKER_LINE.matcher(line);
                String marker = m.lookingAt() ? m.group(1) : "-";
                String escaped = marker.length() == 1
                        ? "\\" + marker
                        : marker.substring(0, marker.length() - 1) + "\\" + marker.charAt(marker.length() - 1);
                return Optional.of(new MarkdownText.Finding(
                        at.getLineIndex() + 1,
                        at.getColumnIndex() + 1,
                        false,
                        "this plain text will show as a list, because the line starts with '" + marker + " ';"
                                + " write it as .txt, or escape the list markers ('" + escaped + " ')",
                        -1));
            }
        }
        return Optional.empty();
    }

    private static boolean looksLikeProse(ListBlock list) {
        int items = 0;
        int words = 0;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            items++;
            words += words(item);
        }
        if (items == 0) {
            return false;
        }
        if (items == 1 && words >= LONE_ITEM_WORDS || words / items >= PARAGRAPH_WORDS) {
            return true;
        }
        return list.getPrevious() instanceof Paragraph p
                && !p.getSourceSpans().isEmpty()
                && lastLine(p) + 1 == list.getSourceSpans().get(0).getLineIndex()
                && !endsWithColon(p);
    }

    private static int lastLine(Node block) {
        List<SourceSpan> spans = block.getSourceSpans();
        return spans.get(spans.size() - 1).getLineIndex();
    }

    private static boolean endsWithColon(Paragraph p) {
        Node last = p.getLastChild();
        while (last != null && !(last instanceof Text)) {
            last = last.getLastChild() != null ? last.getLastChild() : last.getPrevious();
        }
        return last instanceof Text t && t.getLiteral().strip().endsWith(":");
    }

    private static int words(Node node) {
        int count = 0;
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            count += child instanceof Text t
                    ? (int) t.getLiteral()
                                    .codePoints()
                                    .filter(Character::isWhitespace)
                                    .count()
                            + 1
                    : words(child);
        }
        return count;
    }
}
