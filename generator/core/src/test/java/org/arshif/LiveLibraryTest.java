package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.arshif.content.Dispatch;
import org.arshif.diag.Diagnostic;
import org.arshif.site.Library;
import org.arshif.testing.GitRepo;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview's library is read by the loader of {@code build} and {@code check}, and stays equal to it. */
class LiveLibraryTest {
    @TempDir
    Path dir;

    /** The preview had lost this warning when it read the archive with its own copy of the loader. */
    @Test
    void theServedLibraryWarnsOfAShallowCloneLikeABuild() {
        Path origin = dir.resolve("origin");
        GitRepo git = GitRepo.init(origin);
        Trees.write(origin.resolve("content/en/2017-05-01-a.md"), "# A\n\nFirst text.\n");
        Trees.write(origin.resolve("content/ar/2017-05-01-b.md"), "# ب\n\nنص.\n");
        git.commitAll("one", "2017-05-01T10:00:00Z");
        Trees.write(origin.resolve("content/en/2017-05-01-a.md"), "# A\n\nSecond text.\n");
        git.commitAll("two", "2017-05-02T10:00:00Z");
        new GitRepo(dir).git("clone", "-q", "--depth", "1", origin.toUri().toString(), "clone");
        Arshif arshif = Arshif.builder().siteRoot(dir.resolve("clone")).build();

        Library built = arshif.load();
        Library served = LiveLibrary.load(arshif).current();

        List<String> findings =
                served.findings().stream().map(Diagnostic::format).toList();
        assertTrue(
                findings.contains("(site): warning: the repository is a shallow clone, so dates taken from git"
                        + " may be wrong; check out the full history (actions/checkout with fetch-depth: 0)"),
                findings::toString);
        assertEquals(built.findings(), served.findings());
        assertEquals(built.sources(), served.sources());
        assertEquals(
                built.dispatches().stream().map(Dispatch::path).toList(),
                served.dispatches().stream().map(Dispatch::path).toList());
    }

    @Test
    void anEditedFileIsReadAgainAndFilesInHiddenFoldersAreNot() {
        Path root = dir.resolve("site");
        Trees.write(root.resolve("content/en/2017-05-01-a.md"), "---\ntitle: A\n---\n\nText.\n");
        Arshif arshif = Arshif.builder().siteRoot(root).build();
        LiveLibrary live = LiveLibrary.load(arshif);

        Trees.write(root.resolve("content/en/2017-05-01-a.md"), "---\ntitle: A, again\n---\n\nText.\n");
        Trees.write(root.resolve("content/en/_notes/2017-05-02-n.md"), "---\ntitle: N\n---\n\nNotes.\n");
        Trees.write(root.resolve("content/.trash/2017-05-03-t.md"), "---\ntitle: T\n---\n\nGone.\n");
        LiveLibrary.Update update = live.update(
                Set.of(
                        "content/en/2017-05-01-a.md",
                        "content/en/_notes/2017-05-02-n.md",
                        "content/.trash/2017-05-03-t.md"),
                false);

        assertEquals(1, update.filesRead());
        assertEquals(
                List.of("A, again"),
                update.library().dispatches().stream().map(Dispatch::title).toList());
        assertEquals(arshif.load().sources(), update.library().sources());
    }

    /**
     * A section page's cascade added, edited and deleted while the preview runs: the dispatches below it, and only
     * they, are read again, and the library is the loader's after each step.
     */
    @Test
    void aSectionPagesCascadeChangesTheDispatchesBelowItInThePreview() throws Exception {
        Path root = dir.resolve("site");
        Trees.write(root.resolve("content/en/news/2017-05-01-a.md"), "---\ntitle: A\n---\n\nText.\n");
        Trees.write(root.resolve("content/en/sport/2017-05-01-b.md"), "---\ntitle: B\n---\n\nText.\n");
        Arshif arshif = Arshif.builder().siteRoot(root).build();
        LiveLibrary live = LiveLibrary.load(arshif);
        String page = "content/en/news/_index.md";
        List<List<String>> steps = List.of(
                List.of("---\ncascade:\n  tags: [world]\n---\n", "a [world] false", "b [] false"),
                List.of("---\ncascade:\n  draft: true\n---\n", "a [] true", "b [] false"),
                List.of("", "a [] false", "b [] false"));
        for (List<String> step : steps) {
            if (step.get(0).isEmpty()) {
                java.nio.file.Files.delete(root.resolve(page));
            } else {
                Trees.write(root.resolve(page), step.get(0));
            }
            LiveLibrary.Update update = live.update(Set.of(page), false);
            assertEquals(1, update.filesRead(), step.get(0));
            assertEquals(step.subList(1, 3), described(update.library()), step.get(0));
            assertEquals(described(arshif.load()), described(update.library()), step.get(0));
        }
    }

    /** Each dispatch's title, tags and whether it is a draft. */
    private static List<String> described(Library library) {
        return library.dispatches().stream()
                .map(d -> d.title().toLowerCase(java.util.Locale.ROOT) + " " + d.tags() + " " + d.draft())
                .toList();
    }

