package org.arshif.internal.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Parses YAML (1.2 core schema, so {@code 2017-05-01} stays a string and {@code no} is not false) into
 * position-carrying {@link YNode}s. Errors go to a {@link Diagnostics} with file positions.
 */
public final class YamlReader {
    private static final int MAX_ALIASES = 50;
    // Immutable and built once: building settings (and their schema) per file was a quarter of parsing a file.
    // Errors name the file themselves, so the settings need no per-file label.
    private static final LoadSettings SETTINGS = LoadSettings.builder()
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setAllowRecursiveKeys(false)
            .build();

    private YamlReader() {
    }

    /**
     * @param lineOffset lines before the YAML text in its file (1 for front-matter after an opening {@code ---})
     * @return the root node, or empty when the text is empty or could not be parsed (then an error was reported)
     */
    public static Optional<YNode> parse(String yaml, String path, int lineOffset, Diagnostics diagnostics) {
        try {
            Optional<Node> root = new Compose(SETTINGS).composeString(yaml);
            if (root.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(convert(root.get(), path, lineOffset, diagnostics));
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            int line = mark.map(m -> m.getLine() + 1 + lineOffset).orElse(lineOffset + 1);
            int col = mark.map(m -> m.getColumn() + 1).orElse(0);
            String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            diagnostics.add(Diagnostic.error(path, line, col, "malformed YAML: " + problem + context
                    + "; check indentation and quote values that contain ': ' or start with a special character"));
            return Optional.empty();
        } catch (YamlEngineException e) {
            diagnostics.add(Diagnostic.error(path, lineOffset + 1, 0, "malformed YAML: " + e.getMessage()));
            return Optional.empty();
        }
    }

    private static YNode convert(Node node, String path, int lineOffset, Diagnostics diagnostics) {
        int line = node.getStartMark().map(m -> m.getLine() + 1 + lineOffset).orElse(0);
        int col = node.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar, line, col);
        }
        if (node instanceof SequenceNode seq) {
            List<YNode> items = new ArrayList<>(seq.getValue().size());
            for (Node item : seq.getValue()) {
                items.add(convert(item, path, lineOffset, diagnostics));
            }
            return new YNode.Seq(List.copyOf(items), line, col);
        }
        MappingNode map = (MappingNode) node;
        LinkedHashMap<String, YNode> entries = new LinkedHashMap<>();
        LinkedHashMap<String, YNode.Scalar> keys = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            YNode key = convert(tuple.getKeyNode(), path, lineOffset, diagnostics);
            if (!(key instanceof YNode.Scalar keyScalar) || keyScalar.kind() == YNode.ScalarKind.NULL) {
                diagnostics.add(Diagnostic.error(path, key.line(), key.column(),
                        "a key must be plain text, not " + key.kindName()));
                continue;
            }
            if (entries.containsKey(keyScalar.text())) {
                YNode.Scalar first = keys.get(keyScalar.text());
                diagnostics.add(Diagnostic.error(path, key.line(), key.column(), "duplicate key '"
                        + keyScalar.text() + "' (first given on line " + first.line() + "); keep only one"));
                continue;
            }
            entries.put(keyScalar.text(), convert(tuple.getValueNode(), path, lineOffset, diagnostics));
            keys.put(keyScalar.text(), keyScalar);
        }
        return new YNode.Map(java.util.Collections.unmodifiableMap(entries),
                java.util.Collections.unmodifiableMap(keys), line, col);
    }

    private static YNode.Scalar scalar(ScalarNode scalar, int line, int col) {
        Tag tag = scalar.getTag();
        YNode.ScalarKind kind;
        if (Tag.INT.equals(tag)) {
            kind = YNode.ScalarKind.INT;
        } else if (Tag.FLOAT.equals(tag)) {
            kind = YNode.ScalarKind.FLOAT;
        } else if (Tag.BOOL.equals(tag)) {
            kind = YNode.ScalarKind.BOOL;
        } else if (Tag.NULL.equals(tag)) {
            kind = YNode.ScalarKind.NULL;
        } else {
            kind = YNode.ScalarKind.STRING;
        }
        return new YNode.Scalar(scalar.getValue(), kind, line, col);
    }
}
