package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.arshif.testing.GitRepo;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dates from a real git history: first add (following renames), last change, one {@code git log}. */
class GitHistoryTest {
    @TempDir
    Path dir;

    static OffsetDateTime at(String iso) {
        return OffsetDateTime.parse(iso);
    }

    @Test
    void firstAddAndLastChangeFollowingRenames() {
        GitRepo git = GitRepo.init(dir);
        Trees.write(dir.resolve("content/ar/a.txt"), "عنوان\n\nنص أول.\n");
        Trees.write(
                dir.resolve("content/en/b.md"),
                "# B\n\nA fairly long first version of the text, long enough that"
                        + " git still sees the file as renamed after a small edit.\n");
        Trees.write(dir.resolve("README.md"), "outside content/\n");
        git.commitAll("add", "2017-05-01T10:00:00+03:00");

        Trees.write(dir.resolve("content/ar/a.txt"), "عنوان\n\nنص معدل.\n");
        git.commitAll("edit a", "2017-05-10T09:30:00+03:00");

        git.git("mv", "content/en/b.md", "content/en/c.md");
        git.commit("rename b to c", "2017-06-01T12:00:00+03:00");

        git.git("mv", "content/en/c.md", "content/en/d.md");
        Trees.write(
                dir.resolve("content/en/d.md"),
                "# B\n\nA fairly long first version of the text, long enough that"
                        + " git still sees the file as renamed after a small edit!\n");
        git.commitAll("rename c to d with an edit", "2017-06-02T12:00:00+03:00");

        Trees.write(dir.resolve("content/en/gone.md"), "# Gone\n");
        git.commitAll("add gone", "2017-06-03T00:00:00Z");
        git.git("rm", "-q", "content/en/gone.md");
        git.commit("remove gone", "2017-06-04T00:00:00Z");

        Trees.write(dir.resolve("content/en/uncommitted.md"), "# New\n");

        GitHistory history = GitHistory.read(dir);
        assertTrue(history.available());
        assertFalse(history.shallow());
        assertEquals(
                Optional.of(new GitHistory.FileDates(at("2017-05-01T10:00:00+03:00"), at("2017-05-10T09:30:00+03:00"))),
                history.dates("content/ar/a.txt"));
        // Renamed twice, once with an edit: still dated by the commit that first added it under its old name.
        assertEquals(
                Optional.of(new GitHistory.FileDates(at("2017-05-01T10:00:00+03:00"), at("2017-06-02T12:00:00+03:00"))),
                history.dates("content/en/d.md"));
        assertEquals(Optional.empty(), history.dates("content/en/b.md"));
        assertEquals(Optional.empty(), history.dates("content/en/c.md"));
        assertEquals(Optional.empty(), history.dates("content/en/gone.md"));
        assertEquals(Optional.empty(), history.dates("content/en/uncommitted.md"));
        assertEquals(Optional.empty(), history.dates("README.md"), "only content/ is read");
    }

    @Test
    void aFileDeletedAndAddedAgainIsDatedByItsNewAdd() {
        GitRepo git = GitRepo.init(dir);
        Trees.write(dir.resolve("content/en/x.md"), "# X\n\nFirst life.\n");
        git.commitAll("add x", "2017-01-01T00:00:00Z");
        git.git("rm", "-q", "content/en/x.md");
        git.commit("unpublish x", "2017-02-01T00:00:00Z");
        Trees.write(dir.resolve("content/en/x.md"), "# X\n\nSecond life, a different dispatch.\n");
        git.commitAll("publish x again", "2017-03-01T00:00:00Z");

        // Not changed since that add: no modification date.
        assertEquals(
                Optional.of(new GitHistory.FileDates(at("2017-03-01T00:00:00Z"), null)),
                GitHistory.read(dir).dates("content/en/x.md"));
    }

    @Test
    void siteInASubfolderOfTheRepositoryAndArabicFileNames() {
        GitRepo git = GitRepo.init(dir);
        Path site = dir.resolve("archive site");
        Trees.write(site.resolve("content/ar/خبر عاجل.txt"), "عنوان\n\nنص.\n");
        Trees.write(dir.resolve("content/ar/other.txt"), "not the site's content folder\n");
        git.commitAll("add", "2017-05-01T10:00:00+03:00");

        GitHistory history = GitHistory.read(site);
        assertEquals(
                Optional.of(new GitHistory.FileDates(at("2017-05-01T10:00:00+03:00"), null)),
                history.dates("content/ar/خبر عاجل.txt"));
        assertEquals(Optional.empty(), history.dates("content/ar/other.txt"));
    }

