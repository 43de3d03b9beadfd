package org.arshif.diag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Problems that are not the archive's content, said in one line for the user instead of a stack trace: a file,
 * folder, disk or port problem, the file-name locale, the JVM's memory or stack, or a defect in Arshif. The CLI
 * and the Maven goals share the wording; the trace stays available with {@code --debug} and {@code mvn -e}.
 */
public final class SystemErrors {
    private SystemErrors() {}

    /** What went wrong, in one line, with how to fix it where that is known. */
    public static String describe(Throwable t) {
        if (t instanceof StackOverflowError) {
            return "the input nests too deeply for the JVM's stack (StackOverflowError); if it is meant to,"
                    + " give the JVM a larger stack, e.g. -Xss16m";
        }
        if (t instanceof OutOfMemoryError) {
            return "out of memory (" + t.getMessage() + "); give the JVM more, e.g. -Xmx2g";
        }
        IOException io = ioCause(t);
        if (io != null) {
            String context =
                    t instanceof UncheckedIOException && !t.getMessage().equals(io.toString())
                            ? t.getMessage() + ": "
                            : "";
            return context + reason(io);
        }
        if (t instanceof InvalidPathException e) {
            return FileNameEncoding.problem().orElse("not a valid path: " + e.getMessage());
        }
        return "unexpected " + t;
    }

    /**
     * Whether the user can fix it in the environment (a file, permission, disk, port, locale or memory problem),
     * rather than it being a defect.
     */
    public static boolean isEnvironmental(Throwable t) {
        return t instanceof OutOfMemoryError || t instanceof InvalidPathException || ioCause(t) != null;
    }

    private static IOException ioCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException io) {
                return io;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file or folder: " + n.getFile();
        }
        if (e instanceof FileAlreadyExistsException f) {
            return "already exists: " + f.getFile();
        }
        if (e instanceof DirectoryNotEmptyException d) {
            return "the folder is not empty: " + d.getFile();
        }
        if (e instanceof NotDirectoryException d) {
            return "not a folder: " + d.getFile();
        }
        if (e instanceof FileSystemException f) {
            // e.g. "Read-only file system", "No space left on device"
            return (f.getReason() == null ? "cannot access" : f.getReason()) + ": " + f.getFile()
                    + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
