package org.arshif.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.arshif.Arshif;
import org.arshif.BuildLog;
import org.arshif.internal.CheckedFile;
import org.arshif.internal.FileTrees;
import org.arshif.internal.KeptReads;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A warm process's cache files kept decoded between builds ({@link KeptReads}: the page manifest, the check memo, the
 * parse cache's list of files) are taken only when the file holds exactly the bytes they were decoded from, under
 * the same key: never after the file was replaced (even by a valid one of the same size, time and inode), damaged,
 * deleted, or read under another key (other templates, another configuration); and the builds that take them build
 * what a clean build builds.
 */
class KeptReadsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final Pattern TAKEN = Pattern.compile("took (\\d+) cache file\\(s\\) as this process kept them");
    private static final Pattern DISCARDED = Pattern.compile("discarded the (page cache|check memo)");

    @TempDir
    Path dir;

    private Path root;
    private ArchiveFiles files;
    private final KeptDispatches kept = new KeptDispatches();
    private int step;

    private interface Edit {
        void apply() throws Exception;
    }

    @Test
    void aKeptValueIsTakenOnlyForTheSameBytesAndKeyAndOnlyOnce() throws IOException {
        KeptReads reads = new KeptReads();
        Path file = dir.resolve("memo.bin");
        CheckedFile.write(file, "one two".getBytes(StandardCharsets.UTF_8));
        KeptReads.Decoder decoder = b -> new String(b, StandardCharsets.UTF_8);
        // A build reads it: nothing kept yet; the fill decodes it for the next.
        assertNull(reads.take(file, CheckedFile.read(file), "k", String.class, decoder));
        assertEquals(1, reads.fill());
        String value = reads.take(file, CheckedFile.read(file), "k", String.class, decoder);
        assertEquals("one two", value);
        assertNull(reads.take(file, CheckedFile.read(file), "k", String.class, decoder), "taken once");
        assertEquals(1, reads.fill());
        assertNull(reads.take(file, CheckedFile.read(file), "other key", String.class, decoder), "another key");

        // Written again in place behind the process's back: the same size, time and inode, other valid bytes.
        assertEquals(1, reads.fill()); // decoded under "other key", as the last build read it
        FileTime time = Files.getLastModifiedTime(file);
        Object inode = Files.readAttributes(file, "unix:ino").get("ino");
        Path other = dir.resolve("other.bin");
        CheckedFile.write(other, "one six".getBytes(StandardCharsets.UTF_8));
        Files.write(file, Files.readAllBytes(other));
        Files.setLastModifiedTime(file, time);
        assertEquals(inode, Files.readAttributes(file, "unix:ino").get("ino"));
        assertEquals(Files.size(other), Files.size(file));
        assertNull(reads.take(file, CheckedFile.read(file), "other key", String.class, decoder), "other bytes");
        assertEquals(
                "one six", KeptReads.decoded(reads, file, CheckedFile.read(file), "other key", String.class, decoder));

        // Damaged, or deleted, before the fill: nothing is kept.
        byte[] bytes = Files.readAllBytes(file);
        bytes[1] ^= 1;
        Files.write(file, bytes);
        assertEquals(0, reads.fill());
        assertEquals(0, reads.size());
        Files.move(other, file, StandardCopyOption.REPLACE_EXISTING);
        assertNull(reads.take(file, CheckedFile.read(file), "k", String.class, decoder));
        Files.delete(file);
        assertEquals(0, reads.fill());

        // A fill after builds that read nothing (no-ops) keeps what is kept.
        CheckedFile.write(file, "three".getBytes(StandardCharsets.UTF_8));
        assertNull(reads.take(file, CheckedFile.read(file), "k", String.class, decoder));
        assertEquals(1, reads.fill());
        assertEquals(0, reads.fill());
        assertEquals(1, reads.size());
        assertEquals("three", reads.take(file, CheckedFile.read(file), "k", String.class, decoder));
    }

    @TestFactory
    Stream<DynamicTest> aWarmProcessTakesItsKeptCacheFilesOnlyWhenTheyAreTheFilesOnDisk() {
        root = dir.resolve("archive");
        files = new ArchiveFiles(root);
        return Stream.of(
                step("first build", this::writeArchive, -1),
                step(
                        "edit a body (the page manifest, the check memo and the parse cache's list of files taken as kept)",
                        () -> files.append("content/ar/2017-05-03-a3.md", "\n\nفقرة أخيرة أضيفت للتو.\n"),
                        3),
                step("edit it again", () -> files.append("content/ar/2017-05-03-a3.md", "\n\nفقرة ثانية.\n"), 3),
                step(
                        "the manifest and the memo put back as an earlier build left them, valid (other bytes: read"
                                + " from disk; the list of files, the same since that build, taken)",
                        () -> {
                            Path earlier = dir.resolve("earlier");
                            for (String name : List.of("pages.bin", "check-memo")) {
                                Files.copy(
                                        earlier.resolve(name),
                                        dir.resolve("cache/" + name),
                                        StandardCopyOption.REPLACE_EXISTING);
                            }
                            files.append("content/ar/2017-05-04-a4.md", "\n\nفقرة.\n");
                        },
                        1),
                step("an edit after it", () -> files.append("content/ar/2017-05-04-a4.md", "\n\nأخرى.\n"), 3),
                step(
                        "override a template (the page manifest's key changes; the memo and the list are taken)",
                        () -> files.write(
                                "templates/article.ftlh",
                                new String(ArchiveFiles.builtIn("article.ftlh"), StandardCharsets.UTF_8)
                                        .replace("<article class=\"article\">", "<article class=\"article edited\">")),
                        2),
                step(
                        "change the configuration (the memo's and the list's keys change; the manifest's is the output,"
                                + " templates and code: the same bytes decode the same, its pages are fingerprinted anew)",
                        () -> files.append("arshif.yml", "uglyUrls: true\n"),
                        1),
                step(
                        "delete a dispatch and rename another (the site's files are in the memo's key; the list is as it was, the"
                                + " changes beside it)",
                        () -> {
                            Files.delete(root.resolve("content/en/2017-05-05-e5.md"));
                            Files.move(
                                    root.resolve("content/ar/2017-05-01-a1.md"),
                                    root.resolve("content/ar/2017-05-01-renamed.md"));
                        },
                        2),
                step(
                        "the page manifest damaged (discarded, as without a kept one)",
                        () -> {
                            Path pages = dir.resolve("cache/pages.bin");
                            byte[] bytes = Files.readAllBytes(pages);
                            bytes[bytes.length / 2] ^= 1;
                            Files.write(pages, bytes);
                            files.append("content/en/2017-05-02-e2.md", "\n\nMore.\n");
                        },
                        2),
                step(
                        "the cache deleted",
                        () -> {
                            FileTrees.delete(dir.resolve("cache"));
                            files.append("content/ar/2017-05-02-a2.md", "\n\nفقرة.\n");
                        },
                        0),
                step("an edit after it", () -> files.append("content/ar/2017-05-02-a2.md", "\n\nثالثة.\n"), 3));
    }

    /** A step: the edit, the warm build and a clean one compared file by file, then how many files it took as kept. */
    private DynamicTest step(String what, Edit edit, int taken) {
        return dynamicTest(what, () -> {
            edit.apply();
            List<String> lines = new ArrayList<>();
            Arshif.builder()
                    .siteRoot(root)
                    .output(dir.resolve("warm"))
                    .clock(CLOCK)
                    .log(BuildLog.of(lines::add, lines::add))
                    .cache(dir.resolve("cache"))
                    .keep(kept)
                    .build()
                    .build();
            if (step == 0) { // the first build's files, for the step that puts them back
                Files.createDirectories(dir.resolve("earlier"));
                for (String name : List.of("pages.bin", "check-memo")) {
                    Files.copy(dir.resolve("cache/" + name), dir.resolve("earlier/" + name));
                }
            }
            kept.fill(); // as the warm process does after each build
            Path clean = dir.resolve("clean-" + (++step));
            Arshif.builder().siteRoot(root).output(clean).clock(CLOCK).build().build();
            Trees.assertSameTree(Trees.withFolders(clean), Trees.withFolders(dir.resolve("warm")), what);
            if (taken >= 0) {
                assertEquals(
                        taken,
                        Integer.parseInt(KeptDispatchesTest.find(TAKEN, lines).group(1)),
                        lines::toString);
            }
            if (what.contains("damaged")) {
                assertTrue(
                        lines.stream().anyMatch(line -> DISCARDED.matcher(line).find()), lines::toString);
            }
        });
    }

    private void writeArchive() throws IOException {
        KeptDispatchesTest.writeArchive(files);
    }
}
