package org.arshif.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.arshif.diag.Diagnostics;

/**
 * The site's input files, read without leaving the site. A file or folder reached through a symbolic link is used
 * only when its real path is inside the trusted root, so a link committed to the archive (by a pull request, say)
 * cannot publish {@code /etc/passwd} or a CI runner's secrets. Every problem is one finding with its path, never an
 * exception: links out of the root, link loops, unreadable files and folders, names Java cannot address.
 */
public final class InputFiles {
    private final Path realRoot;

    private InputFiles(Path realRoot) {
        this.realRoot = realRoot;
    }

    /** Input files under {@code root} (the site folder, normally). */
    public static InputFiles within(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        try {
            return new InputFiles(absolute.toRealPath());
        } catch (IOException e) {
            return new InputFiles(absolute); // a root that does not exist holds nothing to read
        }
    }

    /**
     * What a listing walks into and returns.
     *
     * @param skipHidden  leave out files and folders whose names start with {@code .} or {@code _}
     * @param wantedFile  the files (by name) listed
     * @param hiddenFile  the hidden files (by name) listed all the same, like Hugo's {@code _index.md}
     */
    public record Filter(boolean skipHidden, Predicate<String> wantedFile, Predicate<String> hiddenFile) {
        /** Every file and folder. */
        public static final Filter ALL = new Filter(false, name -> true);

        /** No hidden file listed when {@code skipHidden}. */
        public Filter(boolean skipHidden, Predicate<String> wantedFile) {
            this(skipHidden, wantedFile, name -> false);
        }
    }

    /**
     * The wanted files under {@code folder}, following symbolic links that stay inside the root, as
     * {@code /}-separated paths relative to {@code folder}, sorted. Problems are reported under {@code label}
     * ({@code content}, {@code templates/static}), the folder's name in findings.
     */
    public List<String> list(Path folder, String label, Filter filter, Diagnostics diagnostics) {
        Path real;
        try {
            real = folder.toRealPath();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            diagnostics.error(label, 0, 0, "cannot read the folder: " + reason(e));
            return List.of();
        }
        if (!real.startsWith(realRoot)) {
            diagnostics.error(label, 0, 0, outsideMessage(folder, real));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Set<Path> chain = new HashSet<>();
        chain.add(real);
        new Walk(filter, diagnostics, out, chain).folder(folder, label, "");
        out.sort(null);
        return List.copyOf(out);
    }

    /**
     * A file's bytes, or empty after a finding under {@code label}: its real path (through links anywhere on its
     * path) is outside the root, it is not a regular file, or it is unreadable. A file that does not exist is empty
     * without a finding.
     */
    public Optional<byte[]> read(Path file, String label, Diagnostics diagnostics) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        String refusal = refusal(file);
        if (refusal != null) {
            diagnostics.error(label, 0, 0, refusal);
            return Optional.empty();
        }
        return readListed(file, label, diagnostics);
    }

    /**
     * Like {@link #read}, for a file that {@link #list} returned: the folders above it were checked then, so only
     * the file itself is (one {@code lstat}, where a real path costs one per folder).
     */
    public Optional<byte[]> readListed(Path file, String label, Diagnostics diagnostics) {
        try {
            BasicFileAttributes own = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (own.isSymbolicLink() && !insideRoot(file, label, diagnostics)) {
                return Optional.empty();
            }
            if (!Files.isRegularFile(file)) {
                diagnostics.error(label, 0, 0, notRegularMessage(file));
                return Optional.empty();
            }
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            diagnostics.error(label, 0, 0, "cannot read the file: " + reason(e));
            return Optional.empty();
        }
    }

