package org.arshif.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.security.cert.Certificate;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code fingerprint names a jar by what it holds, not by where it lies or when it was written. */
class CodeFingerprintTest {
    @TempDir
    Path dir;

    @Test
    void theSameJarElsewhereAndLaterHasTheSameFingerprint() throws IOException {
        Path first = jar(dir.resolve("m2/a/arshif-core.jar"), Map.of("org/arshif/A.class", "one", "theme/x.ftl", "t"));
        Path second =
                jar(dir.resolve("other-home/arshif-core.jar"), Map.of("theme/x.ftl", "t", "org/arshif/A.class", "one"));
        Files.setLastModifiedTime(
                second, FileTime.fromMillis(Files.getLastModifiedTime(first).toMillis() + 86_400_000L));

        assertEquals(fingerprint(first), fingerprint(second));
    }

    @Test
    void anEntryChangedAtTheSameSizeAndTimeChangesTheFingerprint() throws IOException {
        Path before = jar(dir.resolve("before.jar"), Map.of("org/arshif/A.class", "one", "theme/x.ftl", "t"));
        Path after = jar(dir.resolve("after.jar"), Map.of("org/arshif/A.class", "two", "theme/x.ftl", "t"));
        Files.setLastModifiedTime(after, Files.getLastModifiedTime(before));

        assertEquals(Files.size(before), Files.size(after));
        assertNotEquals(fingerprint(before), fingerprint(after));
    }

    @Test
    void aThemeFileChangedInAClassesFolderChangesTheFingerprint() throws IOException {
        Path classes = dir.resolve("classes");
        Path template = classes.resolve("org/arshif/theme/page.ftl");
        Files.createDirectories(template.getParent());
        Files.writeString(template, "<p>one</p>");
        String before = fingerprint(classes);

        Files.writeString(template, "<p>two</p>");

        assertNotEquals(before, fingerprint(classes));
    }

    @Test
    void theRunningCodeHasOneFingerprint() {
        assertEquals(CodeFingerprint.current(), CodeFingerprint.current());
        assertEquals(64, CodeFingerprint.current().length());
    }

    private static String fingerprint(Path location) throws IOException {
        return CodeFingerprint.compute(new CodeSource(location.toUri().toURL(), (Certificate[]) null));
    }

    private static Path jar(Path path, Map<String, String> entries) throws IOException {
        Files.createDirectories(path.getParent());
        try (OutputStream out = Files.newOutputStream(path);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setTime(0);
                zip.putNextEntry(zipEntry);
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return path;
    }
}
