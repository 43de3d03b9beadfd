package org.arshif.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.arshif.Arshif;
import org.arshif.BuildLog;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cached build stores each language's postings ({@code search-index-<lang>.postings}) and the next one patches
 * them by the documents whose text changed: after every kind of change, and whatever became of the stored file
 * (damaged, cut short, another language's, left from an older build), the site is a clean build's, byte for byte.
 */
class StoredPostingsBuildTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final Pattern PATCHED = Pattern.compile("patched the stored postings of (\\d+) language");

    @TempDir
    Path dir;

    private Path root;
    private int step;
    private List<String> lines = List.of();
    /** The Arabic postings as the body edit's build stored them, for the step that puts them back. */
    private byte[] older;

    /** One test per step, in order, each on the archive and cache the steps before it left. */
    @TestFactory
    Stream<DynamicTest> aBuildFromStoredPostingsIsACleanBuild() {
        root = dir.resolve("archive");
        return Stream.of(
                step("first build: both languages' postings stored", this::writeArchive, () -> {
                    assertEquals(0, patched(), lines::toString);
                    assertTrue(Files.isRegularFile(postings("ar")) && Files.isRegularFile(postings("en")));
                }),
                step(
                        "a body edit patches the Arabic postings",
                        () -> append("content/ar/2017-05-03-a3.md", "\n\nفقرة جديدة عن الاقتصاد والطاقة.\n"),
                        () -> {
                            assertEquals(1, patched(), "only Arabic changed: " + lines);
                            older = Files.readAllBytes(postings("ar"));
                        }),
                step(
                        "an English body edit patches the English ones",
                        () -> append("content/en/2017-05-02-e2.md", "\n\nA paragraph on energy markets.\n"),
                        () -> assertEquals(1, patched(), lines::toString)),
                step(
                        "a dispatch added (in the middle of the dates)",
                        () -> write(
                                "content/ar/2017-05-02-added.md",
                                "---\ntitle: خبر مضاف\ntags: [syria]\n---\n\nنص الخبر المضاف عن الطاقة.\n"),
                        () -> assertEquals(1, patched(), lines::toString)),
                step(
                        "a dispatch deleted",
                        () -> Files.delete(root.resolve("content/ar/2017-05-01-a1.md")),
                        () -> assertEquals(1, patched(), lines::toString)),
                step(
                        "a dispatch renamed (its URL changes, its text does not)",
                        () -> Files.move(
                                root.resolve("content/en/2017-05-04-e4.md"),
                                root.resolve("content/en/2017-05-04-renamed.md")),
                        () -> {}),
                step(
                        "the configuration changed (every URL)",
                        () -> replace("arshif.yml", "https://news.example/", "https://other.example/news/"),
                        () -> {}),
                step(
                        "the vocabulary's names changed",
                        () -> write(
                                "content/tags.yml",
                                "syria:\n  ar: سوريا\n  en: Syria\nrussia:\n  ar: روسيا\n  en: Russian Federation\n"),
                        () -> {}),
                step(
                        "damaged stored postings are discarded with a notice, the postings inverted",
                        () -> {
                            byte[] b = Files.readAllBytes(postings("ar"));
                            b[b.length / 2] ^= 1;
                            Files.write(postings("ar"), b);
                            append("content/ar/2017-05-03-a3.md", "\n\nفقرة بعد التلف.\n");
                        },
                        () -> {
                            assertTrue(logged("discarded the stored search postings"), lines::toString);
                            assertEquals(0, patched());
                        }),
                step(
                        "and the next edit patches the postings that build stored",
                        () -> append("content/ar/2017-05-03-a3.md", "\n\nفقرة أخرى.\n"),
                        () -> assertEquals(1, patched(), lines::toString)),
                step(
                        "stored postings cut short are discarded",
                        () -> {
                            byte[] b = Files.readAllBytes(postings("ar"));
                            Files.write(postings("ar"), Arrays.copyOf(b, b.length / 3));
                            append("content/ar/2017-05-03-a3.md", "\n\nفقرة ثالثة.\n");
                        },
                        () -> {
                            assertTrue(logged("discarded the stored search postings"), lines::toString);
                            assertEquals(0, patched());
                        }),
                step(
                        "an older build's postings, whose replaced texts' analyses are gone, are inverted anew",
                        () -> {
                            Files.write(postings("ar"), older);
                            append("content/ar/2017-05-05-a5.md", "\n\nفقرة في خبر آخر.\n");
                        },
                        () -> assertEquals(0, patched(), lines::toString)),
                step(
                        "postings one build old are patched by both texts that changed since",
                        () -> {
                            older = Files.readAllBytes(postings("ar"));
                            append("content/ar/2017-05-05-a5.md", "\n\nفقرة تحذف بعد قليل.\n");
                        },
                        () -> assertEquals(1, patched(), lines::toString)),
                step(
                        "(the edit taken back, the older postings put back, and another text edited)",
                        () -> {
                            replace("content/ar/2017-05-05-a5.md", "\n\nفقرة تحذف بعد قليل.\n", "");
                            Files.write(postings("ar"), older);
                            append("content/ar/2017-05-04-a4.md", "\n\nفقرة جديدة.\n");
                        },
                        () -> assertEquals(1, patched(), lines::toString)),
                step(
                        "the other language's postings in their place are not used",
                        () -> {
                            Files.copy(postings("en"), postings("ar"), StandardCopyOption.REPLACE_EXISTING);
                            append("content/ar/2017-05-05-a5.md", "\n\nفقرة أخيرة.\n");
                        },
                        () -> assertEquals(0, patched(), lines::toString)),
                step(
                        "a text in both languages changed at once",
                        () -> {
                            append("content/ar/2017-05-02-a2.md", "\n\nفقرة.\n");
                            append("content/en/2017-05-05-e5.md", "\n\nA paragraph.\n");
                        },
                        () -> assertEquals(2, patched(), lines::toString)),
                step("no change", () -> {}, () -> {}));
    }

    private interface Action {
        void run() throws Exception;
    }

    /** A step: the change, an incremental and a clean build compared file by file, then {@code check}. */
    private DynamicTest step(String what, Action change, Action check) {
        return dynamicTest(what, () -> {
            change.run();
            lines = new ArrayList<>();
            arshif(dir.resolve("incremental"), true, BuildLog.of(lines::add, lines::add))
                    .build();
            Path clean = dir.resolve("clean-" + (++step));
            arshif(clean, false, BuildLog.SILENT).build();
            Map<String, byte[]> expected = Trees.withFolders(clean);
            Map<String, byte[]> actual = Trees.withFolders(dir.resolve("incremental"));
            Trees.assertSameTree(expected, actual, what);
            check.run();
        });
    }

    /** The languages whose stored postings the last incremental build patched (0 when it logged no count). */
    private int patched() {
        return lines.stream()
                .map(PATCHED::matcher)
                .filter(Matcher::find)
                .map(m -> Integer.parseInt(m.group(1)))
                .findFirst()
                .orElse(0);
    }

    private boolean logged(String text) {
        return lines.stream().anyMatch(l -> l.contains(text));
    }

    private Path postings(String lang) {
        return dir.resolve("cache/search-index-" + lang + ".postings");
    }

    private Arshif arshif(Path output, boolean incremental, BuildLog log) {
        return Arshif.builder()
                .siteRoot(root)
                .output(output)
                .clock(CLOCK)
                .log(log)
                .cache(incremental ? dir.resolve("cache") : null)
                .build();
    }

    private void writeArchive() throws Exception {
        write("arshif.yml", "baseUrl: https://news.example/\nlanguages: [ar, en]\npageSize: 2\n");
        write("content/tags.yml", "syria:\n  ar: سورية\n  en: Syria\nrussia:\n  ar: روسيا\n  en: Russia\n");
        for (int i = 1; i <= 5; i++) {
            write(
                    "content/ar/2017-05-0" + i + "-a" + i + ".md",
                    "---\ntitle: خبر رقم " + i + "\ntags: [" + (i % 2 == 0 ? "syria" : "russia, syria") + "]\n---\n\n"
                            + "الفقرة الأولى من الخبر " + i + " عن الرياض والرياضة في سوريا.\n");
            write(
                    "content/en/2017-05-0" + i + "-e" + i + ".md",
                    "---\ntitle: English " + i + "\ntags: [syria]\n---\n\nFirst paragraph of " + i
                            + ", on markets and energy.\n");
        }
    }

    private void write(String rel, String text) throws Exception {
        new ArchiveFiles(root).write(rel, text);
    }

    private void append(String rel, String text) throws Exception {
        new ArchiveFiles(root).append(rel, text);
    }

    private void replace(String rel, String from, String to) throws Exception {
        new ArchiveFiles(root).replace(rel, from, to);
    }
}
