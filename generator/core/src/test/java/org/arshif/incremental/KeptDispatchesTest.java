package org.arshif.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.arshif.Arshif;
import org.arshif.BuildLog;
import org.arshif.internal.FileTrees;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that keeps its dispatches decoded between builds (the warm build process: {@link KeptDispatches},
 * filled after each build as it does) builds what a clean build of the same archive builds, byte for byte, after
 * every kind of change; and it takes a kept dispatch exactly when the parse cache on disk would give it: never
 * after the configuration changed, the pack was damaged or the cache deleted.
 */
class KeptDispatchesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final Pattern PARSED = Pattern.compile("parsed (\\d+) files, reused (\\d+)");
    private static final Pattern KEPT = Pattern.compile("took (\\d+) of the reused dispatches as this process kept");
    private static final Pattern POSTINGS = Pattern.compile("took the stored postings of (\\d+) language");
    /** The archive's dispatch files (see {@link #writeArchive}). */
    private static final int FILES = 9;

    @TempDir
    Path dir;

    private Path root;
    private ArchiveFiles files;
    private final KeptDispatches kept = new KeptDispatches();
    private int step;

    private interface Edit {
        void apply() throws Exception;
    }

    /**
     * The pack holds what a build parsed when it was written whole (the first build's, and after the cache was
     * stale or damaged); the dispatches parsed since are in its additions, which are not kept (few, and written
     * again by every load): so a build takes as kept what it reused from the pack itself.
     */
    @TestFactory
    Stream<DynamicTest> aWarmProcessBuildsWhatACleanBuildBuildsAndKeepsOnlyWhatTheCacheWouldGive() {
        root = dir.resolve("archive");
        files = new ArchiveFiles(root);
        return Stream.of(
                step("first build", this::writeArchive, FILES, 0),
                step(
                        "edit a body (the 8 others taken as kept; the Arabic postings too, read after the first build"
                                + " as the language with the most documents)",
                        () -> files.append("content/ar/2017-05-03-a3.md", "\n\nفقرة أخيرة أضيفت للتو.\n"),
                        1,
                        8,
                        1),
                step("edit it again", () -> files.append("content/ar/2017-05-03-a3.md", "\n\nفقرة ثانية.\n"), 1, 8),
                step(
                        "edit the front matter of another (the first edit's entry is in the additions)",
                        () -> files.replace("content/ar/2017-05-04-a4.md", "خبر رقم 4", "خبر رقم أربعة"),
                        1,
                        7),
                step("delete a dispatch", () -> Files.delete(root.resolve("content/en/2017-05-05-e5.md")), 0, 6),
                step(
                        "rename a dispatch (its path is in its key)",
                        () -> Files.move(
                                root.resolve("content/ar/2017-05-01-a1.md"),
                                root.resolve("content/ar/2017-05-01-renamed.md")),
                        1,
                        5),
                step(
                        "change the configuration (every entry's key changes, the pack is stale)",
                        () -> files.append("arshif.yml", "uglyUrls: true\n"),
                        FILES - 1,
                        0),
                step(
                        "override a template (read as before: the new pack's, decoded after the last build)",
                        () -> files.write(
                                "templates/article.ftlh",
                                new String(ArchiveFiles.builtIn("article.ftlh"), StandardCharsets.UTF_8)
                                        .replace("<article class=\"article\">", "<article class=\"article edited\">")),
                        0,
                        FILES - 1),
                step(
                        "a damaged pack (discarded: nothing kept may be taken)",
                        () -> {
                            Path pack = dir.resolve("cache/parsed/" + ParsePack.FILE);
                            byte[] bytes = Files.readAllBytes(pack);
                            bytes[bytes.length / 2] ^= 1;
                            Files.write(pack, bytes);
                            files.append("content/en/2017-05-02-e2.md", "\n\nMore.\n");
                        },
                        FILES - 1,
                        0),
                step(
                        "the cache deleted",
                        () -> {
                            FileTrees.delete(dir.resolve("cache"));
                            files.append("content/ar/2017-05-02-a2.md", "\n\nفقرة.\n");
                        },
                        FILES - 1,
                        0),
                step("an edit after it", () -> files.append("content/ar/2017-05-02-a2.md", "\n\nأخرى.\n"), 1, 7),
                postingsStep(
                        "an Arabic edit (its stored postings taken as kept)",
                        () -> files.append("content/ar/2017-05-02-a2.md", "\n\nثالثة.\n"),
                        1),
                postingsStep(
                        "the Arabic postings file damaged (another file: read, and discarded)",
                        () -> {
                            Path postings = dir.resolve("cache/search-index-ar.postings");
                            byte[] bytes = Files.readAllBytes(postings);
                            bytes[bytes.length / 2] ^= 1;
                            Files.write(postings, bytes);
                            files.append("content/ar/2017-05-02-a2.md", "\n\nرابعة.\n");
                        },
                        0),
                postingsStep(
                        "an Arabic edit after it",
                        () -> files.append("content/ar/2017-05-02-a2.md", "\n\nخامسة.\n"),
                        1));
    }

    /** A step whose build must have taken the stored postings of {@code languages} languages as kept. */
    private DynamicTest postingsStep(String what, Edit edit, int languages) {
        return dynamicTest(what, () -> {
            List<String> lines = warmAndClean(what, edit);
            assertEquals(languages, Integer.parseInt(find(POSTINGS, lines).group(1)), lines::toString);
        });
    }

    /** A step: the edit, the warm build and a clean one compared file by file, then what the warm one took. */
    private DynamicTest step(String what, Edit edit, int parsed, int taken) {
        return step(what, edit, parsed, taken, -1);
    }

    /** Like {@link #step(String, Edit, int, int)}; the stored postings of {@code languages} taken too (-1: any). */
    private DynamicTest step(String what, Edit edit, int parsed, int taken, int languages) {
        return dynamicTest(what, () -> {
            List<String> lines = warmAndClean(what, edit);
            assertEquals(
                    List.of(parsed, taken),
                    List.of(
                            Integer.parseInt(find(PARSED, lines).group(1)),
                            Integer.parseInt(find(KEPT, lines).group(1))),
                    "files parsed, and dispatches taken as kept: " + lines);
            if (languages >= 0) {
                assertEquals(languages, Integer.parseInt(find(POSTINGS, lines).group(1)), lines::toString);
            }
        });
    }

    /** The edit, then the warm build and a clean one compared file by file; the warm build's log. */
    private List<String> warmAndClean(String what, Edit edit) throws Exception {
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
        kept.fill(); // as the warm process does after each build
        Path clean = dir.resolve("clean-" + (++step));
        Arshif.builder().siteRoot(root).output(clean).clock(CLOCK).build().build();
        Trees.assertSameTree(Trees.withFolders(clean), Trees.withFolders(dir.resolve("warm")), what);
        return lines;
    }

    /** The first match of {@code pattern} in the build's lines (KeptReadsTest reads its own lines so too). */
    static Matcher find(Pattern pattern, List<String> lines) {
        return lines.stream()
                .map(pattern::matcher)
                .filter(Matcher::find)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + pattern + " in " + lines));
    }

    private void writeArchive() throws IOException {
        writeArchive(files);
    }

    /** The small bilingual archive both warm-process tests edit (KeptReadsTest too). */
    static void writeArchive(ArchiveFiles files) throws IOException {
        files.write("arshif.yml", "baseUrl: https://news.example/\nlanguages: [ar, en]\npageSize: 2\n");
        files.write("content/tags.yml", "syria:\n  ar: سورية\n  en: Syria\nrussia:\n  ar: روسيا\n  en: Russia\n");
        for (int i = 1; i <= 5; i++) {
            files.write(
                    "content/ar/2017-05-0" + i + "-a" + i + ".md",
                    "---\ntitle: خبر رقم " + i + "\ntranslationKey: k" + i
                            + "\ntags: [" + (i % 2 == 0 ? "syria" : "russia, syria")
                            + "]\n---\n\nالفقرة الأولى من الخبر "
                            + i + ".\n\nالفقرة الثانية.\n");
            if (i % 2 == 0 || i == 5) {
                files.write(
                        "content/en/2017-05-0" + i + "-e" + i + ".md",
                        "---\ntitle: English " + i + "\ntranslationKey: k" + i
                                + "\ntags: [syria]\n---\n\nFirst paragraph of " + i + ".\n");
            }
        }
        files.write("content/ar/2017-04-30-wire.txt", "وصول وفد إلى موسكو\n\nموسكو-سانا\n\nوصل وفد.\n");
    }
}
