package org.arshif.content;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;

/**
 * CommonMark's tables stop parsing at {@link TablesExtension#DEFAULT_MAX_CELLS} cells in one table (a guard against
 * input that would take quadratic memory) by throwing; this turns that into a finding at the table, instead of a
 * build that ends with an unexpected error. Stateless.
 */
public final class TableCells {
    /** commonmark's own wording, the only way to tell its limit from any other failure. */
    private static final String LIMIT_MESSAGE = "maximum number of cells";

    private TableCells() {}

    /**
     * The parsed document, or the finding for a table over the limit.
     *
     * <pre>{@code
     * Optional<Node> doc = TableCells.parse(parser::parse, markdown, finding -> report(finding));
     * }</pre>
     */
    public static <T extends Node> Optional<T> parse(
            Function<String, T> parse, String markdown, Consumer<MarkdownText.Finding> over) {
        try {
            return Optional.of(parse.apply(markdown));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() == null || !e.getMessage().contains(LIMIT_MESSAGE)) {
                throw e;
            }
            over.accept(finding(markdown));
            return Optional.empty();
        }
    }

    /** The error at the first table whose columns times rows pass the limit (the text's start if none is seen). */
    static MarkdownText.Finding finding(String markdown) {
        List<String> lines = markdown.lines().toList();
        for (int i = 1; i < lines.size(); i++) {
            long columns = delimiterColumns(lines.get(i));
            if (columns == 0) {
                continue;
            }
            long rows = 1;
            for (int j = i + 1; j < lines.size() && !lines.get(j).isBlank(); j++) {
                rows++;
            }
            if (columns * rows > TablesExtension.DEFAULT_MAX_CELLS) {
                return tooMany(i, columns, rows);
            }
        }
        return tooMany(0, 0, 0);
    }

    /**
     * The columns of a GFM delimiter row (cells of dashes with optional colons, at least one pipe), or 0 when the
     * line is not one. A scan, not a regular expression: a row of 20,000 cells overflowed java.util.regex's stack.
     */
    static long delimiterColumns(String line) {
        String row = line.strip();
        if (row.indexOf('|') < 0 || line.length() - line.stripLeading().length() > 3) {
            return 0;
        }
        int from = row.startsWith("|") ? 1 : 0;
        int to = row.endsWith("|") && row.length() > from ? row.length() - 1 : row.length();
        long columns = 0;
        for (String cell : row.substring(from, to).split("\\|", -1)) {
            String c = cell.strip();
            int start = c.startsWith(":") ? 1 : 0;
            int end = c.endsWith(":") && c.length() > start ? c.length() - 1 : c.length();
            if (end <= start || !c.substring(start, end).chars().allMatch(ch -> ch == '-')) {
                return 0;
            }
            columns++;
        }
        return columns;
    }

    private static MarkdownText.Finding tooMany(int headerLine, long columns, long rows) {
        String size = columns == 0 ? "a table" : "this table of " + columns + " columns and " + rows + " rows";
        return new MarkdownText.Finding(
                headerLine == 0 ? 1 : headerLine,
                1,
                true,
                size + " has more than the " + String.format(Locale.ROOT, "%,d", TablesExtension.DEFAULT_MAX_CELLS)
                        + " cells a table may have; split it into smaller tables, or put the data in a CSV file"
                        + " beside the dispatch and link to it",
                -1);
    }
}
