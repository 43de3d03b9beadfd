package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.arshif.testing.GitRepo;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Updated" tells the truth: front-matter, or a later commit that changed the text; never the import or a rename. */
class TruthfulUpdatedTest {
    private static final String STORY = "---\ntitle: Fair opens\ndate: 2017-05-01\n---\n\nThe fair opened today in"
            + " Damascus, with companies from many countries taking part this year.\n";

    @TempDir
    Path dir;

    private Dispatch read(String path) throws Exception {
        DispatchReader reader = Readers.reader(GitHistory.read(dir));
        return Readers.read(reader, path, Files.readAllBytes(dir.resolve(path)));
    }

    @Test
    void anImportedStoryIsNotUpdatedOnTheDayOfItsImportNorByARename() throws Exception {
        GitRepo git = GitRepo.init(dir);
        Trees.write(dir.resolve("content/en/fair.md"), STORY);
        git.commitAll("import the 2017 archive", "2026-11-29T10:00:00Z");
        git.git("mv", "content/en/fair.md", "content/en/fair-opens.md");
        git.commit("rename", "2026-11-30T10:00:00Z");

        Dispatch d = read("content/en/fair-opens.md");
        assertEquals(OffsetDateTime.parse("2017-05-01T00:00Z"), d.date());
        assertEquals(d.date(), d.lastmod(), "neither the import commit nor the rename changed the text");
    }

    @Test
    void aLaterCommitThatChangesTheTextIsAnUpdate() throws Exception {
        GitRepo git = GitRepo.init(dir);
        Trees.write(dir.resolve("content/en/fair.md"), STORY);
        git.commitAll("import the 2017 archive", "2026-11-29T10:00:00Z");
        Trees.write(dir.resolve("content/en/fair.md"), STORY.replace("many", "forty"));
        git.commitAll("correct the number", "2026-12-02T08:00:00Z");

        assertEquals(
                OffsetDateTime.parse("2026-12-02T08:00Z"),
                read("content/en/fair.md").lastmod());
    }

    @Test
    void frontMatterUpdatedOrLastmodWinsOverGit() throws Exception {
        GitRepo git = GitRepo.init(dir);
        Trees.write(
                dir.resolve("content/en/fair.md"),
                STORY.replace("date: 2017-05-01\n", "date: 2017-05-01\nupdated: 2017-05-03\n"));
        git.commitAll("import", "2026-11-29T10:00:00Z");
        Files.writeString(
                dir.resolve("content/en/fair.md"),
                Files.readString(dir.resolve("content/en/fair.md"), StandardCharsets.UTF_8) + "\nOne more line.\n",
                StandardCharsets.UTF_8);
        git.commitAll("edit", "2026-12-01T10:00:00Z");

        assertEquals(
                OffsetDateTime.parse("2017-05-03T00:00Z"),
                read("content/en/fair.md").lastmod());
    }
}
