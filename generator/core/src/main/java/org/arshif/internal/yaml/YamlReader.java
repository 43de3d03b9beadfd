package org.arshif.internal.yaml;

import java.util.Locale;
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
    /**
     * Past this many characters a text is read with a buffer that holds it whole: snakeyaml's reader copies all it
     * holds each time a token outgrows its 1 KiB buffer, so one long line (a 50 MB comment) took time quadratic in
     * its length, minutes for megabytes.
     */
    private static final int WHOLE_BUFFER_FROM = 64 * 1024;

    private YamlReader() {}

    /**
     * @param lineOffset lines before the YAML text in its file (1 for front-matter after an opening {@code ---})
     * @return the root node, or empty when the text is empty or could not be parsed (then an error was reported)
     */
    public static Optional<YNode> parse(String yaml, String path, int lineOffset, Diagnostics diagnostics) {
        // snakeyaml counts only between tokens, so a single long one (a comment, a value) was read whole first.
        int limit = SETTINGS.getCodePointLimit();
        if (yaml.length() > limit && yaml.codePointCount(0, yaml.length()) > limit) {
            diagnostics.add(Diagnostic.error(path, lineOffset + 1, 0, tooLong()));
            return Optional.empty();
        }
        try {
            return new YamlComposer(settingsFor(yaml), yaml, path, lineOffset, diagnostics).single();
        } catch (YamlComposer.Stop e) {
            return Optional.empty();
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            int line = mark.map(m -> m.getLine() + 1 + lineOffset).orElse(lineOffset + 1);
            int col = mark.map(m -> m.getColumn() + 1).orElse(0);
            String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            if (problem.contains("\\t(TAB)")) {
                diagnostics.add(Diagnostic.error(path, line, col, tab(yaml, mark)));
                return Optional.empty();
            }
            diagnostics.add(
                    Diagnostic.error(
                            path,
                            line,
                            col,
                            "malformed YAML: " + problem + context
                                    + "; check indentation and quote values that contain ': ' or start with a special character"));
            return Optional.empty();
        } catch (YamlEngineException e) {
            diagnostics.add(Diagnostic.error(path, lineOffset + 1, 0, engineProblem(e)));
            return Optional.empty();
        }
    }

    /**
     * A tab where YAML takes none, in words: before a key or item (indentation, which is spaces only), or between a
     * key's colon and its value (which Go's YAML, Hugo's, reads; the YAML parser here does not).
     */
    private static String tab(String yaml, Optional<Mark> mark) {
        int at = mark.map(Mark::getIndex).orElse(-1);
        int lineStart = at < 0 ? 0 : yaml.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        boolean indent = at >= 0
                && yaml.substring(lineStart, Math.min(at, yaml.length())).isBlank();
        return indent
                ? "malformed YAML: a tab indents this line, and YAML indents with spaces only; replace the tab with"
                        + " spaces (as many as the lines above it use)"
                : "malformed YAML: a tab stands here, where YAML takes a space (after a key's colon, or before a"
                        + " value or comment); replace the tab with a space";
    }

    private static String engineProblem(YamlEngineException e) {
        String message = String.valueOf(e.getMessage());
        return message.startsWith("The incoming YAML document exceeds the limit")
                ? tooLong()
                : "malformed YAML: " + message;
    }

    private static String tooLong() {
        return String.format(
                Locale.ROOT,
                "the YAML is longer than %,d characters, the most Arshif reads in one configuration file or"
                        + " front-matter; shorten it (a dispatch's text goes below its front-matter, not in it)",
                SETTINGS.getCodePointLimit());
    }

    /** The shared settings, or for a long text settings whose buffer holds it whole, so it is read in one go. */
    private static LoadSettings settingsFor(String yaml) {
        if (yaml.length() < WHOLE_BUFFER_FROM) {
            return SETTINGS;
        }
        return LoadSettings.builder().setBufferSize(yaml.length() + 1).build();
    }
}
