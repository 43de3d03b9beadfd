package org.arshif.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class-data archive's files: what is kept, what is set aside, what a new process is started with. */
class ClassDataArchiveTest {
    @TempDir
    Path tmp;

    @Test
    void writingOneKeepsTheMostRecentlyUsedAndRemovesTheStale() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("cds"));
        Instant now = Instant.now();
        for (int i = 0; i < 6; i++) { // a-0 used an hour ago, a-1 two hours ago, ...
            file(folder.resolve("a-" + i + ".jsa"), now.minusSeconds(3600L * (i + 1)));
        }
        file(folder.resolve("a-old.jsa"), now.minus(ClassDataArchive.STALE).minusSeconds(60));
        file(
                folder.resolve("b.jsa.1234.tmp.log"),
                now.minus(ClassDataArchive.STALE).minusSeconds(60));
        file(
                folder.resolve("b.jsa.1234.tmp.log2"),
                now.minus(ClassDataArchive.STALE).minusSeconds(60)); // not ours
        file(folder.resolve("c.jsa.refused"), now.minusSeconds(10));
        Path kept = file(folder.resolve("new.jsa"), now);

        ClassDataArchive.removeStale(kept);

        assertEquals(
                List.of("a-0.jsa", "a-1.jsa", "a-2.jsa", "b.jsa.1234.tmp.log2", "c.jsa.refused", "new.jsa"),
                names(folder),
                ClassDataArchive.KEPT + " archives at most, the new one among them");
    }

    @Test
    void anArchiveNotTakenIsSetAsideOnceAndNoLongerOffered() throws Exception {
        Path folder = tmp.resolve("cds");
        Map<String, String> env = Map.of(ClassDataArchive.FOLDER_ENV, folder.toString());
        Path jar = file(tmp.resolve("a.jar"), Instant.now());
        List<String> first = ClassDataArchive.startOptions("k", List.of(jar.toString()), env);
        assertTrue(first.get(0).startsWith("-XX:DumpLoadedClassList=" + folder), first.toString());
        Path archive = file(folder.resolve(ClassDataArchive.name("k")), Instant.now());
        List<String> started = ClassDataArchive.startOptions("k", List.of(jar.toString()), env);
        assertEquals(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=error"), started);

        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(said, true, StandardCharsets.UTF_8);
        ClassDataArchive.setAsideIfRefused(started, "mixed mode, sharing", log);
        assertEquals(List.of(archive.getFileName().toString()), names(folder), "taken: kept");
        ClassDataArchive.setAsideIfRefused(started, "mixed mode", log);
        ClassDataArchive.setAsideIfRefused(started, "mixed mode", log);
        assertEquals(List.of(archive.getFileName() + ClassDataArchive.REFUSED), names(folder));
        assertEquals(
                1,
                said.toString(StandardCharsets.UTF_8)
                        .lines()
                        .filter(l -> l.contains("did not take"))
                        .count(),
                said.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(), ClassDataArchive.startOptions("k", List.of(jar.toString()), env));
    }

    private static Path file(Path file, Instant modified) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, file.getFileName().toString());
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
