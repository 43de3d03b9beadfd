package org.arshif.incremental;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.arshif.internal.CheckedFile;
import org.arshif.internal.Fingerprint;

/**
 * The search client's modules as served (stripped of comments and indentation), kept in the cache for the next
 * build's process: stripping them took 10–20 ms of the main thread's CPU, and 6 MB of garbage, in every build's
 * search phase (10k archive, an edit's rebuild). Kept under a key of Arshif's code and of the modules as written,
 * so that a development build's changed module (a classes folder's code fingerprint does not cover it) is
 * stripped again. A missing, other-key, damaged or cut-short file is stripped again, never used.
 */
final class ServedClientCache {
    private static final String FORMAT = "served-client 1";

    private ServedClientCache() {}

    /**
     * The modules as served: the ones {@code file} kept for {@code code} and {@code sources} (the modules as written,
     * by name), else {@code strip}'s, which are then kept there. A damaged file is discarded with one line to
     * {@code log}; a file that cannot be written is left as it is (the next build strips again).
     */
    static Map<String, byte[]> get(
            Path file,
            String code,
            Map<String, byte[]> sources,
            Supplier<Map<String, byte[]>> strip,
            Consumer<String> log) {
        String key = key(code, sources);
        Map<String, byte[]> kept = read(file, key, sources, log);
        if (kept != null) {
            return kept;
        }
        Map<String, byte[]> made = strip.get();
        try {
            CheckedFile.write(file, out -> {
                out.writeUTF(FORMAT);
                out.writeUTF(key);
                out.writeInt(made.size());
                for (Map.Entry<String, byte[]> e : made.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeInt(e.getValue().length);
                    out.write(e.getValue());
                }
            });
        } catch (IOException e) {
            log.accept("Incremental build: cannot keep the search client's modules in " + file + " (" + e.getMessage()
                    + "); the next build strips them again");
        }
        return made;
    }

    /** What the modules are stripped from: the code (the stripper) and each module's name and bytes, in order. */
    private static String key(String code, Map<String, byte[]> sources) {
        Fingerprint f = new Fingerprint().text(FORMAT).text(code).number(sources.size());
        sources.forEach((name, bytes) -> f.text(name).bytes(bytes));
        return f.finish().hex();
    }

    /** The kept modules, when {@code file} holds them under {@code key} for the same names in order; else null. */
    private static Map<String, byte[]> read(Path file, String key, Map<String, byte[]> sources, Consumer<String> log) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(CheckedFile.read(file)))) {
            if (!in.readUTF().equals(FORMAT) || !in.readUTF().equals(key) || in.readInt() != sources.size()) {
                return null;
            }
            Map<String, byte[]> kept = new LinkedHashMap<>();
            for (String name : sources.keySet()) {
                if (!in.readUTF().equals(name)) {
                    return null;
                }
                int length = in.readInt();
                if (length < 0 || length > in.available()) {
                    throw new IOException("a module's length past the file's end");
                }
                kept.put(name, in.readNBytes(length));
            }
            if (in.available() != 0) {
                throw new IOException("trailing bytes");
            }
            return kept;
        } catch (IOException | RuntimeException e) {
            log.accept("Incremental build: discarded the search client's modules kept in " + file + ", since "
                    + CheckedFile.why(e) + "; they are stripped again");
            return null;
        }
    }
}
