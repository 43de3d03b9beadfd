package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.arshif.config.SiteConfig;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;

/** Reads single dispatches the way a build does, with the default configuration and no git. */
final class Readers {
    private Readers() {}

    static DispatchReader reader() {
        return reader(GitHistory.none("the site is not in a git repository"));
    }

    static DispatchReader reader(GitHistory git) {
        return new DispatchReader(SiteConfig.defaults(), TagVocabulary.empty(Readers::terms), git);
    }

    static Dispatch read(String path, String text) {
        return read(reader(), path, text.getBytes(StandardCharsets.UTF_8));
    }

    static Dispatch read(DispatchReader reader, String path, byte[] bytes) {
        Diagnostics d = new Diagnostics();
        Optional<Dispatch> result = reader.read(path, bytes, d);
        List<Diagnostic> errors =
                d.sorted().stream().filter(Diagnostic::isError).toList();
        assertEquals(List.of(), errors, "errors reading " + path);
        assertTrue(result.isPresent(), path + " was not read");
        return result.get();
    }

    /** Every finding of reading one file, as the CLI prints them, whether it was read or not. */
    static List<String> findings(String path, String text) {
        return findings(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Every finding of reading one file's bytes, as the CLI prints them, whether it was read or not. */
    static List<String> findings(String path, byte[] bytes) {
        Diagnostics d = new Diagnostics();
        reader().read(path, bytes, d);
        return d.sorted().stream().map(Diagnostic::format).toList();
    }

    /** The findings of reading a file that has problems. */
    static List<Diagnostic> problems(String path, String text) {
        Diagnostics d = new Diagnostics();
        Optional<Dispatch> result = reader().read(path, text.getBytes(StandardCharsets.UTF_8), d);
        assertTrue(result.isEmpty(), path + " was read although it has errors: " + d.sorted());
        return d.sorted();
    }

    static List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        for (String t : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{Nd}]+")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