    /**
     * A snapshot's dispatches and sources are the last snapshot's lists patched by the dispatches swapped when no path
     * came or went: after edits, an addition, a file that no longer reads as a dispatch, a deletion and an edit
     * again, they are the loader's, in its order.
     */
    @Test
    void theListsPatchedFromTheLastSnapshotAreTheLoaders() {
        Path root = dir.resolve("site");
        for (String n : List.of("a", "b", "c", "d")) {
            Trees.write(root.resolve("content/en/2017-05-01-" + n + ".md"), "---\ntitle: " + n + "\n---\n\nText.\n");
        }
        Arshif arshif = Arshif.builder().siteRoot(root).build();
        LiveLibrary live = LiveLibrary.load(arshif);
        List<List<String>> steps = List.of(
                List.of("b", "---\ntitle: B1\n---\n\nText.\n"),
                List.of("c", "---\ntitle: C1\n---\n\nText.\n"),
                List.of("bb", "---\ntitle: BB\n---\n\nNew.\n"),
                List.of("d", "---\ntitle: [broken\n---\n"),
                List.of("a", ""),
                List.of("c", "---\ntitle: C2\n---\n\nText.\n"),
                List.of("d", "---\ntitle: D1\n---\n\nText.\n"));
        for (List<String> step : steps) {
            String path = "content/en/2017-05-01-" + step.get(0) + ".md";
            if (step.get(1).isEmpty()) {
                Trees.deleteTree(root.resolve(path));
            } else {
                Trees.write(root.resolve(path), step.get(1));
            }
            Library served = live.update(Set.of(path), false).library();
            Library built = arshif.load();
            assertEquals(built.sources(), served.sources(), step.get(0));
            assertEquals(
                    built.dispatches().stream()
                            .map(d -> d.path() + " " + d.title())
                            .toList(),
                    served.dispatches().stream()
                            .map(d -> d.path() + " " + d.title())
                            .toList(),
                    step.get(0));
        }
    }

    /**
     * A file with findings is read again only when its stats changed: at 10,000 dispatches, 157 files with warnings
     * were read again on every edit, 0.5 s of CPU where the edit itself needs 0.1 s.
     */
    @Test
    void aFileWithFindingsIsReadAgainOnlyWhenItsStatsChanged() throws java.io.IOException {
        Path root = dir.resolve("site");
        Path odd = root.resolve("content/en/2017-05-02-odd.md");
        Trees.write(root.resolve("content/en/2017-05-01-a.md"), "---\ntitle: A\n---\n\nText.\n");
        Trees.write(odd, "---\ntitle: Odd\ndate: 2017-13-45\n---\n\nText.\n");
        LiveLibrary live = LiveLibrary.load(Arshif.builder().siteRoot(root).build());
        List<Diagnostic> findings = live.current().findings();
        assertTrue(
                findings.stream().anyMatch(f -> f.path().equals("content/en/2017-05-02-odd.md")),
                "a finding in the odd file: " + findings);

        Trees.write(root.resolve("content/en/2017-05-01-a.md"), "---\ntitle: A, again\n---\n\nText.\n");
        LiveLibrary.Update edit = live.update(Set.of("content/en/2017-05-01-a.md"), false);
        assertEquals(1, edit.filesRead(), "only the edited file");
        assertEquals(findings, edit.library().findings(), "the odd file's findings kept");

        // Fixed without an event of its own (e.g. by a tool the watcher missed): its new stats are seen.
        Trees.write(odd, "---\ntitle: Odd\ndate: 2017-05-02\n---\n\nText.\n");
        java.nio.file.Files.setLastModifiedTime(odd, java.nio.file.attribute.FileTime.fromMillis(1_000_000));
        LiveLibrary.Update fixed = live.update(Set.of("content/en/2017-05-01-a.md"), false);
        assertEquals(2, fixed.filesRead(), "the edited file and the one whose stats changed");
        assertTrue(fixed.library().findings().stream().noneMatch(f -> f.path().equals("content/en/2017-05-02-odd.md")));
    }

    /** A photo added while the preview runs is published and sized without a restart. */
    @Test
    void aPhotoAddedToABundleIsListedAndSized() throws java.io.IOException {
        Path root = dir.resolve("site");
        Trees.write(root.resolve("content/en/2017-05-01-a/index.md"), "---\ntitle: A\n---\n\n![A photo](p.png)\n");
        LiveLibrary live = LiveLibrary.load(Arshif.builder().siteRoot(root).build());
        assertEquals(
                Set.of(),
                live.current()
                        .media()
                        .bundle("content/en/2017-05-01-a/index.md")
                        .keySet());

        MediaTest.image(root.resolve("content/en/2017-05-01-a/p.png"), "png", 64, 48);
        LiveLibrary.Update update = live.update(Set.of("content/en/2017-05-01-a/p.png"), false);

        assertEquals(
                Set.of("p.png"),
                update.library()
                        .media()
                        .bundle("content/en/2017-05-01-a/index.md")
                        .keySet());
        assertTrue(
                update.library().dispatches().get(0).bodyHtml().contains("width=\"64\" height=\"48\""),
                update.library().dispatches().get(0).bodyHtml());
    }
}
