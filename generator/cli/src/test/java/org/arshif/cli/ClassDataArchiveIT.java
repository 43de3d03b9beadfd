package org.arshif.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm process's class-data archive for real: the shaded jar as the class path (a class folder cannot be
 * archived), the first process has a separate JVM write the archive after its first build, and a new process maps
 * it and builds the same site.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "/proc")
class ClassDataArchiveIT {
    private static final Path JAR = Path.of(System.getProperty("arshif.cliJar", "target/arshif-cli.jar"));
    /** How long the first process may take to write its archive; bounds a wait, it is not a timing assertion. */
    private static final long WRITE_MILLIS = 60_000;

    @TempDir
    Path tmp;

    private final List<Long> started = new ArrayList<>();

    @AfterEach
    void endProcesses() {
        started.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void theFirstProcessWritesTheArchiveAndTheNextStartsFromIt() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is built by package");
        Path root = OrphanTest.archive(tmp.resolve("src"), 3);
        Path folder = tmp.resolve("cds");
        DaemonClient.Outcome first = build(root, "one", folder);
        assertEquals(0, first.status());
        // a second build in the same process at once, while the archive is being written: no second writer
        assertEquals(first.pid(), build(root, "one", folder).pid());
        Path archive = awaitArchive(folder);
        Path log = tmp.resolve("one/cache/daemon/daemon.log");
        // (the second build's own look at the list came long before the archive was whole)
        String said = awaitLine(log, "Writing the class-data archive " + archive);
        assertEquals(
                1,
                said.lines()
                        .filter(l -> l.startsWith("Writing the class-data archive"))
                        .count(),
                said);

        DaemonClient.Outcome second = build(root, "two", folder);
        assertEquals(0, second.status());
        assertTrue(second.pid() != first.pid(), "a process of its own");
        String commandLine = commandLine(second.pid());
        assertTrue(commandLine.contains("-XX:SharedArchiveFile=" + archive), commandLine);
        String maps = Files.readString(Path.of("/proc", Long.toString(second.pid()), "maps"));
        assertTrue(maps.contains(archive.toString()), "the JVM mapped the archive, it did not reject it");
        Trees.assertSameTree(Trees.read(tmp.resolve("one/site")), Trees.read(tmp.resolve("two/site")), "the site");
        assertEquals(
                List.of(archive),
                awaitOnly(folder, archive),
                "one archive, neither the class list nor a partial file left");
    }

    @Test
    void anArchiveTheJvmDoesNotTakeIsSetAsideAndItsKeyBuildsWithoutOne() throws Exception {
        Path root = OrphanTest.archive(tmp.resolve("src"), 3);
        Path folder = tmp.resolve("cds");
        assertEquals(0, build(root, "one", folder).status());
        Path archive = awaitArchive(folder);
        awaitOnly(folder, archive);
        byte[] notAnArchive = new byte[4096];
        Arrays.fill(notAnArchive, (byte) 'x');
        Files.write(archive, notAnArchive); // as an archive of another JDK build, or a damaged file

        DaemonClient.Outcome second = build(root, "two", folder);
        assertEquals(0, second.status(), "only a slower start");
        assertTrue(commandLine(second.pid()).contains("-XX:SharedArchiveFile=" + archive));
        Trees.assertSameTree(Trees.read(tmp.resolve("one/site")), Trees.read(tmp.resolve("two/site")), "the site");
        Path refused = archive.resolveSibling(archive.getFileName() + ClassDataArchive.REFUSED);
        assertTrue(
                awaitLine(tmp.resolve("two/cache/daemon/daemon.log"), "did not take the class-data archive " + archive)
                        .contains("did not take"));
        assertEquals(List.of(refused), awaitOnly(folder, refused), "set aside, not mapped again");

        DaemonClient.Outcome third = build(root, "three", folder);
        assertEquals(0, third.status());
        String started = commandLine(third.pid());
        assertFalse(started.contains("SharedArchiveFile") || started.contains("DumpLoadedClassList"), started);
        assertEquals(List.of(refused), awaitOnly(folder, refused), "nor written again");
    }

    @Test
    void nothingIsAddedWhenTurnedOffOrForAClassFolder() throws Exception {
        Path folder = tmp.resolve("cds");
        List<String> jar = List.of(JAR.toString());
        Map<String, String> env = Map.of(ClassDataArchive.FOLDER_ENV, folder.toString());
        assertEquals(
                List.of(
                        "-Xlog:cds*=error",
                        "-D" + ClassDataArchive.DUMP_PROPERTY + "=" + folder.resolve(ClassDataArchive.name("k"))),
                ClassDataArchive.startOptions("k", jar, env).subList(1, 3));
        assertTrue(ClassDataArchive.startOptions("k", jar, env).get(0).startsWith("-XX:DumpLoadedClassList=" + folder));
        assertEquals(
                List.of(),
                ClassDataArchive.startOptions(
                        "k", jar, Map.of(ClassDataArchive.FOLDER_ENV, folder.toString(), "ARSHIF_CDS", "0")));
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        assertEquals(List.of(), ClassDataArchive.startOptions("k", List.of(JAR.toString(), classes.toString()), env));
    }

    /** A build of {@code root} into {@code name/site} in a new warm process with its cache in {@code name/cache}. */
    private DaemonClient.Outcome build(Path root, String name, Path folder) throws Exception {
        DaemonClient client = new DaemonClient(
                tmp.resolve(name).resolve("cache/daemon"),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                List.of("-XX:TieredStopAtLevel=1"),
                List.of(JAR.toString()),
                Map.of(ClassDataArchive.FOLDER_ENV, folder.toString()));
        List<String> lines = new ArrayList<>();
        return BuildDaemonTest.recordedBuild(
                client,
                List.of(
                        "--source",
                        root.toString(),
                        "--output",
                        tmp.resolve(name).resolve("site").toString(),
                        "--cache",
                        tmp.resolve(name).resolve("cache").toString()),
                lines,
                started);
    }

    /** The command line of the live process {@code pid}. */
    private static String commandLine(long pid) {
        return String.join(
                " ",
                ProcessHandle.of(pid)
                        .flatMap(p -> p.info().arguments())
                        .map(List::of)
                        .orElseThrow());
    }

    /** The text of {@code log} once it holds {@code line} (bounded wait). */
    private static String awaitLine(Path log, String line) throws Exception {
        String said = "";
        for (long deadline = System.currentTimeMillis() + WRITE_MILLIS;
                !said.contains(line) && System.currentTimeMillis() < deadline; ) {
            Thread.sleep(50);
            said = Files.isRegularFile(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        }
        assertTrue(said.contains(line), line + " in " + said);
        return said;
    }

    /** The files of {@code folder} once {@code file} is the only one (a writer's partial files gone; bounded). */
    private static List<Path> awaitOnly(Path folder, Path file) throws Exception {
        List<Path> left = List.of();
        for (long deadline = System.currentTimeMillis() + WRITE_MILLIS;
                !left.equals(List.of(file)) && System.currentTimeMillis() < deadline; ) {
            try (Stream<Path> files = Files.list(folder)) {
                left = files.sorted().toList();
            }
            Thread.sleep(50);
        }
        return left;
    }

    /** The archive the first process writes after its build, once it is in place. */
    private static Path awaitArchive(Path folder) throws Exception {
        long deadline = System.currentTimeMillis() + WRITE_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    List<Path> archives =
                            files.filter(f -> f.toString().endsWith(".jsa")).toList();
                    if (!archives.isEmpty()) {
                        return archives.get(0);
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no archive in " + folder + " after " + WRITE_MILLIS + " ms");
    }
}
