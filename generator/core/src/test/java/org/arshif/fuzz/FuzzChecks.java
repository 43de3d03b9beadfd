package org.arshif.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import org.arshif.config.SiteConfig;
import org.arshif.content.Dispatch;
import org.arshif.content.DispatchReader;
import org.arshif.content.GitHistory;
import org.arshif.content.Slugs;
import org.arshif.content.TagVocabulary;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.arshif.search.analysis.TextAnalyzer;

/**
 * The property every fuzz target holds: any input gives a result or findings, never another exception (the
 * fuzzer reports an escaping one) and never a hang (the per-input timeout). Findings must be usable
 * {@code path:line:col: error: message} lines about the file that was read, and a result must be one a
 * build can publish.
 */
final class FuzzChecks {
    /** Dispatches in fuzz targets have no git history: dates come from the front-matter or the file name. */
    static final GitHistory NO_GIT = GitHistory.none("the fuzz site is not in a git repository");

    private FuzzChecks() {}

    /** A fresh reader, as a build makes one per run (a reader keeps an interning table that would only grow). */
    static DispatchReader reader(SiteConfig config, TagVocabulary vocabulary) {
        return new DispatchReader(config, vocabulary, NO_GIT);
    }

    static TagVocabulary noVocabulary() {
        return TagVocabulary.empty(TextAnalyzer.standard()::terms);
    }

    /** Reads one dispatch the way a build does and checks the outcome. */
    static Optional<Dispatch> read(DispatchReader reader, SiteConfig config, String path, byte[] bytes) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<Dispatch> result = reader.read(path, bytes, diagnostics);
        List<Diagnostic> found = diagnostics.sorted();
        findingsAbout(found, path, bytes);
        if (result.isEmpty()) {
            assertTrue(
                    found.stream().anyMatch(Diagnostic::isError),
                    () -> path + " was dropped without an error: " + found);
        } else {
            assertFalse(found.stream().anyMatch(Diagnostic::isError), () -> path + " was read despite " + found);
            publishable(result.get(), config);
        }
        return result;
    }

    /** Findings name the file, point inside it (or at line 0 for the whole file) and are one line each. */
    static void findingsAbout(List<Diagnostic> found, String path, byte[] bytes) {
        long lines = lineCount(bytes);
        for (Diagnostic d : found) {
            assertEquals(path, d.path(), () -> "a finding about another file: " + d);
            assertTrue(
                    d.line() >= 0 && d.line() <= lines + 1, () -> "line outside the file (" + lines + " lines): " + d);
            assertTrue(d.column() >= 0, () -> "negative column: " + d);
            assertFalse(d.message().isBlank(), () -> "a finding without a message: " + d);
            assertFalse(d.message().contains("\n"), () -> "a finding over several lines: " + d);
        }
    }

    /** What the site builder relies on in a dispatch it is given. */
    static void publishable(Dispatch d, SiteConfig config) {
        assertFalse(d.title().isBlank(), "a dispatch without a title");
        assertTrue(config.languages().contains(d.lang()), () -> "language " + d.lang() + " is not published");
        assertNotNull(d.date(), "a dispatch without a date");
        assertNull(Slugs.problem(d.slug()), () -> "slug '" + d.slug() + "' cannot be a URL segment");
        for (String alias : d.aliases()) {
            assertTrue(alias.startsWith("/"), () -> "alias " + alias + " is not a site path");
        }
        for (String tag : d.tags()) {
            assertFalse(tag.isEmpty(), "an empty tag key");
        }
        nfc("title", d.title());
        nfc("summary", d.summary());
        nfc("dateline", d.dateline());
        nfc("body text", d.body().plainText());
        assertNotNull(d.body().html());
    }

    static void nfc(String what, String text) {
        assertTrue(
                Normalizer.isNormalized(text, Normalizer.Form.NFC),
                () -> what + " is not NFC: "
                        + text.codePoints()
                                .limit(80)
                                .mapToObj(c -> String.format("U+%04X", c))
                                .toList());
    }

    static byte[] concat(String before, byte[] middle, String after) {
        byte[] head = before.getBytes(StandardCharsets.UTF_8);
        byte[] tail = after.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + middle.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(middle, 0, out, head.length, middle.length);
        System.arraycopy(tail, 0, out, head.length + middle.length, tail.length);
        return out;
    }

    static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines as the readers count them: LF, CRLF and a lone CR each end one. */
    private static long lineCount(byte[] bytes) {
        long lines = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n'))) {
                lines++;
            }
        }
        return lines;
    }
}