    /**
     * Why an existing file may not be read, or null when it may: its real path (through links anywhere on its path)
     * is outside the root, it is a broken link or a loop of links, or it is not a regular file. For files named at
     * run time, like templates an {@code <#include>} names.
     */
    public String refusal(Path file) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            return "a symbolic link to " + target(file) + ", which does not exist; fix or remove the link";
        } catch (IOException e) {
            return "cannot read the file: " + reason(e);
        }
        if (!real.startsWith(realRoot)) {
            return outsideMessage(file, real);
        }
        return Files.isRegularFile(real) ? null : notRegularMessage(real);
    }

    /** Whether a symbolic link's target is inside the root; reports the link when it is not, or when it is broken. */
    private boolean insideRoot(Path link, String label, Diagnostics diagnostics) throws IOException {
        Path real;
        try {
            real = link.toRealPath();
        } catch (NoSuchFileException e) {
            diagnostics.error(
                    label,
                    0,
                    0,
                    "a symbolic link to " + target(link) + ", which does not exist; fix or" + " remove the link");
            return false;
        } catch (FileSystemException e) {
            diagnostics.error(
                    label,
                    0,
                    0,
                    "a symbolic link that cannot be followed (" + reason(e) + "); fix or remove" + " the link");
            return false;
        }
        if (!real.startsWith(realRoot)) {
            diagnostics.error(label, 0, 0, outsideMessage(link, real));
            return false;
        }
        return true;
    }

    private static String outsideMessage(Path path, Path real) {
        String what;
        try {
            what = Files.isSymbolicLink(path)
                    ? "a symbolic link to " + Files.readSymbolicLink(path) + " (" + real + ")"
                    : "reached through a symbolic link, really " + real;
        } catch (IOException e) {
            what = "a symbolic link to " + real;
        }
        return what + ", outside the site folder; Arshif reads nothing outside the site (a link in a pull request"
                + " could publish a secret): copy the file into the site, or remove the link";
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "an unreadable target";
        }
    }

    private static String notRegularMessage(Path file) {
        if (Files.isDirectory(file)) {
            return "a folder where a file is read; remove or rename the folder";
        }
        return "not a regular file (a named pipe, socket or device), which would block the build; remove it";
    }

    /** One walk's state: what it keeps, where it reports, and the real folders it is inside (to stop link loops). */
    private final class Walk {
        private final Filter filter;
        private final Diagnostics diagnostics;
        private final List<String> out;
        private final Set<Path> chain;

        Walk(Filter filter, Diagnostics diagnostics, List<String> out, Set<Path> chain) {
            this.filter = filter;
            this.diagnostics = diagnostics;
            this.out = out;
            this.chain = chain;
        }

        void folder(Path dir, String label, String prefix) {
            List<Path> entries = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                stream.forEach(entries::add);
            } catch (IOException | SecurityException e) {
                diagnostics.error(label, 0, 0, "cannot read the folder: " + reason(e));
                return;
            }
            entries.sort(null);
            if (filter.skipHidden()) {
                entries.removeIf(entry -> {
                    String name = entry.getFileName().toString();
                    return (name.startsWith(".") || name.startsWith("_"))
                            && !filter.hiddenFile().test(name);
                });
            }
            // Each entry is one lstat and its folder's walk: spread over the cores (16,000 dispatch files were
            // about a third of a second of one busy core before the parse).
            List<List<String>> found = Parallel.map(entries, entry -> {
                String name = entry.getFileName().toString();
                List<String> own = new ArrayList<>(1);
                new Walk(filter, diagnostics, own, chain).entry(entry, name, label + "/" + name, prefix + name);
                return own;
            });
            found.forEach(out::addAll);
        }

        private void entry(Path entry, String name, String label, String relative) {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attributes.isSymbolicLink()) {
                    attributes = linkTarget(entry, name, label);
                    if (attributes == null) {
                        return;
                    }
                }
            } catch (NoSuchFileException e) {
                return; // deleted while listing
            } catch (IOException e) {
                diagnostics.error(label, 0, 0, "cannot read the file: " + reason(e));
                return;
            }
            boolean wanted = attributes.isDirectory() || filter.wantedFile().test(name);
            if (!wanted) {
                return;
            }
            String badName = nameProblem(entry, attributes.isDirectory());
            if (badName != null) {
                diagnostics.error(label, 0, 0, badName);
            } else if (attributes.isDirectory()) {
                descend(entry, label, relative);
            } else if (attributes.isRegularFile()) {
                out.add(relative);
            } else {
                diagnostics.error(label, 0, 0, notRegularMessage(entry));
            }
        }

        /** The attributes of a link's target, or null when the link is not followed (reported if it matters). */
        private BasicFileAttributes linkTarget(Path link, String name, String label) throws IOException {
            boolean mayMatter = filter.wantedFile().test(name);
            Path real;
            try {
                real = link.toRealPath();
            } catch (FileSystemException e) {
                // Broken, or a loop of links: a problem only where a wanted file was meant.
                if (mayMatter) {
                    insideRoot(link, label, diagnostics);
                }
                return null;
            }
            BasicFileAttributes target = Files.readAttributes(real, BasicFileAttributes.class);
            if ((target.isDirectory() || mayMatter) && !real.startsWith(realRoot)) {
                diagnostics.error(label, 0, 0, outsideMessage(link, real));
                return null;
            }
            return target;
        }

        private void descend(Path dir, String label, String relative) {
            Path real;
            try {
                real = dir.toRealPath();
            } catch (IOException e) {
                diagnostics.error(label, 0, 0, "cannot read the folder: " + reason(e));
                return;
            }
            if (chain.contains(real)) {
                diagnostics.error(
                        label,
                        0,
                        0,
                        "a symbolic link loop: this folder leads back to " + real
                                + ", a folder it is inside; remove the link");
                return;
            }
            Set<Path> inner = new HashSet<>(chain); // a walk's chain is never changed: threads share it
            inner.add(real);
            new Walk(filter, diagnostics, out, inner).folder(dir, label, relative + "/");
        }
    }

    /**
     * Why a name cannot be used, or null. Java reads names in the JVM's file-name encoding: bytes that are not valid in
     * it come back as U+FFFD, and the name no longer leads to the file. A backslash is a folder separator on Windows
     * and in many URLs.
     */
    static String nameProblem(Path entry, boolean folder) {
        String kind = folder ? "folder" : "file";
        Path name = entry.getFileName();
        if (!name.getFileSystem().getPath(name.toString()).equals(name)) {
            String encoding = System.getProperty("sun.jnu.encoding", "UTF-8");
            String bytes = rawName(entry);
            if (StandardCharsets.UTF_8.aliases().contains(encoding) || "UTF-8".equalsIgnoreCase(encoding)) {
                return "the " + kind + " name is not valid UTF-8 (its bytes: " + bytes + "); rename it in UTF-8";
            }
            return "the " + kind + " name (bytes: " + bytes + ") cannot be read in this JVM's file-name encoding, "
                    + encoding + "; run Java in a UTF-8 locale (LANG=C.UTF-8)";
        }
        if (name.toString().indexOf('\\') >= 0) {
            return "the " + kind + " name has a backslash, which Windows and URLs read as a folder separator; rename"
                    + " it without one";
        }
        return null;
    }

    /** The name's bytes as the file system holds them: ASCII as is, every other byte as %XX. */
    private static String rawName(Path entry) {
        String uri = entry.toUri().getRawPath();
        if (uri.endsWith("/")) {
            uri = uri.substring(0, uri.length() - 1);
        }
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    /** An I/O failure in words: "permission denied" rather than the exception's class. */
    public static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied; make it readable by the user that runs the build";
        }
        if (e instanceof FileSystemException fs && "File name too long".equals(fs.getReason())) {
            return "its path is " + (fs.getFile() == null ? "too" : fs.getFile().length() + " characters") + " long,"
                    + " longer than the system lets a path be (4,096 bytes on Linux, 255 for one name): move it to a"
                    + " folder fewer levels down, or shorten the folders' names";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
