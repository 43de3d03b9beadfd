package org.arshif.site;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.arshif.internal.FileTrees;

/**
 * The folders a build keeps beside its output, {@code .<output>.staging-<id>} (the new site being written)
 * and {@code .<output>.old-<id>} (the previous site, while it is swapped out and deleted), and what a later
 * build does with those a killed or crashed build left. Called only under the {@link OutputLock}, so no live
 * build is using them.
 *
 * <p>A staging folder holding {@link OutputGuard#MARKER} is a complete site: the marker is written last,
 * just before the swap. An old folder loses its marker before it is deleted, so a half-deleted one is never
 * taken for a complete site.
 */
final class Leftovers {
    private Leftovers() {}

    /** A new, empty folder beside {@code output}, e.g. {@code .site.staging-k3j5x9}, with the usual modes. */
    static Path create(Path output, String kind) throws IOException {
        while (true) {
            Path dir = sibling(output, kind);
            try {
                // Not Files.createTempDirectory, whose folder is private (0700): the site is served by others.
                return Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                // taken: draw another name
            }
        }
    }

    /** A name for a new folder beside {@code output} that does not exist yet. */
    static Path sibling(Path output, String kind) {
        long id = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
        return output.resolveSibling("." + output.getFileName() + "." + kind + "-" + Long.toString(id, 36));
    }

    /**
     * Puts back a site that a build was swapping in when it was stopped (the output is then missing), and
     * deletes every other leftover of this output.
     */
    static void recover(Path output, Consumer<String> log) throws IOException {
        List<Path> found = find(output);
        if (found.isEmpty()) {
            return;
        }
        if (!Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
            // Between the two moves of a swap: the new site is complete in staging, else the old one is whole.
            Path complete = newest(output, found, "staging");
            if (complete == null) {
                complete = newest(output, found, "old");
            }
            if (complete != null) {
                Files.move(complete, output);
                found.remove(complete);
                log.accept("Recovered the site in " + output + " that a stopped build was swapping in");
            }
        }
        for (Path p : found) {
            FileTrees.delete(p);
        }
    }

    /** This output's leftovers (a folder of another output, e.g. {@code .site2.staging-…}, never matches). */
    static List<Path> find(Path output) throws IOException {
        Pattern mine =
                Pattern.compile("\\." + Pattern.quote(output.getFileName().toString()) + "\\.(staging|old)-[0-9a-z]+");
        Path parent = output.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return new ArrayList<>();
        }
        try (Stream<Path> siblings = Files.list(parent)) {
            return new ArrayList<>(siblings.filter(
                            p -> mine.matcher(p.getFileName().toString()).matches())
                    .sorted()
                    .toList());
        }
    }

    /** A complete site of that kind (there is at most one, unless builds were stopped in a row); or null. */
    private static Path newest(Path output, List<Path> found, String kind) {
        String prefix = "." + output.getFileName() + "." + kind + "-";
        return found.stream()
                .filter(p -> p.getFileName().toString().startsWith(prefix) && OutputGuard.isMarked(p))
                .max(Comparator.naturalOrder())
                .orElse(null);
    }
}
