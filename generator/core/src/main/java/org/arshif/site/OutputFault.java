package org.arshif.site;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;

/**
 * A file-system failure on the output side (a folder that is not writable, a read-only or full file system) as
 * one finding, {@code <output>: error: cannot …: <reason>; <what to do>}, instead of a stack trace.
 */
final class OutputFault {
    private OutputFault() {}

    /**
     * @param output the output folder, which names the finding
     * @param doing  what failed, e.g. "create the staging folder /srv/.site.staging-x1"
     */
    static ContentException of(Path output, String doing, IOException e) {
        Path folder = output.toAbsolutePath().getParent() == null
                ? output
                : output.toAbsolutePath().getParent();
        return new ContentException(Diagnostic.error(
                output.toString(),
                0,
                0,
                "cannot " + doing + ": " + reason(e)
                        + "; make " + folder + " and the site in it writable (on a writable file system with free"
                        + " space), or " + OutputGuard.another(null)));
    }

    /** The operating system's words for the failure, e.g. "read-only file system", without the stack trace. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file or folder " + n.getFile();
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
