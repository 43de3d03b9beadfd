package org.arshif.content;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.SourceText;
import org.arshif.internal.yaml.JsonReader;
import org.arshif.internal.yaml.TomlReader;
import org.arshif.internal.yaml.YFields;
import org.arshif.internal.yaml.YNode;
import org.arshif.internal.yaml.YamlReader;

/**
 * A file's text split into its front-matter and its body, in any of Hugo's three forms: YAML between {@code ---}
 * lines, TOML between {@code +++} lines, or a JSON object that starts the file ({@code {} on line 1).
 *
 * @param text     the front-matter text (for JSON, the object with its braces), or empty when the file has none
 * @param format   the front-matter's language
 * @param body     everything after the closing line
 * @param bodyLine 1-based line at which the body starts
 */
public record FrontMatterSplit(Optional<String> text, Format format, String body, int bodyLine) {

    /** The languages front-matter is written in, by the fence that opens it. */
    public enum Format {
        YAML("---"),
        TOML("+++"),
        JSON("{");

        private final String fence;

        Format(String fence) {
            this.fence = fence;
        }
    }

    /** Thrown for a front-matter block that is opened but never closed, or opened where it does not count. */
    public static final class UnclosedException extends Exception {
        UnclosedException(String fence) {
            super("front-matter opened with '" + fence + "' on line 1 is never closed; add a line with '" + fence
                    + "' after it");
        }

        private UnclosedException(String message, boolean own) {
            super(message);
        }
    }

    /** A line that opens front-matter anywhere but where it counts, and the key line after it. */
    private static final Pattern LATE_FENCE =
            Pattern.compile("\\A(?:[\\s\\uFEFF]|<!--(?s:.*?)-->)*?(?:^|\\n)[\\uFEFF]*(-{3,}|\\+{3,})[ \\t]*\\n"
                    + "[ \\t]*[A-Za-z_][\\w-]*[ \\t]*[:=]");

    /**
     * Front-matter the file meant to have but does not, as Arshif reads it: its fence after blank lines, an HTML
     * comment or a second byte-order mark, or four dashes. Without a word its keys would become the body's text, and the file
     * would be refused for "no title". Null when the file does not look so.
     */
    private static UnclosedException misplaced(String text) {
        Matcher m = LATE_FENCE.matcher(text);
        if (!m.lookingAt()) {
            return null;
        }
        String fence = m.group(1);
        int line = 1
                + (int) text.substring(0, m.start(1))
                        .chars()
                        .filter(c -> c == '\n')
                        .count();
        if (fence.length() > 3) {
            return new UnclosedException(
                    "the file opens with '" + fence + "', but front-matter opens with exactly three: '---' (YAML)"
                            + " or '+++' (TOML); write three, and close it with the same",
                    true);
        }
        String where = line > 1
                ? "is on line " + line
                : "comes after an invisible byte-order mark (U+FEFF, a second one, or one pasted in)";
        boolean comment = text.substring(0, m.start(1)).contains("<!--");
        return new UnclosedException(
                "the front-matter's '" + fence + "' " + where + (comment ? ", after an HTML comment," : ",")
                        + " but front-matter must open the file; "
                        + (comment
                                ? "move the comment below the front-matter, or delete it"
                                : "delete what comes before it")
                        + ", else its keys are read as text",
                true);
    }

    public static FrontMatterSplit of(String text) throws UnclosedException {
        if (text.startsWith("{")) {
            return json(text);
        }
        int firstEnd = text.indexOf('\n');
        String first = (firstEnd < 0 ? text : text.substring(0, firstEnd)).stripTrailing();
        for (Format format : new Format[] {Format.YAML, Format.TOML}) {
            if (first.equals(format.fence)) {
                return fenced(text, format, firstEnd < 0 ? text.length() + 1 : firstEnd + 1);
            }
        }
        UnclosedException late = misplaced(text);
        if (late != null) {
            throw late;
        }
        return new FrontMatterSplit(Optional.empty(), Format.YAML, text, 1);
    }

