package org.arshif.internal.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.SourceText;

/**
 * Parses JSON (Hugo's front-matter that is a leading {@code { ... }} object) with Jackson's streaming parser into
 * the same position-carrying {@link YNode}s as YAML. Duplicate keys are errors, as in YAML.
 */
public final class JsonReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(TomlReader.MAX_DEPTH)
                    .build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonReader() {}

    /**
     * Where the object that starts {@code text} ends: the offset just after its closing brace, or the text's
     * length when it never closes or is not valid JSON (then {@link #parse} reports why).
     */
    public static int objectEnd(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return text.length();
            }
            p.skipChildren();
            return (int) p.currentLocation().getCharOffset();
        } catch (IOException | RuntimeException e) {
            return text.length();
        }
    }

    /**
     * @param lineOffset lines before the JSON text in its file (0 for front-matter, whose brace is on line 1)
     * @return the root object, or empty when the text could not be parsed (then an error was reported)
     */
    public static Optional<YNode> parse(String json, String path, int lineOffset, Diagnostics diagnostics) {
        int[] tooDeep = TomlReader.firstTooDeep(json);
        if (tooDeep != null) {
            diagnostics.error(
                    path,
                    tooDeep[0] + lineOffset,
                    tooDeep[1],
                    "the JSON is nested more than " + TomlReader.MAX_DEPTH + " levels deep; flatten it");
            return Optional.empty();
        }
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                diagnostics.error(
                        path, lineOffset + 1, 1, "JSON front-matter must be an object, like" + " {\"title\": \"...\"}");
                return Optional.empty();
            }
            return Optional.of(value(p, new Where(path, lineOffset, diagnostics)));
        } catch (JsonParseException e) {
            JsonLocation at = e.getLocation();
            Optional<int[]> comma = at == null ? Optional.empty() : trailingComma(json, at);
            if (comma.isPresent()) {
                diagnostics.error(
                        path,
                        comma.get()[0] + lineOffset,
                        comma.get()[1],
                        "malformed JSON: a comma after the last entry, before '" + json.charAt((int) at.getCharOffset())
                                + "' (Hugo's JSON front-matter allows none, nor does JSON); delete the comma");
                return Optional.empty();
            }
            String message = e.getOriginalMessage().replaceAll("\\s+", " ").strip();
            diagnostics.error(
                    path,
                    at == null ? lineOffset + 1 : at.getLineNr() + lineOffset,
                    at == null ? 1 : at.getColumnNr(),
                    "malformed JSON: " + message + "; keys and text are in double quotes, with commas between entries");
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            diagnostics.error(path, lineOffset + 1, 1, "malformed JSON: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The line and column (1-based, in the JSON text) of a comma that the closing brace or bracket the parser stopped
     * at follows, with only white space between: {@code "date": "2017-05-04",\n}}, as editors and exports leave.
     */
    private static Optional<int[]> trailingComma(String json, JsonLocation at) {
        long offset = at.getCharOffset();
        if (offset < 0 || offset >= json.length()) {
            return Optional.empty();
        }
        int i = (int) offset;
        char stopped = json.charAt(i);
        if (stopped != '}' && stopped != ']') {
            return Optional.empty();
        }
        int before = i - 1;
        while (before >= 0 && Character.isWhitespace(json.charAt(before))) {
            before--;
        }
        return before >= 0 && json.charAt(before) == ','
                ? Optional.of(SourceText.lineAndColumn(json, before))
                : Optional.empty();
    }

    /** The file, its lines before the JSON, and where its findings go. */
    private record Where(String path, int lineOffset, Diagnostics diagnostics) {}

    /** The value at the current token, positioned at its first character. */
    private static YNode value(JsonParser p, Where where) throws IOException {
        int lineOffset = where.lineOffset();
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr() + lineOffset;
        int column = at.getColumnNr();
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, YNode> entries = new LinkedHashMap<>();
                Map<String, YNode.Scalar> keys = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    JsonLocation k = p.currentTokenLocation();
                    String key = p.currentName();
                    keys.put(
                            key,
                            new YNode.Scalar(
                                    key, YNode.ScalarKind.STRING, k.getLineNr() + lineOffset, k.getColumnNr()));
                    p.nextToken();
                    entries.put(key, value(p, where));
                }
                return new YNode.Map(entries, keys, line, column);
            }
            case START_ARRAY -> {
                List<YNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(p, where));
                }
                return new YNode.Seq(items, line, column);
            }
            case VALUE_STRING -> {
                String text = EscapedControls.clean(p.getText(), where.path(), line, column, where.diagnostics());
                return new YNode.Scalar(text, YNode.ScalarKind.STRING, line, column);
            }
            case VALUE_NUMBER_INT -> {
                return new YNode.Scalar(p.getText(), YNode.ScalarKind.INT, line, column);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new YNode.Scalar(p.getText(), YNode.ScalarKind.FLOAT, line, column);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new YNode.Scalar(p.getText(), YNode.ScalarKind.BOOL, line, column);
            }
            default -> {
                return new YNode.Scalar("", YNode.ScalarKind.NULL, line, column);
            }
        }
    }
}
