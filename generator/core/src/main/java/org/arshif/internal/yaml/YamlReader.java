package org.arshif.internal.yaml;

import java.util.Optional;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Parses YAML (1.2 core schema, so {@code 2017-05-01} stays a string and {@code no} is not false) into
 * position-carrying {@link YNode}s. Errors go to a {@link Diagnostics} with file positions.
 */
public final class YamlReader {
    // Immutable and built once: building settings (and their schema) per file was a quarter of parsing a file.
    // Errors name the file themselves, so the settings need no per-file label. Aliases and nesting are bounded
    // by YamlComposer, which replaces snakeyaml's composer.
    private static final LoadSettings SETTINGS = LoadSettings.builder().build();

    private YamlReader() {}

    /**
     * @param lineOffset lines before the YAML text in its file (1 for front-matter after an opening {@code ---})
     * @return the root node, or empty when the text is empty or could not be parsed (then an error was reported)
     */
    public static Optional<YNode> parse(String yaml, String path, int lineOffset, Diagnostics diagnostics) {
        try {
            return new YamlComposer(SETTINGS, yaml, path, lineOffset, diagnostics).single();
        } catch (YamlComposer.Stop e) {
            return Optional.empty();
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            int line = mark.map(m -> m.getLine() + 1 + lineOffset).orElse(lineOffset + 1);
            int col = mark.map(m -> m.getColumn() + 1).orElse(0);
            String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            diagnostics.add(
                    Diagnostic.error(
                            path,
                            line,
                            col,
                            "malformed YAML: " + problem + context
                                    + "; check indentation and quote values that contain ': ' or start with a special character"));
            return Optional.empty();
        } catch (YamlEngineException e) {
            diagnostics.add(Diagnostic.error(path, lineOffset + 1, 0, "malformed YAML: " + e.getMessage()));
            return Optional.empty();
        }
    }
}