    /** @param start where the line after the opening fence starts */
    private static FrontMatterSplit fenced(String text, Format format, int start) throws UnclosedException {
        int line = 2;
        int pos = start;
        while (pos <= text.length()) {
            int end = text.indexOf('\n', pos);
            String current = (end < 0 ? text.substring(pos) : text.substring(pos, end)).stripTrailing();
            if (current.equals(format.fence) || format == Format.YAML && current.equals("...")) {
                String body = end < 0 ? "" : text.substring(end + 1);
                return new FrontMatterSplit(Optional.of(text.substring(start, pos)), format, body, line + 1);
            }
            if (end < 0) {
                break;
            }
            pos = end + 1;
            line++;
        }
        throw new UnclosedException(format.fence);
    }

    /** Hugo's JSON front-matter: the object that opens the file; the body starts on the line after it. */
    private static FrontMatterSplit json(String text) {
        int end = JsonReader.objectEnd(text);
        int lineEnd = text.indexOf('\n', end);
        String body = lineEnd < 0 ? "" : text.substring(lineEnd + 1);
        int bodyLine = (int) text.substring(0, lineEnd < 0 ? text.length() : lineEnd)
                        .chars()
                        .filter(c -> c == '\n')
                        .count()
                + 2;
        return new FrontMatterSplit(Optional.of(text.substring(0, end)), Format.JSON, body, bodyLine);
    }

    /**
     * The front-matter as a tree of values with their lines and columns in the file; empty when there is none,
     * or when it could not be parsed (then an error went to {@code diagnostics}).
     */
    public Optional<YNode> parse(String path, Diagnostics diagnostics) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return switch (format) {
            case YAML -> YamlReader.parse(text.get(), path, 1, diagnostics);
            case TOML -> TomlReader.parse(text.get(), path, 1, diagnostics);
            case JSON -> JsonReader.parse(text.get(), path, 0, diagnostics);
        };
    }

    /** The decoded file split from its front-matter; empty (with a finding) when nothing more can be checked. */
    static Optional<Read> read(String path, byte[] bytes, long maxBytes, Diagnostics d) {
        if (bytes.length > maxBytes) {
            d.error(
                    path,
                    1,
                    1,
                    String.format(
                            Locale.ROOT,
                            "the file is %.1f MB, over the %.1f MB limit"
                                    + " for one dispatch; split it, or raise maxFileSize in arshif.yml",
                            bytes.length / 1048576.0,
                            maxBytes / 1048576.0));
            return Optional.empty();
        }
        SourceText source = SourceText.decode(path, NelLineEnds.inFrontMatter(path, bytes, d));
        d.addAll(source.findings());
        String empty = Titles.emptyFileProblem(source.text());
        if (empty != null) {
            d.error(path, 1, 1, empty);
            return Optional.empty();
        }
        FrontMatterSplit split;
        try {
            split = FrontMatterSplit.of(source.text());
        } catch (FrontMatterSplit.UnclosedException e) {
            d.error(path, 1, 1, e.getMessage());
            return Optional.empty();
        }
        if (split.text().isEmpty()) {
            return Optional.of(new Read(split, YFields.empty(path, d)));
        }
        Optional<YNode> node = split.parse(path, d);
        if (node.isEmpty()) {
            // Malformed front-matter: what it meant to say is unknown, so nothing else is checked.
            return d.hasErrors() ? Optional.empty() : Optional.of(new Read(split, YFields.empty(path, d)));
        }
        if (node.get() instanceof YNode.Map map) {
            return Optional.of(new Read(split, new YFields(map, path, d)));
        }
        d.error(
                path,
                split.format() == FrontMatterSplit.Format.JSON ? 1 : 2,
                1,
                "front-matter must be a mapping" + " of keys to values, like 'title: ...'");
        return Optional.empty();
    }

    /** A file's front-matter split from its body, and its keys. */
    record Read(FrontMatterSplit split, YFields fields) {}
}
