package org.arshif.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.arshif.Arshif;
import org.arshif.BuildLog;
import org.arshif.BuildReport;
import org.arshif.testing.GitRepo;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incremental build whose inputs, git history, options, code, clock and output are as the last build left them
 * does nothing but say so ({@code unchanged} is its only phase), and each kind of change falls back to a real
 * build that writes what a clean build writes. Input files are dated in the past, as files edited more than a
 * moment before a build are: a file changed within the file system's timestamp granularity is never trusted.
 */
class NoopBuildTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final FileTime SETTLED = FileTime.from(Instant.parse("2025-06-01T00:00:00Z"));
    /** The front matter date of the scheduled dispatch. */
    private static final Instant DUE = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir
    Path dir;

    private Path root;
    private GitRepo git;
    private int cleanBuilds;

    @BeforeEach
    void archive() throws IOException {
        root = dir.resolve("archive");
        write("arshif.yml", "baseUrl: https://news.example/\nlanguages: [ar, en]\npageSize: 2\n");
        write("content/tags.yml", "syria:\n  ar: سورية\n  en: Syria\n");
        for (int i = 1; i <= 3; i++) {
            write(
                    "content/ar/2017-05-0" + i + "-a" + i + ".md",
                    "---\ntitle: خبر رقم " + i + "\ndate: 2017-05-0" + i
                            + "\ntags: [syria]\n---\n\nالفقرة الأولى من الخبر " + i + ".\n");
        }
        // A tag outside the vocabulary: a warning every build reports, a no-op one included.
        write(
                "content/en/2017-05-02-e2.md",
                "---\ntitle: English two\ndate: 2017-05-02\ntags: [syrai]\n---\n\n" + "First paragraph.\n");
        write("content/en/2026-03-01-scheduled.md", "---\ntitle: Scheduled\ndate: 2026-03-01\n---\n\nLater.\n");
        git = GitRepo.init(root);
        git.commitAll("archive", "2017-05-05T10:00:00Z");
        settle();
    }

    @Test
    void anUnchangedArchiveIsANoOpThatKeepsTheSiteAndReportsTheSameWarnings() throws IOException {
        BuildReport first = build(NOW, UnaryOperator.identity());
        assertEquals("load", first.phases().get(0).name(), "the first build is a real one");
        assertFalse(first.findings().isEmpty(), "the archive has a warning: " + first.findings());
        Map<String, byte[]> site = Trees.withFolders(dir.resolve("site"));
        List<String> lines = new ArrayList<>();
        BuildReport again = Arshif.builder()
                .siteRoot(root)
                .output(dir.resolve("site"))
                .cache(dir.resolve("cache"))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .log(BuildLog.of(lines::add, lines::add))
                .build()
                .build();
        assertEquals(
                List.of("unchanged"),
                again.phases().stream().map(BuildReport.Phase::name).toList());
        assertEquals(first.findings(), again.findings(), "the same warnings");
        assertEquals(first.filesWritten(), again.filesWritten());
        assertEquals(first.pagesPerLanguage(), again.pagesPerLanguage());
        assertTrue(
                lines.stream()
                        .anyMatch(l -> l.contains("nothing changed since the last build; parsed 0 files,"
                                + " reused 5; rendered 0 pages, reused ")),
                "the log says so: " + lines);
        Trees.assertSameTree(site, Trees.withFolders(dir.resolve("site")), "after a no-op");
    }

    @Test
    void touchingADispatchRebuilds() {
        assertRebuilds(() -> Files.setLastModifiedTime(
                root.resolve("content/ar/2017-05-01-a1.md"), FileTime.from(Instant.parse("2025-07-01T00:00:00Z"))));
    }

    @Test
    void editingADispatchRebuilds() {
        assertRebuilds(() -> writeSettled(
                "content/ar/2017-05-01-a1.md",
                "---\ntitle: خبر معدل\ndate: 2017-05-01" + "\ntags: [syria]\n---\n\nنص معدل أطول من النص الأول.\n"));
    }

    @Test
    void aNewDispatchRebuilds() {
        assertRebuilds(() -> writeSettled(
                "content/ar/2017-05-04-a4.md", "---\ntitle: خبر جديد\ndate: 2017-05-04" + "\n---\n\nنص جديد.\n"));
    }

    @Test
    void aDeletedDispatchRebuilds() {
        assertRebuilds(() -> Files.delete(root.resolve("content/ar/2017-05-03-a3.md")));
    }

    @Test
    void aGitCommitRebuilds() {
        assertRebuilds(() -> git.git("commit", "-q", "--allow-empty", "-m", "nothing but a commit"));
    }

    @Test
    void aThemeEditRebuilds() {
        assertRebuilds(() -> writeSettled("templates/i18n.yml", "en:\n  related: See also\n"));
    }

    @Test
    void aConfigurationEditRebuilds() {
        assertRebuilds(
                () -> writeSettled("arshif.yml", "baseUrl: https://news.example/\nlanguages: [ar, en]\npageSize: 3\n"));
    }

    @Test
    void aVocabularyEditRebuilds() {
        assertRebuilds(() -> writeSettled("content/tags.yml", "syria:\n  ar: سوريا\n  en: Syria\n"));
    }

    /** The walk enters only content/ and the templates: a file the build never reads is no reason to rebuild. */
    @Test
    void anEditInAFolderTheBuildDoesNotReadKeepsTheNoOp() throws IOException {
        write("hugo-adapter/layouts/list.html", "{{ range .Pages }}{{ end }}");
        settle();
        build(NOW, UnaryOperator.identity());
        assertNoOp(NOW, UnaryOperator.identity());
        writeSettled("hugo-adapter/layouts/list.html", "{{ range .Pages }}{{ .Title }}{{ end }}");
        assertNoOp(NOW, UnaryOperator.identity());
    }

    /** ...but a file there that a dispatch links to is an input, and its edit rebuilds. */
    @Test
    void anEditOfALinkedFileOutsideContentRebuilds() throws IOException {
        write("shared/linked.md", "---\ntitle: Linked\ndate: 2017-05-03\n---\n\nFirst text.\n");
        Files.createSymbolicLink(root.resolve("content/en/2017-05-03-linked.md"), Path.of("../../shared/linked.md"));
        settle();
        assertRebuilds(
                () -> writeSettled("shared/linked.md", "---\ntitle: Linked\ndate: 2017-05-03\n---\n\nSecond text.\n"));
    }

    @Test
    void anOptionChangeRebuilds() throws IOException {
        build(NOW, UnaryOperator.identity());
        assertRealBuildEqualsClean(NOW, b -> b.future(true));
        assertNoOp(NOW, b -> b.future(true));
        assertRealBuildEqualsClean(NOW, b -> b.future(true).baseUrl("https://mirror.example/"));
    }

    @Test
    void theClockPassingAScheduledDispatchRebuilds() throws IOException {
        build(NOW, UnaryOperator.identity());
        assertNoOp(DUE.minusSeconds(1), UnaryOperator.identity());
        BuildReport due = assertRealBuildEqualsClean(DUE, UnaryOperator.identity());
        assertEquals(2, due.pagesPerLanguage().get("en"), "the scheduled dispatch is published");
    }

    @Test
    void anOutputFileEditedByHandRebuilds() {
        assertRebuilds(() -> Files.writeString(dir.resolve("site/en/index.html"), "tampered"));
    }

    @Test
    void anOutputFileAddedByHandRebuilds() {
        assertRebuilds(() -> Files.writeString(dir.resolve("site/en/extra.html"), "added"));
    }

    @Test
    void aDeletedOutputRebuilds() {
        assertRebuilds(() -> deleteTree(dir.resolve("site")));
    }

    @Test
    void aDamagedStampRebuilds() {
        assertRebuilds(() -> Files.write(dir.resolve("cache/noop-stamp.bin"), new byte[] {0, 0, 0, 1, 7}));
    }

    @Test
    void anInputChangedJustBeforeTheBuildIsNotTrustedByTheNextOne() throws IOException {
        build(NOW, UnaryOperator.identity());
        // Dated within the racy window of both builds' ends, however slow the machine: a file written "now" would
        // leave it whenever a build takes over 2 s (a loaded CI host), and the test would then depend on speed.
        write("content/ar/2017-05-01-a1.md", "---\ntitle: خبر\ndate: 2017-05-01\n---\n\nنص.\n");
        Files.setLastModifiedTime(
                root.resolve("content/ar/2017-05-01-a1.md"),
                FileTime.from(Instant.now().plusSeconds(600)));
        assertRealBuildEqualsClean(NOW, UnaryOperator.identity());
        assertRealBuildEqualsClean(NOW, UnaryOperator.identity());
    }

    /**
     * A build that checked the stamp, then waited for the output's lock while another build committed, must not
     * update the output in place from what it saw before: the files it would delete are not the output's any more.
     */
    @Test
    void theStampNoLongerVouchesForAnOutputAnotherBuildCommittedTo() throws IOException {
        build(NOW, UnaryOperator.identity());
        NoopStamp.Check seen = NoopStamp.check(
                root, root.resolve("templates"), dir.resolve("site"), dir.resolve("cache"), "waiting", NOW);
        assertTrue(seen.outputFiles() != null && seen.stillVouches(dir.resolve("cache")), "the stamp vouches");

        write("content/ar/2017-05-04-a4.md", "---\ntitle: خبر رابع\ndate: 2017-05-04\n---\n\nنص.\n");
        settle();
        assertRealBuildEqualsClean(NOW, UnaryOperator.identity());
        assertFalse(seen.stillVouches(dir.resolve("cache")), "another build committed since the check");
    }

    /**
     * A build that updates the output in place stamps it from what its commit touched, not from a second walk of
     * the whole output; the next build, which walks it all, finds exactly that and does nothing.
     */
    @Test
    void anInPlaceUpdateIsStampedFromWhatItsCommitTouched() throws IOException {
        build(NOW, UnaryOperator.identity());
        writeSettled(
                "content/ar/2017-05-01-a1.md",
                "---\ntitle: خبر معدل\ndate: 2017-05-01\ntags: [syria]\n---\n\nنص معدل.\n");
        Files.delete(root.resolve("content/ar/2017-05-03-a3.md"));
        writeSettled("content/en/2017-05-04-e4.md", "---\ntitle: English four\ndate: 2017-05-04\n---\n\nNew.\n");
        List<String> lines = new ArrayList<>();
        assertRealBuildEqualsClean(NOW, b -> b.log(BuildLog.of(lines::add, lines::add)));
        assertTrue(
                lines.stream().anyMatch(l -> l.startsWith("Incremental build: updated the site in place")),
                "updated in place: " + lines);
        assertTrue(
                lines.stream()
                        .anyMatch(l -> l.matches("Incremental build: output stamp updated from the \\d+ files.*")),
                "stamped without a second walk: " + lines);
        assertNoOp(NOW, UnaryOperator.identity());
    }

    /**
     * Maven's layout: the cache in the site's own {@code target/}, which the first build creates. The build right
     * after it is a no-op (it was a full one, since creating {@code target/} changed the site root's stats).
     */
    @Test
    void theBuildAfterTheFirstIsANoOpWhenTheCacheIsInTheSitesTargetFolder() throws IOException {
        settle();
        UnaryOperator<Arshif.Builder> mavenLayout = b -> b.cache(root.resolve("target/arshif-cache"));
        build(NOW, mavenLayout);
        BuildReport again = build(NOW, mavenLayout);
        assertEquals(
                List.of("unchanged"),
                again.phases().stream().map(BuildReport.Phase::name).toList());
    }

    private interface Change {
        void apply() throws Exception;
    }

    /** A build, a no-op, the change, then a real build that equals a clean one, and a no-op again. */
    private void assertRebuilds(Change change) {
        try {
            build(NOW, UnaryOperator.identity());
            assertNoOp(NOW, UnaryOperator.identity());
            change.apply();
            assertRealBuildEqualsClean(NOW, UnaryOperator.identity());
            assertNoOp(NOW, UnaryOperator.identity());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void assertNoOp(Instant now, UnaryOperator<Arshif.Builder> options) throws IOException {
        Map<String, byte[]> before = Trees.withFolders(dir.resolve("site"));
        BuildReport report = build(now, options);
        assertEquals(
                List.of("unchanged"),
                report.phases().stream().map(BuildReport.Phase::name).toList(),
                "nothing changed, so nothing was done");
        Trees.assertSameTree(before, Trees.withFolders(dir.resolve("site")), "after a no-op");
    }

    private BuildReport assertRealBuildEqualsClean(Instant now, UnaryOperator<Arshif.Builder> options)
            throws IOException {
        BuildReport report = build(now, options);
        assertEquals("load", report.phases().get(0).name(), "a real build: " + report.phases());
        Path clean = dir.resolve("clean-" + (++cleanBuilds));
        options.apply(Arshif.builder().siteRoot(root).output(clean).clock(Clock.fixed(now, ZoneOffset.UTC)))
                .build()
                .build();
        Trees.assertSameTree(Trees.withFolders(clean), Trees.withFolders(dir.resolve("site")), "the rebuilt site");
        return report;
    }

    private BuildReport build(Instant now, UnaryOperator<Arshif.Builder> options) {
        return options.apply(Arshif.builder()
                        .siteRoot(root)
                        .output(dir.resolve("site"))
                        .cache(dir.resolve("cache"))
                        .clock(Clock.fixed(now, ZoneOffset.UTC)))
                .build()
                .build();
    }

    /** Dates every input file in the past, as an archive edited earlier is. */
    private void settle() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                if (!root.relativize(p).startsWith(".git")) {
                    Files.setLastModifiedTime(p, SETTLED);
                }
            }
        }
    }

    private void write(String rel, String text) throws IOException {
        new ArchiveFiles(root).write(rel, text);
    }

    /** Writes a file dated later than the settled ones but long enough ago to be trusted. */
    private void writeSettled(String rel, String text) throws IOException {
        write(rel, text);
        Files.setLastModifiedTime(root.resolve(rel), FileTime.from(Instant.parse("2025-07-01T00:00:00Z")));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
    }
}
