package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.InputFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The content folder walked once gives the dispatch files and the other files (media) that a walk for each gave, and
 * the findings both walks gave, each once.
 */
class ContentListingTest {
    @TempDir
    Path root;

    @TempDir
    Path outside;

    @Test
    void oneWalkListsWhatTheTwoWalksListedAndFindsWhatTheyFound() throws IOException {
        write("content/ar/2017/05/a.md");
        write("content/ar/2017/05/b.txt");
        write("content/en/news/c.markdown");
        write("content/ar/2017/05/photo.jpg");
        write("content/media/map.png");
        write("content/tags.yml");
        write("content/.hidden/d.md");
        write("content/_drafts/e.md");
        write("content/ar/.notes.md");
        write(outside.resolve("secret.md"));
        write(outside.resolve("secret.jpg"));
        Files.createDirectories(outside.resolve("folder"));
        link("content/ar/out.md", outside.resolve("secret.md"));
        link("content/ar/out.jpg", outside.resolve("secret.jpg"));
        link("content/ar/gone.md", root.resolve("nowhere.md"));
        link("content/ar/gone.jpg", root.resolve("nowhere.jpg"));
        link("content/ar/folder", outside.resolve("folder"));
        link("content/ar/loop", root.resolve("content/ar"));

        Diagnostics once = new Diagnostics();
        ContentLoader.Listing listing = ContentLoader.listAll(root, once);

        Diagnostics twice = new Diagnostics();
        List<String> sources = ContentLoader.listSources(root, twice);
        List<String> others = InputFiles.within(root)
                .list(
                        root.resolve("content"),
                        "content",
                        new InputFiles.Filter(true, name -> !ContentLoader.isDispatchFile(name)),
                        twice);
        assertEquals(
                List.of("content/ar/2017/05/a.md", "content/ar/2017/05/b.txt", "content/en/news/c.markdown"),
                listing.sources());
        assertEquals(sources, listing.sources());
        assertEquals(List.of("ar/2017/05/photo.jpg", "media/map.png", "tags.yml"), listing.others());
        assertEquals(others, listing.others());
        List<Diagnostic> found = once.sorted();
        assertEquals(twice.sorted(), found);
        assertEquals(found.size(), new ArrayList<>(found).stream().distinct().count(), "each finding once");
        assertEquals(6, found.size(), found.toString()); // two links out, two broken, a folder out, a loop
    }

    @Test
    void withoutAContentFolderThereAreNoSourcesAndNoMediaListing() {
        ContentLoader.Listing listing = ContentLoader.listAll(root, new Diagnostics());
        assertEquals(List.of(), listing.sources());
        assertNull(listing.others());
    }

    private void write(String path) throws IOException {
        write(root.resolve(path));
    }

    private static void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
    }

    private void link(String path, Path target) throws IOException {
        Files.createDirectories(root.resolve(path).getParent());
        Files.createSymbolicLink(root.resolve(path), target);
    }
}
