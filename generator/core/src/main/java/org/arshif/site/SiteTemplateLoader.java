package org.arshif.site;

import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.internal.InputFiles;
import org.arshif.internal.SourceText;

/**
 * Loads a site's own templates from its {@code templates/} folder. Freemarker's names never leave the folder
 * (its name format refuses {@code ../} past the root, and an absolute name means the folder's root), and a file
 * reached through a symbolic link is read only when its real path is inside the site: a refused file is an error
 * naming it, not a silent fall back to the built-in theme.
 */
final class SiteTemplateLoader implements TemplateLoader {
    private final Path folder;
    private final InputFiles files;

    SiteTemplateLoader(Path folder, InputFiles files) {
        this.folder = folder.toAbsolutePath().normalize();
        this.files = files;
    }

    @Override
    public Object findTemplateSource(String name) throws IOException {
        Path file;
        try {
            file = folder.resolve(name).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
        if (!file.startsWith(folder) || !Files.exists(file, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(file)) {
            return null;
        }
        String refusal = files.refusal(file);
        if (refusal != null) {
            throw new Refused(Diagnostic.error("templates/" + name, 0, 0, refusal));
        }
        return file;
    }

    @Override
    public long getLastModified(Object source) {
        try {
            return Files.getLastModifiedTime((Path) source).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The template's text, strictly UTF-8: a bad byte is an error with its line, never a silent U+FFFD. */
    @Override
    public Reader getReader(Object source, String encoding) throws IOException {
        String label = "templates/" + folder.relativize((Path) source).toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes((Path) source);
        } catch (IOException e) {
            throw new Refused(Diagnostic.error(label, 0, 0, "cannot read the file: " + InputFiles.reason(e)));
        }
        try {
            return new StringReader(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            try {
                SourceText.decode(label, bytes);
            } catch (ContentException positioned) {
                throw new Refused(positioned.diagnostics().get(0));
            }
            throw new Refused(Diagnostic.error(label, 0, 0, "the file is not valid UTF-8; save it as UTF-8"));
        }
    }

    @Override
    public void closeTemplateSource(Object source) {
        // nothing is held open: getReader reads the whole file
    }

    /** A template file that must not or cannot be used, with the finding that says why. */
    static final class Refused extends IOException {
        private final transient Diagnostic diagnostic;

        Refused(Diagnostic diagnostic) {
            super(diagnostic.format());
            this.diagnostic = diagnostic;
        }

        Diagnostic diagnostic() {
            return diagnostic;
        }
    }
}
