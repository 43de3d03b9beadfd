package org.arshif.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.arshif.internal.FileTrees;

/**
 * The commit of an incremental build into an output that is exactly the last build's (see
 * {@link OutputTree#openInPlace}): only the files written into the staging folder move into the output, each by
 * one rename over the old file, and the files the new site no longer has are deleted. Unchanged files are not
 * touched at all, where the swap of a whole new tree hard-links every one of them. A staged file whose bytes equal
 * the current one is dropped, so the current file keeps its time.
 *
 * <p>Not atomic as a whole: while it runs (a rename per changed file) a reader may see some new files beside old
 * ones. Whoever opens an in-place tree must first make sure a commit cut short is never trusted (the incremental
 * build drops its no-op stamp, so the next build swaps in a whole new site).
 */
final class InPlaceCommit {
    private final Path output;
    private final Path staging;
    private int moved;
    private int deleted;
    /** Every file moved in or deleted; null once a file replaced a folder or a folder a file. */
    private Set<String> touched = new TreeSet<>();

    private InPlaceCommit(Path output, Path staging) {
        this.output = output;
        this.staging = staging;
    }

    /**
     * What the commit did, for the build's log.
     *
     * @param touched the files moved in or deleted ({@code /}-separated paths from the output), so that the output's
     *                stamp can be updated from them alone; null when a file replaced a folder or a folder a file
     */
    record Done(int moved, int deleted, Set<String> touched) {}

    /**
     * @param kept     files taken from the current output as they are
     * @param previous every file of the output as the last build left it
     * @throws IOException when a file could not be moved or deleted; the output may then be half updated
     */
    static Done run(Path output, Path staging, Set<String> kept, List<String> previous) throws IOException {
        InPlaceCommit commit = new InPlaceCommit(output, staging);
        Set<String> fresh = commit.moveStaged();
        commit.deleteStale(previous, kept, fresh);
        try {
            FileTrees.delete(staging);
        } catch (IOException e) {
            // the site is in place; the next build deletes the rest
        }
        return new Done(commit.moved, commit.deleted, commit.touched);
    }

    /** Moves every staged file into the output, in path order; returns them all. */
    private Set<String> moveStaged() throws IOException {
        List<Path> staged;
        try (Stream<Path> walk = Files.walk(staging)) {
            staged = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Set<String> fresh = new TreeSet<>();
        for (Path file : staged) {
            String rel = staging.relativize(file).toString().replace('\\', '/');
            fresh.add(rel);
            Path target = output.resolve(rel);
            if (sameBytes(file, target)) {
                continue;
            }
            makeFolders(target.getParent());
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                FileTrees.delete(target); // a folder of the last site became a file of this one
                touched = null;
            }
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            moved++;
            touch(rel);
        }
        return fresh;
    }

    private static boolean sameBytes(Path staged, Path current) throws IOException {
        return Files.isRegularFile(current, LinkOption.NOFOLLOW_LINKS)
                && Files.size(current) == Files.size(staged)
                && Arrays.equals(Files.readAllBytes(current), Files.readAllBytes(staged));
    }

    /** Deletes the last site's files that this one has not, then the folders that leaves empty. */
    private void deleteStale(List<String> previous, Set<String> kept, Set<String> fresh) throws IOException {
        TreeSet<Path> emptied = new TreeSet<>(Comparator.reverseOrder());
        for (String rel : previous) {
            if (kept.contains(rel) || fresh.contains(rel) || rel.equals(OutputGuard.MARKER)) {
                continue;
            }
            Path stale = output.resolve(rel).normalize();
            if (!stale.startsWith(output) || stale.equals(output)) {
                continue;
            }
            if (!Files.isRegularFile(stale, LinkOption.NOFOLLOW_LINKS)) {
                continue; // gone already, or a folder of the new site now
            }
            Files.delete(stale);
            deleted++;
            touch(rel);
            for (Path p = stale.getParent(); p != null && !p.equals(output); p = p.getParent()) {
                emptied.add(p);
            }
        }
        // Deepest first (reverse order puts a folder after everything inside it).
        for (Path folder : emptied) {
            try {
                Files.deleteIfExists(folder);
            } catch (DirectoryNotEmptyException e) {
                // still has files of the new site
            }
        }
    }

    private void touch(String rel) {
        if (touched != null) {
            touched.add(rel);
        }
    }

    /** Creates {@code folder} in the output, deleting a file of the last site that stands where a folder goes. */
    private void makeFolders(Path folder) throws IOException {
        Path at = output;
        for (Path name : output.relativize(folder)) {
            at = at.resolve(name);
            if (Files.isRegularFile(at, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(at);
                touched = null;
            }
        }
        Files.createDirectories(folder);
    }
}
