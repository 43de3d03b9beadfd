package org.arshif.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Hugo's shortcodes in a Markdown body, written as the Markdown they stand for, so that a migrated archive reads as
 * it comes. {@code figure} becomes an image, {@code highlight} a fenced code block, the embeds ({@code youtube},
 * {@code vimeo}, {@code x}/{@code twitter}/{@code tweet}, {@code instagram}, {@code gist}) links to what they embedded
 * (the pages' Content-Security-Policy allows no third-party frames), {@code ref}/{@code relref} their path, with a
 * warning; any other shortcode loses its tags and keeps the text between them, with a warning naming it. Hugo's
 * escape <code>{{&lt;/&#42; x &#42;/&gt;}}</code> is the literal {@code {{< x >}}}. Every line keeps its number: a shortcode over
 * several lines is replaced by text with as many line breaks. Stateless and thread-safe.
 *
 * <pre>{@code
 * HugoShortcodes.rewrite("{{< figure src=\"a.jpg\" caption=\"The bridge\" >}}").text()
 *     // ![The bridge](a.jpg "The bridge")
 * }</pre>
 */
public final class HugoShortcodes {
    /** Hugo's own shortcodes, named in the warning for any other. */
    static final String KNOWN = "figure, highlight, youtube, vimeo, x, twitter, tweet, instagram, gist, ref, relref";
    /** A shortcode longer than this is taken for text that merely starts like one. */
    private static final int MAX_LENGTH = 16_384;

    private HugoShortcodes() {}

    /** A warning at a 1-based line and column of the body. */
    public record Finding(int line, int column, String message) {}

    /** The body with its shortcodes written as Markdown, and what could not be. */
    public record Rewritten(String text, List<Finding> findings) {}

    /** One parsed shortcode: its name, parameters (positional ones under "0", "1", …), and form. */
    record Shortcode(String name, Map<String, String> params, boolean closing, char delimiter) {
        String param(String key, int position) {
            String v = params.get(key);
            return v != null ? v : params.get(Integer.toString(position));
        }
    }

    /** The body with its shortcodes rewritten; the same string when it has none. */
    public static Rewritten rewrite(String markdown) {
        if (!markdown.contains("{{<") && !markdown.contains("{{%")) {
            return new Rewritten(markdown, List.of());
        }
        StringBuilder out = new StringBuilder(markdown.length());
        Map<String, Finding> unknown = new TreeMap<>();
        Map<String, Integer> unknownCount = new TreeMap<>();
        List<Finding> findings = new ArrayList<>();
        Cursor cursor = new Cursor(markdown);
        Openings openings = new Openings(markdown);
        int copied = 0;
        int from = 0;
        Unclosed unclosed = new Unclosed();
        while (true) {
            int at = openings.next(from);
            if (at < 0) {
                break;
            }
            char delimiter = markdown.charAt(at + 2);
            int end = ShortcodeSyntax.end(markdown, at, delimiter, MAX_LENGTH);
            if (end < 0) {
                from = at + 3; // text that starts like a shortcode: it stays as written, with one warning a file
                unclosed.at(cursor.at(at), delimiter);
                continue;
            }
            out.append(markdown, copied, at);
            String source = markdown.substring(at, end);
            String escaped = ShortcodeSyntax.unescaped(source, delimiter);
            if (escaped != null) {
                out.append(escaped);
            } else {
                Shortcode code = ShortcodeSyntax.parse(source, delimiter);
                int[] position = cursor.at(at);
                if (code == null) {
                    out.append(source);
                    findings.add(new Finding(position[0], position[1], malformed(delimiter)));
                } else {
                    out.append(markdownOf(code, position, findings, unknown, unknownCount));
                }
            }
            source.chars().filter(c -> c == '\n').forEach(c -> out.append('\n'));
            copied = end;
            from = end;
        }
        out.append(markdown, copied, markdown.length());
        unknown.forEach((name, first) -> {
            int more = unknownCount.get(name) - 1;
            findings.add(new Finding(
                    first.line(),
                    first.column(),
                    first.message() + (more > 0 ? " (" + more + " more in this file)" : "")));
        });
        unclosed.finding().ifPresent(findings::add);
        findings.sort(Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column));
        return new Rewritten(out.toString(), List.copyOf(findings));
    }

    /** Where the next {@code {{<} and {@code {{%} are; each searched for again only once passed (linear time). */
    private static final class Openings {
        private final String text;
        private int angle = -2;
        private int percent = -2;

        Openings(String text) {
            this.text = text;
        }

        int next(int from) {
            if (angle != -1 && angle < from) {
                angle = text.indexOf("{{<", from);
            }
            if (percent != -1 && percent < from) {
                percent = text.indexOf("{{%", from);
            }
            return angle < 0 ? percent : percent < 0 ? angle : Math.min(angle, percent);
        }
    }

    private static String markdownOf(
            Shortcode code,
            int[] position,
            List<Finding> findings,
            Map<String, Finding> unknown,
            Map<String, Integer> unknownCount) {
        String open = "{{" + code.delimiter() + " ";
        String close = " " + ShortcodeSyntax.closer(code.delimiter()) + "}}";
        switch (code.name()) {
            case "figure" -> {
                String figure = ShortcodeMarkdown.figure(code);
                if (figure == null) {
                    findings.add(
                            new Finding(
                                    position[0],
                                    position[1],
                                    open + "figure" + close
                                            + " has no src: it is left out; write src=\"photo.jpg\", or the image as ![text](photo.jpg)"));
                    return "";
                }
                return code.closing() ? "" : figure;
            }
            case "highlight" -> {
                return code.closing() ? "```" : "```" + nonNull(code.param("lang", 0));
            }
            case "youtube", "vimeo", "x", "twitter", "tweet", "instagram", "gist" -> {
                return code.closing() ? "" : ShortcodeMarkdown.embedLink(code);
            }
            case "ref", "relref" -> {
                String path = nonNull(code.param("path", 0));
                findings.add(new Finding(
                        position[0],
                        position[1],
                        open + code.name() + " \"" + path + "\"" + close
                                + " is not resolved: Arshif links by URL; write the linked dispatch's URL, like"
                                + " /ar/2024/03/its-slug/, in its place"));
                return path;
            }
            default -> {
                if (!code.closing()) {
                    unknownCount.merge(code.name(), 1, Integer::sum);
                    unknown.putIfAbsent(
                            code.name(),
                            new Finding(
                                    position[0],
                                    position[1],
                                    open + code.name() + close
                                            + " is a shortcode of the Hugo site, not one Arshif reads (" + KNOWN
                                            + "): its tags are"
                                            + " left out of the page and the text between them kept; write what it made as Markdown"));
                }
                return "";
            }
        }
    }

    private static String malformed(char delimiter) {
        char closer = ShortcodeSyntax.closer(delimiter);
        return "'{{" + delimiter + "' starts a Hugo shortcode Arshif cannot read (a name, then parameters like"
                + " key=\"value\", then '" + closer + "}}'); it stays text: correct it, or escape it as {{"
                + delimiter + "/* … */" + closer + "}}";
    }

    /** The shortcodes opened and never closed: one warning a file, at the first, with the count of the rest. */
    private static final class Unclosed {
        private Finding first;
        private int count;

        void at(int[] position, char delimiter) {
            if (first == null) {
                char closer = ShortcodeSyntax.closer(delimiter);
                first = new Finding(
                        position[0],
                        position[1],
                        "'{{" + delimiter + "' opens a Hugo shortcode that is never closed by '" + closer
                                + "}}', so it is published as text, braces and all; close it, or delete what is left"
                                + " of it");
            }
            count++;
        }

        Optional<Finding> finding() {
            return first == null
                    ? Optional.empty()
                    : Optional.of(new Finding(
                            first.line(),
                            first.column(),
                            first.message() + (count > 1 ? " (" + (count - 1) + " more in this file)" : "")));
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** 1-based lines and columns (UTF-16 units, as the other Markdown findings), asked for in increasing order. */
    private static final class Cursor {
        private final String text;
        private int index;
        private int line = 1;
        private int lineStart;

        Cursor(String text) {
            this.text = text;
        }

        int[] at(int target) {
            for (; index < target; index++) {
                if (text.charAt(index) == '\n') {
                    line++;
                    lineStart = index + 1;
                }
            }
            return new int[] {line, target - lineStart + 1};
        }
    }
}
