package org.arshif.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import org.arshif.Arshif;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.testing.CliProcess;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File-system faults on the output side end as one finding, with what to do, and no stack trace; the site
 * stays as it was. The tests run as root, whom permission bits do not stop, so the faults are real ones the
 * kernel enforces for root too: an immutable folder ({@code chattr +i}) and a read-only bind mount in a mount
 * namespace of the build's own ({@code unshare -m}). Each is skipped where the mechanism is not available.
 */
class OutputFaultsTest {
    @TempDir
    Path tmp;

    private Path root;
    private Path www;
    private Path site;
    private SortedMap<String, byte[]> before;

    @BeforeEach
    void aSiteBuiltEarlier() {
        root = Trees.copy(Trees.site("bilingual"), tmp.resolve("archive"));
        www = tmp.resolve("www");
        site = www.resolve("site");
        Arshif.builder().siteRoot(root).output(site).build().build();
        before = Trees.read(www);
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    /** Runs {@code chattr} (+i or -i) on a folder; false when it is not available here. */
    private static boolean chattr(String flag, Path dir) throws IOException, InterruptedException {
        try {
            return run(List.of("chattr", flag, dir.toString())) == 0;
        } catch (IOException e) {
            return false; // no chattr
        }
    }

    private void assumeImmutableFoldersStopRoot() throws IOException, InterruptedException {
        Path probe = Files.createDirectory(tmp.resolve("probe"));
        Assumptions.assumeTrue(chattr("+i", probe), "chattr +i is not available here");
        try {
            Assumptions.assumeTrue(assertThrows(IOException.class, () -> Files.createFile(probe.resolve("x"))) != null);
        } finally {
            chattr("-i", probe);
            Files.delete(probe);
        }
    }

    private void assertSiteUnchanged() {
        SortedMap<String, byte[]> now = Trees.read(www);
        assertEquals(before.keySet(), now.keySet(), "the files in " + www);
        before.forEach((file, bytes) -> assertArrayEquals(bytes, now.get(file), file));
    }

    private static void assertOneFindingAndNoTrace(CliProcess.Result r, String expectedStart, String reason) {
        assertEquals(1, r.exit(), r.all());
        List<String> findings =
                r.err().lines().filter(l -> l.contains(": error: ")).toList();
        assertEquals(1, findings.size(), r.all());
        assertTrue(findings.get(0).startsWith(expectedStart), "expected " + expectedStart + "…\n" + r.all());
        // What to do, in no front end's words: a fault deep in the output's writing has no hints to word an option.
        assertTrue(
                findings.get(0).contains(reason) && findings.get(0).endsWith("or choose another output folder"),
                r.all());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.all());
    }

    @Test
    void aParentFolderThatIsNotWritableIsOneFindingThroughTheCommandLine() throws Exception {
        assumeImmutableFoldersStopRoot();
        assertTrue(chattr("+i", www));
        CliProcess.Result r;
        try {
            r = CliProcess.run(tmp.resolve("logs"), "build", "--source", root.toString(), "--output", site.toString());
        } finally {
            assertTrue(chattr("-i", www));
        }
        assertOneFindingAndNoTrace(
                r,
                site + ": error: cannot create the lock file " + www.resolve(".site.lock")
                        + ": operation not permitted; make " + www + " and the site in it writable",
                "not permitted");
        assertSiteUnchanged();
    }

    @Test
    void anOutputFolderThatCannotBeMovedAsideIsOneFindingAndTheSiteStays() throws Exception {
        assumeImmutableFoldersStopRoot();
        Trees.write(root.resolve("content/en/2017-05-20-new.md"), "# New\n\nText.\n");
        assertTrue(chattr("+i", site));
        ContentException e;
        try {
            e = assertThrows(
                    ContentException.class,
                    () -> Arshif.builder().siteRoot(root).output(site).build().build());
        } finally {
            assertTrue(chattr("-i", site));
        }
        List<String> errors = e.errors().stream().map(Diagnostic::format).toList();
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(
                errors.get(0)
                        .startsWith(site + ": error: cannot replace " + site + " with the new site:"
                                + " operation not permitted; make " + www),
                errors.get(0));
        assertSiteUnchanged();
    }

    @Test
    void aReadOnlyFileSystemIsOneFindingThroughTheCommandLine() throws Exception {
        // The build runs in a mount namespace of its own, where www is a read-only bind mount: the mount goes
        // with the process, whatever happens to the test.
        List<String> mountReadOnly = List.of(
                "unshare",
                "-m",
                "sh",
                "-c",
                "mount --bind \"$1\" \"$1\" && mount -o remount,bind,ro \"$1\" || exit 97; shift; exec \"$@\"",
                "sh",
                www.toString());
        List<String> probe = new ArrayList<>(mountReadOnly);
        probe.addAll(List.of("touch", www.resolve("x").toString()));
        int probed;
        try {
            probed = run(probe);
        } catch (IOException e) {
            probed = 97; // no unshare
        }
        Assumptions.assumeTrue(probed != 97 && probed != -1, "no mount namespaces with read-only bind mounts here");
        assertTrue(probed != 0 && !Files.exists(www.resolve("x")), "the bind mount is read-only");

        CliProcess.Result r = CliProcess.start(
                        tmp.resolve("logs"),
                        CliProcess.command(
                                mountReadOnly, "build", "--source", root.toString(), "--output", site.toString()))
                .await();
        assertOneFindingAndNoTrace(
                r,
                site + ": error: cannot create the lock file " + www.resolve(".site.lock")
                        + ": read-only file system; make " + www,
                "read-only file system");
        assertSiteUnchanged();
    }
}
