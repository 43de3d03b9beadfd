package org.arshif.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A preview server halted with its launcher leaves the scratch folder of the index write under way; the next
 * server deletes the folders of processes that are gone, and only those.
 */
class LiveIndexesTest {
    @TempDir
    Path tmp;

    @Test
    void theScratchFoldersOfEndedProcessesGoAndNoOthers() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path gone = tmp.resolve(LiveIndexes.SCRATCH + ended.pid() + "-123");
        Trees.write(gone.resolve("t.abc.json.gz"), "x");
        Path mine = tmp.resolve(LiveIndexes.SCRATCH + ProcessHandle.current().pid() + "-456");
        Files.createDirectories(mine);
        Path oldStyle = tmp.resolve(LiveIndexes.SCRATCH + "789"); // no process in its name
        Files.createDirectories(oldStyle);
        Path other = tmp.resolve("other-" + ended.pid() + "-1");
        Files.createDirectories(other);

        assertEquals(1, LiveIndexes.sweep(tmp));
        assertFalse(Files.exists(gone), "the folder of an ended process goes");
        assertTrue(Files.exists(mine), "a live process's folder stays");
        assertTrue(Files.exists(oldStyle));
        assertTrue(Files.exists(other));
    }

    @Test
    void theScratchRootIsTheMemoryFolderWhenItIsAWritableFolderWithRoomElseTheTemporaryOne() throws Exception {
        Path memory = Files.createDirectories(tmp.resolve("memory"));
        Path temporary = Files.createDirectories(tmp.resolve("temporary"));
        // this test's folder is on a file system with a GiB to spare (the build needs as much)
        assertEquals(memory, LiveIndexes.scratchRoot(memory, temporary));
        assertEquals(temporary, LiveIndexes.scratchRoot(tmp.resolve("absent"), temporary), "no such folder");
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertEquals(temporary, LiveIndexes.scratchRoot(file, temporary), "not a folder");
    }
}
