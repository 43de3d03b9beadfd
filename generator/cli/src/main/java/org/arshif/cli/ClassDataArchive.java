package org.arshif.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The warm build process's class-data-sharing archive (AppCDS): the classes of the plugin, the core and its libraries,
 * parsed, verified and laid out as the JVM keeps them, in a file that a new process maps instead of loading those
 * classes again from their jars (about 0.3–0.5 s of a new process's start, on the critical path of every first
 * build). Java 17 has no {@code -XX:+AutoCreateSharedArchive}, so the first process of an identity key (see
 * {@link DaemonClient#key}) starts with {@code -XX:+RecordDynamicDumpInfo} and, once its first build has answered and
 * filled its cache, writes the archive with the JVM's own {@code VM.cds dynamic_dump} command (its diagnostic-command
 * MBean), under a temporary name that is then moved into place: off the critical path, and never half a file under
 * the archive's name. Every later process of that key and JVM starts with {@code -XX:SharedArchiveFile}; a file
 * the JVM rejects (another JDK build in the same place) is only a slower start, as without it.
 *
 * <p>The archives outlive {@code mvn clean} (which would otherwise delete the archive with the cache, and every first
 * build would pay the dump and not gain from it): they are kept in {@code $ARSHIF_CDS_DIR}, else
 * {@code $XDG_CACHE_HOME/arshif/cds}, else {@code ~/.cache/arshif/cds}, one file (~25 MB at 10k) per plugin version,
 * JVM and options; an archive unused for {@link #STALE} is removed when another is written. {@code ARSHIF_CDS=0}
 * turns it off. Only a class path of jar files can be archived (a class folder, as in the plugin's own tests,
 * cannot), so then nothing is added.
 */
final class ClassDataArchive {
    /** The environment variable that turns the archive off ({@code 0}). */
    static final String OFF_ENV = "ARSHIF_CDS";
    /** The environment variable that names the folder of the archives. */
    static final String FOLDER_ENV = "ARSHIF_CDS_DIR";
    /** The system property that tells a warm process where to write its archive (set by {@link DaemonClient}). */
    static final String DUMP_PROPERTY = "arshif.cds.dumpTo";
    /** An archive not used for this long is removed when another one is written. */
    static final Duration STALE = Duration.ofDays(30);
    /** The JVM's notes about classes it leaves out of an archive are many and harmless; its errors still show. */
    private static final String QUIET = "-Xlog:cds*=error";

    private ClassDataArchive() {}

    /**
     * The options that make a new warm process of {@code key} start from its archive, or record what it needs to
     * write one; empty when it cannot or should not ({@code env}: this JVM's environment and the client's).
     */
    static List<String> startOptions(String key, List<String> classPath, Map<String, String> env) {
        Optional<Path> folder = folder(env);
        if (folder.isEmpty() || classPath.isEmpty() || !classPath.stream().allMatch(ClassDataArchive::isJar)) {
            return List.of();
        }
        Path archive = folder.get().resolve(name(key));
        if (Files.isRegularFile(archive) && Files.isReadable(archive)) {
            try {
                Files.setLastModifiedTime(archive, FileTime.from(Instant.now())); // in use: not stale
            } catch (IOException | RuntimeException e) {
                // a read-only folder: the archive is still used
            }
            return List.of("-XX:SharedArchiveFile=" + archive, QUIET);
        }
        return List.of("-XX:+RecordDynamicDumpInfo", QUIET, "-D" + DUMP_PROPERTY + "=" + archive);
    }

    /** The archive's file name: the key and this JVM's build (the archive is only valid for the JVM that wrote it). */
    static String name(String key) {
        String vm = System.getProperty("java.vm.version", "unknown").replaceAll("[^A-Za-z0-9._-]", "_");
        return key + "-" + vm + ".jsa";
    }

    /** The folder of the archives, empty when they are turned off or there is no home folder. */
    static Optional<Path> folder(Map<String, String> env) {
        if ("0".equals(env.get(OFF_ENV))) {
            return Optional.empty();
        }
        try {
            String named = env.get(FOLDER_ENV);
            if (named != null && !named.isEmpty()) {
                return Optional.of(Path.of(named).toAbsolutePath());
            }
            String xdg = env.get("XDG_CACHE_HOME");
            if (xdg != null && Path.of(xdg).isAbsolute()) {
                return Optional.of(Path.of(xdg, "arshif", "cds"));
            }
            String home = System.getProperty("user.home");
            return home == null || home.isEmpty() || home.equals("?")
                    ? Optional.empty()
                    : Optional.of(Path.of(home, ".cache", "arshif", "cds"));
        } catch (RuntimeException badPath) {
            return Optional.empty();
        }
    }

    private static boolean isJar(String entry) {
        return entry.toLowerCase(Locale.ROOT).endsWith(".jar") && Files.isRegularFile(Path.of(entry));
    }

    /**
     * In the warm process, after a build: writes the archive this process was started to write (see
     * {@link #DUMP_PROPERTY}) unless it exists already; says what happened in {@code log}, never throws.
     */
    static void writeIfAsked(PrintStream log) {
        String target = System.getProperty(DUMP_PROPERTY);
        if (target == null || Files.exists(Path.of(target))) {
            return;
        }
        Path archive = Path.of(target);
        Path partial = archive.resolveSibling(
                archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        long start = System.nanoTime();
        try {
            createPrivateFolder(archive.getParent());
            Object said = ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "vmCds",
                            new Object[] {new String[] {"dynamic_dump", partial.toString()}},
                            new String[] {String[].class.getName()});
            if (!Files.isRegularFile(partial)) {
                log.println("Could not write the class-data archive: "
                        + String.valueOf(said).strip());
                return;
            }
            Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            log.println("Wrote the class-data archive " + archive + " in " + (System.nanoTime() - start) / 1_000_000
                    + " ms: the next build processes start from it");
            removeStale(archive);
        } catch (IOException | JMException | RuntimeException e) {
            log.println("Could not write the class-data archive " + archive + ": " + e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // left for removeStale
            }
        }
    }

    private static void createPrivateFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(
                    folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(folder);
        }
    }

    /** Removes the archives (and left-over partial files) of the folder unused for {@link #STALE}, but {@code kept}. */
    private static void removeStale(Path kept) throws IOException {
        Instant before = Instant.now().minus(STALE);
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(kept.getParent(), "*.{jsa,tmp}")) {
            for (Path file : files) {
                if (!file.equals(kept)
                        && Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                    stale.add(file);
                }
            }
        }
        for (Path file : stale) {
            Files.deleteIfExists(file);
        }
    }
}
