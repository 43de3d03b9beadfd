package org.arshif.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.arshif.content.ContentLoader;
import org.arshif.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The no-op check's walk of the inputs counts the dispatch files' bytes, so that the load need not stat them again. */
class NoopInputsTest {

    @Test
    void theWalkCountsTheBytesOfTheDispatchFilesTheLoadWillRead(@TempDir Path site) throws IOException {
        write(site.resolve("content/ar/2024/01/a.md"), 1000);
        write(site.resolve("content/en/b.txt"), 500);
        write(site.resolve("content/en/c.markdown"), 70);
        write(site.resolve("content/ar/_drafts/hidden.md"), 300); // a hidden folder: no dispatch
        write(site.resolve("content/ar/notes.json"), 200); // not a dispatch file
        write(site.resolve("content/ar/image.jpg"), 4000);
        write(site.resolve("README.md"), 50); // an input, not under content/
        write(site.resolve("templates/page.html"), 100);

        NoopStamp.Inputs inputs = NoopStamp.inputs(
                site, site.resolve("templates"), site.resolve("site"), site.resolve("target/cache"), "options");

        assertNotNull(inputs);
        assertEquals(1570, inputs.sourceBytes());
        long listed = 0;
        for (String source : ContentLoader.listSources(site, new Diagnostics())) {
            listed += Files.size(site.resolve(source));
        }
        assertEquals(listed, inputs.sourceBytes(), "the files the load lists");
    }

    private static void write(Path file, int bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[bytes]);
    }
}