    @Test
    void readerTakesDateAndLastmodFromGit() throws IOException {
        GitRepo git = GitRepo.init(dir);
        Trees.write(dir.resolve("content/ar/sample.txt"), "عنوان الخبر\n\nموسكو-سانا\n\nنص أول.\n");
        git.commitAll("add", "2017-05-22T21:40:00+03:00");
        Trees.write(dir.resolve("content/ar/sample.txt"), "عنوان الخبر\n\nموسكو-سانا\n\nنص مصحح.\n");
        git.commitAll("fix", "2017-05-23T08:00:00+03:00");

        Dispatch d = Readers.read(
                Readers.reader(GitHistory.read(dir)),
                "content/ar/sample.txt",
                Files.readAllBytes(dir.resolve("content/ar/sample.txt")));
        assertEquals(at("2017-05-22T21:40:00+03:00"), d.date());
        assertEquals(at("2017-05-23T08:00:00+03:00"), d.lastmod());
    }

    @Test
    void notARepository() {
        Trees.write(dir.resolve("content/en/x.md"), "# X\n");
        GitHistory history = GitHistory.read(dir);
        assertFalse(history.available());
        assertEquals("the site is not in a git repository", history.unavailableReason());
        assertEquals(Optional.empty(), history.dates("content/en/x.md"));
    }

    @Test
    void aFileNotCommittedYetHasNoDateAndTheErrorSaysSo() {
        GitRepo git = GitRepo.init(dir);
        Trees.write(dir.resolve("content/en/old.md"), "# Old\n");
        git.commitAll("add", "2017-05-01T10:00:00Z");
        Trees.write(dir.resolve("content/en/new.md"), "# New\n\nText.\n");

        var d = new org.arshif.diag.Diagnostics();
        assertTrue(Readers.reader(GitHistory.read(dir))
                .read("content/en/new.md", "# New\n\nText.\n".getBytes(StandardCharsets.UTF_8), d)
                .isEmpty());
        List<String> lines =
                d.sorted().stream().map(org.arshif.diag.Diagnostic::format).toList();
        assertEquals(1, lines.size(), lines::toString);
        assertTrue(
                lines.get(0)
                        .startsWith("content/en/new.md:1:1: error: no date for this dispatch (the file is not"
                                + " committed to git yet)"),
                lines.get(0));
    }

    @Test
    void shallowCloneIsNoticed() {
        Path origin = dir.resolve("origin");
        GitRepo git = GitRepo.init(origin);
        Trees.write(origin.resolve("content/en/a.md"), "# A\n");
        git.commitAll("one", "2017-05-01T10:00:00Z");
        Trees.write(origin.resolve("content/en/a.md"), "# A!\n");
        git.commitAll("two", "2017-05-02T10:00:00Z");
        new GitRepo(dir).git("clone", "-q", "--depth", "1", origin.toUri().toString(), "clone");

        GitHistory history = GitHistory.read(dir.resolve("clone"));
        assertTrue(history.shallow());
    }

    /**
     * A repository owned by another user (a common CI container setup) makes git refuse with "detected dubious
     * ownership"; the reason quotes git instead of claiming the site is not in a repository. Needs root to
     * hand the repository to {@code nobody}; git's global and system settings are kept out, so a developer's
     * {@code safe.directory} cannot hide the refusal.
     */
    @Test
    void aRepositoryOwnedByAnotherUserIsReportedInGitsOwnWords() throws Exception {
        assumeTrue(runs("id", "-u").strip().equals("0"), "needs root to give the repository to another user");
        GitRepo git = GitRepo.init(dir);
        Trees.write(dir.resolve("content/en/a.md"), "# A\n");
        git.commitAll("add", "2017-05-01T10:00:00Z");
        runs("chown", "-R", "nobody", dir.toString());

        GitHistory history = GitHistory.read(dir, Map.of("GIT_CONFIG_GLOBAL", "/dev/null", "GIT_CONFIG_NOSYSTEM", "1"));

        assertFalse(history.available());
        assertTrue(
                history.unavailableReason()
                        .startsWith("git cannot read the repository: \"fatal: detected dubious"
                                + " ownership in repository at "),
                history.unavailableReason());
        assertTrue(history.unavailableReason().contains("safe.directory"), history.unavailableReason());
    }

    private static String runs(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), () -> String.join(" ", command) + ": " + out);
        return out;
    }
}
