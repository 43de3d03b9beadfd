package org.arshif.internal.yaml;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arshif.diag.Diagnostics;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Parses TOML (Hugo's {@code +++} front-matter) with tomlj into the same position-carrying {@link YNode}s as
 * YAML, so every key is read and checked the same way. Dates and times stay text (as YAML 1.2 keeps them), in
 * ISO form: {@code 2017-05-01}, {@code 2017-05-01T10:00+03:00}.
 */
public final class TomlReader {
    /** Tables and arrays inside each other, as for YAML; front-matter needs two or three. */
    static final int MAX_DEPTH = 64;

    private TomlReader() {}

    /**
     * @param lineOffset lines before the TOML text in its file (1 after an opening {@code +++})
     * @return the root table, or empty when the text could not be parsed (then every error was reported)
     */
    public static Optional<YNode> parse(String toml, String path, int lineOffset, Diagnostics diagnostics) {
        int[] tooDeep = firstTooDeep(toml);
        if (tooDeep != null) {
            // tomlj's ANTLR parser recurses once per bracket: 100,000 of them overflowed the stack.
            diagnostics.error(
                    path,
                    tooDeep[0] + lineOffset,
                    tooDeep[1],
                    "the TOML is nested more than " + MAX_DEPTH + " levels deep; flatten it");
            return Optional.empty();
        }
        TomlParseResult result = Toml.parse(toml);
        if (result.hasErrors()) {
            for (TomlParseError e : result.errors()) {
                TomlPosition p = e.position();
                diagnostics.error(
                        path,
                        p.line() + lineOffset,
                        p.column(),
                        "malformed TOML: " + e.getMessage() + "; " + fix(toml, p.line()));
            }
            return Optional.empty();
        }
        Converter converter = new Converter(path, lineOffset, diagnostics);
        try {
            return Optional.of(converter.table(result, 1, 1, 0));
        } catch (TooDeep e) {
            return Optional.empty();
        }
    }

    /** A time without seconds ({@code 2017-05-04T10:00}), which TOML 1.0 (and Hugo, with it) refuses. */
    private static final Pattern NO_SECONDS = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2})(?![:\\d])");

    /** The fix for a TOML error on {@code line} (1-based): the seconds a time lacks, or how keys are written. */
    private static String fix(String toml, int line) {
        String text = toml.lines().skip(Math.max(0, line - 1)).findFirst().orElse("");
        Matcher m = NO_SECONDS.matcher(text);
        return m.find()
                ? "a time in TOML has its seconds (Hugo refuses it too): write " + m.group(1) + ":00"
                : "write keys as key = \"text\", and dates as 2017-05-01";
    }

    /**
     * Line and column of the first bracket or brace past {@link #MAX_DEPTH} levels, outside strings and comments,
     * or null: a quick scan, so that no parser sees such a text. Serves JSON too (its strings are TOML's basic
     * strings, and '#' or ''' outside them is an error anyway).
     */
    static int[] firstTooDeep(String toml) {
        int depth = 0;
        int line = 1;
        int lineStart = 0;
        char quote = 0;
        for (int i = 0; i < toml.length(); i++) {
            char c = toml.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                quote = 0; // only multi-line strings span lines, and brackets in them are rare
            } else if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#') {
                int end = toml.indexOf('\n', i);
                i = end < 0 ? toml.length() : end - 1;
            } else if (c == '[' || c == '{') {
                if (++depth > MAX_DEPTH) {
                    return new int[] {line, i - lineStart + 1};
                }
            } else if (c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            }
        }
        return null;
    }

    private static final class TooDeep extends Exception {
        TooDeep() {
            super(null, null, false, false);
        }
    }

    private record Converter(String path, int lineOffset, Diagnostics diagnostics) {
        YNode.Map table(TomlTable table, int line, int column, int depth) throws TooDeep {
            checkDepth(line, column, depth);
            Map<String, YNode> entries = new LinkedHashMap<>();
            Map<String, YNode.Scalar> keys = new LinkedHashMap<>();
            // tomlj keeps keys in no particular order: in the order of the file, for determinism and reading.
            Map<Long, String> byPosition = new TreeMap<>();
            for (String key : table.keySet()) {
                TomlPosition p = table.inputPositionOf(List.of(key));
                byPosition.put(
                        p == null ? Long.MAX_VALUE - byPosition.size() : (long) p.line() << 32 | p.column(), key);
            }
            for (String key : byPosition.values()) {
                TomlPosition p = table.inputPositionOf(List.of(key));
                int keyLine = p == null ? line : p.line() + lineOffset;
                int keyColumn = p == null ? column : p.column();
                keys.put(key, new YNode.Scalar(key, YNode.ScalarKind.STRING, keyLine, keyColumn));
                entries.put(key, value(table.get(List.of(key)), keyLine, keyColumn, depth + 1));
            }
            return new YNode.Map(entries, keys, line, column);
        }

        private YNode value(Object v, int line, int column, int depth) throws TooDeep {
            if (v instanceof TomlTable t) {
                return table(t, line, column, depth);
            }
            if (v instanceof TomlArray a) {
                checkDepth(line, column, depth);
                List<YNode> items = new ArrayList<>();
                for (int i = 0; i < a.size(); i++) {
                    TomlPosition p = a.inputPositionOf(i);
                    items.add(value(
                            a.get(i),
                            p == null ? line : p.line() + lineOffset,
                            p == null ? column : p.column(),
                            depth + 1));
                }
                return new YNode.Seq(items, line, column);
            }
            String text = v instanceof String string
                    ? EscapedControls.clean(string, path, line, column, diagnostics)
                    : String.valueOf(v);
            return new YNode.Scalar(text, kind(v), line, column);
        }

        private static YNode.ScalarKind kind(Object v) {
            if (v instanceof Long) {
                return YNode.ScalarKind.INT;
            }
            if (v instanceof Double) {
                return YNode.ScalarKind.FLOAT;
            }
            if (v instanceof Boolean) {
                return YNode.ScalarKind.BOOL;
            }
            // Strings, and dates and times as ISO text.
            assert v instanceof String
                            || v instanceof OffsetDateTime
                            || v instanceof LocalDateTime
                            || v instanceof LocalDate
                            || v instanceof LocalTime
                    : v;
            return YNode.ScalarKind.STRING;
        }

        private void checkDepth(int line, int column, int depth) throws TooDeep {
            if (depth > MAX_DEPTH) {
                diagnostics.error(
                        path, line, column, "the TOML is nested more than " + MAX_DEPTH + " levels deep; flatten it");
                throw new TooDeep();
            }
        }
    }
}
