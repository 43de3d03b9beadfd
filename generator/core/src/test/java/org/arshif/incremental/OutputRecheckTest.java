package org.arshif.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output checked against the stat lines the last stamp recorded, without a walk, holds exactly when a walk
 * would give the recorded digest: a file edited, added or removed by hand makes it a real build. A folder
 * changed shortly before its stats were recorded is listed, since a change within its timestamp's tick would
 * leave its time as recorded.
 */
class OutputRecheckTest {
    @TempDir
    Path dir;

    private Path site;
    private ExecutorService pool;

    @BeforeEach
    void site() throws IOException {
        site = dir.resolve("site");
        pool = Executors.newFixedThreadPool(2);
        write("index.html", "home");
        write("en/index.html", "en home");
        write("en/2024/12/31-a/index.html", "a");
        write("ar/2024/12/خبر/index.html", "خبر");
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void anUntouchedOutputHoldsWithOrWithoutItsFoldersListed() throws Exception {
        OutputStamp fresh = OutputStamp.take(site, pool); // every folder within the racy window: all listed
        assertEquals(fresh.digest(), recheck(fresh).digest());
        assertEquals(fresh.files(), recheck(fresh).files());
        age();
        OutputStamp settled = OutputStamp.take(site, pool); // no folder listed
        assertEquals(settled.digest(), recheck(settled).digest());
    }

    @Test
    void aFileEditedAddedOrRemovedByHandIsSeen() throws Exception {
        age();
        OutputStamp before = OutputStamp.take(site, pool);
        write("en/2024/12/31-a/index.html", "a, edited by hand");
        assertSame(OutputStamp.CHANGED, recheck(before));

        before = OutputStamp.take(site, pool);
        write("en/2024/12/by-hand.html", "added");
        assertSame(OutputStamp.CHANGED, recheck(before));

        before = OutputStamp.take(site, pool);
        Files.delete(site.resolve("index.html"));
        assertSame(OutputStamp.CHANGED, recheck(before));

        before = OutputStamp.take(site, pool);
        write("fr/index.html", "a top-level folder added");
        assertSame(OutputStamp.CHANGED, recheck(before));
    }

    /** A file added with its folder's time set back as recorded: within the racy window, the listing tells. */
    @Test
    void aFolderChangedWithinItsTimestampsTickIsListed() throws Exception {
        OutputStamp before = OutputStamp.take(site, pool);
        Path folder = site.resolve("en/2024/12");
        FileTime recorded = Files.getLastModifiedTime(folder, LinkOption.NOFOLLOW_LINKS);
        write("en/2024/12/by-hand.html", "added within the tick");
        Files.setLastModifiedTime(folder, recorded);
        assertSame(OutputStamp.CHANGED, recheck(before));
    }

    @Test
    void anInPlaceUpdatedStampHoldsForTheOutputItDescribes() throws Exception {
        age();
        OutputStamp before = OutputStamp.take(site, pool);
        write("en/2024/12/31-b/index.html", "b, moved in by the commit");
        Files.delete(site.resolve("ar/2024/12/خبر/index.html"));
        OutputStamp updated =
                before.updated(site, java.util.Set.of("en/2024/12/31-b/index.html", "ar/2024/12/خبر/index.html"));
        assertEquals(OutputStamp.take(site, pool).digest(), recheck(updated).digest());
    }

    @Test
    void theRecordedLinesAreReadBackOnlyForTheirOwnDigest() throws Exception {
        age();
        OutputStamp taken = OutputStamp.take(site, pool);
        Path file = dir.resolve("noop-stamp-output.bin");
        OutputRecheck.save(file, taken);
        OutputStamp loaded = OutputRecheck.load(file, site, taken.digest());
        OutputStamp checked = recheck(loaded);
        assertEquals(taken.digest(), checked.digest());
        assertEquals(taken.files(), checked.files(), "the files listed by the check");
        assertNull(OutputRecheck.load(file, site, "another build's digest"));
        Files.write(file, new byte[] {1, 2, 3});
        assertNull(OutputRecheck.load(file, site, taken.digest()), "a damaged file");
    }

    private OutputStamp recheck(OutputStamp last) throws ExecutionException, InterruptedException {
        return OutputRecheck.start(site, last, pool).result();
    }

    /** Every file's and folder's time set an hour back: out of the racy window of a stamp taken now. */
    private void age() throws IOException {
        FileTime old = FileTime.from(Instant.now().minusSeconds(3600));
        List<Path> all;
        try (Stream<Path> walk = Files.walk(site)) {
            all = walk.toList();
        }
        for (Path p : all) {
            Files.setLastModifiedTime(p, old);
        }
    }

    private void write(String rel, String text) throws IOException {
        Path p = site.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
