package org.arshif.incremental;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The stats of a file tree, as the no-op stamp, the output's stamp and the git state digest them: one stat line a
 * file (kind, size, modification time, file key), sorted by path.
 */
final class TreeStats {
    private TreeStats() {}

    /**
     * Sorted by path, so the digest does not depend on the order the file system lists a folder in.
     *
     * @param newest where the newest modification time goes, for inputs (links followed); null for the output
     * @param files  hears every regular file, with its stats; null: not needed
     * @return the tree's stat lines (path from the root, stat), sorted by path; null when the root is absent
     */
    static List<String[]> statTree(
            MessageDigest into,
            Path root,
            List<Path> skipped,
            long[] newest,
            BiConsumer<Path, BasicFileAttributes> files)
            throws IOException {
        return statTree(into, root, skipped, null, newest, files);
    }

    /** @param unread folders named by a stat line but not entered (null: every folder is entered) */
    static List<String[]> statTree(
            MessageDigest into,
            Path root,
            List<Path> skipped,
            Predicate<Path> unread,
            long[] newest,
            BiConsumer<Path, BasicFileAttributes> files)
            throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            update(into, "absent " + root);
            return null;
        }
        // Paths cut from the root's text, not relativized; sorted once; hashed with XXH3, not SHA-256 (no C1
        // intrinsic): the walks of a 10,000-dispatch archive's 74,000 entries spent most of their time in those three.
        String rootText = root.toString();
        int cut = rootText.endsWith(root.getFileSystem().getSeparator()) ? rootText.length() : rootText.length() + 1;
        List<String[]> stats = new ArrayList<>();
        var options = newest != null ? EnumSet.of(FileVisitOption.FOLLOW_LINKS) : EnumSet.noneOf(FileVisitOption.class);
        Files.walkFileTree(root, options, Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            private String relative(Path p) {
                String text = p.toString();
                return text.length() <= cut ? "" : text.substring(cut);
            }

            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
                if (skipped.contains(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                // An input folder's own stats say nothing its entries do not, except that a skipped child appeared:
                // Maven's target/, which the first build creates for its cache, would make the next build a real one.
                stats.add(new String[] {relative(dir) + "/", newest != null ? "folder" : stat(a)});
                return unread != null && unread.test(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                if (!skipped.contains(file)) {
                    stats.add(new String[] {relative(file), stat(a)});
                    if (files != null && a.isRegularFile()) {
                        files.accept(file, a);
                    }
                    if (newest != null) {
                        newest[0] = Math.max(newest[0], a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // A link loop or a dangling link is an input the build reports on: its name is stamped.
                stats.add(new String[] {relative(file), "failed " + e.getClass().getSimpleName()});
                return FileVisitResult.CONTINUE;
            }
        });
        stats.sort((x, y) -> x[0].compareTo(y[0]));
        update(into, OutputStamp.treeHex(root, stats));
        return stats;
    }

    /** A file's stat line: its kind (folder, regular file or other), size, modification time and file key. */
    static String stat(BasicFileAttributes a) {
        long nanos = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        String kind = a.isDirectory() ? "d" : a.isRegularFile() ? "f" : "o";
        return kind + " " + (a.isDirectory() ? 0 : a.size()) + " " + nanos + " " + a.fileKey();
    }

    /** Whether a {@link #stat} line is a regular file's. */
    static boolean isRegularFile(String stat) {
        return stat.startsWith("f ");
    }

    static void update(MessageDigest digest, String s) {
        digest.update(s.getBytes(StandardCharsets.UTF_8));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
