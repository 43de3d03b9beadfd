package org.arshif.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.arshif.diag.Diagnostics;

/** Finds and reads every dispatch under {@code content/}, in parallel, in a stable order. */
public final class ContentLoader {
    public static final String CONTENT_DIR = "content";

    private ContentLoader() {
    }

    /** Dispatch files under the content folder, as site-root-relative paths, sorted. */
    public static List<String> listSources(Path siteRoot) {
        Path content = siteRoot.resolve(CONTENT_DIR);
        if (!Files.isDirectory(content)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(content)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> isDispatchFile(p.getFileName().toString()))
                    .map(p -> siteRoot.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !isHidden(p))
                    .sorted(Comparator.naturalOrder())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + content, e);
        }
    }

    /** Whether a site-root-relative path names a dispatch: a {@code .md} or {@code .txt} file in no hidden folder. */
    public static boolean isSource(String relPath) {
        return isDispatchFile(relPath.substring(relPath.lastIndexOf('/') + 1)) && !isHidden(relPath);
    }

    public static boolean isDispatchFile(String name) {
        return name.endsWith(".md") || name.endsWith(".txt");
    }

    private static boolean isHidden(String relPath) {
        for (String segment : relPath.split("/")) {
            if (segment.startsWith(".") || segment.startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether bodies should be kept deflated ({@link Body.Packed}): when, held as strings, they would take more
     * than a quarter of the heap. A body as HTML plus plain text takes about twice its file's bytes.
     */
    public static boolean packBodies(Path siteRoot, List<String> sources, long maxHeapBytes) {
        long bytes = 0;
        for (String path : sources) {
            try {
                bytes += Files.size(siteRoot.resolve(path));
            } catch (IOException e) {
                // unreadable now: the read that follows reports it
            }
        }
        return 2 * bytes > maxHeapBytes / 4;
    }

    /** Reads all dispatches; the returned list follows the sorted source order, without the ones that failed. */
    public static List<Dispatch> load(Path siteRoot, List<String> sources, DispatchReader reader,
                                      Diagnostics diagnostics) {
        List<Optional<Dispatch>> read = sources.parallelStream()
                .map(path -> reader.read(path, readBytes(siteRoot, path), diagnostics))
                .toList();
        List<Dispatch> out = new ArrayList<>(read.size());
        read.forEach(o -> o.ifPresent(out::add));
        return out;
    }

    private static byte[] readBytes(Path siteRoot, String path) {
        try {
            return Files.readAllBytes(siteRoot.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
