package org.arshif.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The warm build process's class-data-sharing archive (AppCDS): the classes of the plugin, the core and its libraries,
 * parsed, verified and laid out as the JVM keeps them, in a file that a new process maps instead of loading those
 * classes again from their jars (about 0.3 s of CPU, and of a new process's start, on the critical path of every
 * first build). Java 17 has no {@code -XX:+AutoCreateSharedArchive}, so the first process of an identity key (see
 * {@link DaemonClient#key}) starts with {@code -XX:DumpLoadedClassList} and, once its first build has answered and
 * filled its cache, has a separate JVM write the archive from that list ({@code -Xshare:dump}), in a shell's
 * background job, under a temporary name moved into place when whole: off the critical path, nothing kept in the
 * warm process, and never half a file under the archive's name. Every later process of that key and JVM starts with
 * {@code -XX:SharedArchiveFile}; a file the JVM rejects (another JDK build in the same place) is only a slower start,
 * as without it.
 *
 * <p>The archives outlive {@code mvn clean} (which would otherwise delete the archive with the cache, and every first
 * build would pay the dump and not gain from it): they are kept in {@code $ARSHIF_CDS_DIR}, else
 * {@code $XDG_CACHE_HOME/arshif/cds}, else {@code ~/.cache/arshif/cds}, one file (~30 MB) per plugin version, JVM and
 * options; an archive unused for {@link #STALE} is removed when another is written. {@code ARSHIF_CDS=0} turns it
 * off. Only a class path of jar files can be archived (a class folder, as in the plugin's own tests, cannot), and
 * only where there is a {@code /bin/sh}; otherwise nothing is added.
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
    /** The option that makes a JVM list the classes it loads, the archive's input. */
    private static final String CLASS_LIST = "-XX:DumpLoadedClassList=";
    /**
     * Runs the dump ({@code $5…}) at a low priority, then moves the whole archive into place; removes the lists. Its
     * output is kept beside the archive ({@code ….tmp.log}) only when it fails.
     */
    private static final String DUMP_SCRIPT = "list=$1 lines=$2 partial=$3 archive=$4; shift 4;"
            + " if command -v nice >/dev/null; then set -- nice -n 10 \"$@\"; fi;"
            + " \"$@\" </dev/null >\"$partial.log\" 2>&1 && [ -s \"$partial\" ] && mv -f \"$partial\" \"$archive\""
            + " && rm -f \"$partial.log\"; rm -f \"$partial\" \"$list\" \"$lines\"";
    /** Where the dump's background job runs; absent on Windows, where no archive is made. */
    private static final Path SHELL = Path.of("/bin/sh");
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
        if (!Files.isExecutable(SHELL)) {
            return List.of(); // the archive is written by a shell's background job (see writeIfAsked)
        }
        try {
            createPrivateFolder(folder.get()); // the JVM writes its class list there from its start
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        Path list = archive.resolveSibling(
                archive.getFileName() + "." + Long.toHexString(new SecureRandom().nextLong()) + ".classlist");
        return List.of(CLASS_LIST + list, QUIET, "-D" + DUMP_PROPERTY + "=" + archive);
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
     * In the warm process, after its first build: starts writing the archive this process was started to write (see
     * {@link #DUMP_PROPERTY}) from the list of the classes it loaded, unless the archive exists already. The archive
     * is written by a separate JVM ({@code -Xshare:dump}) in a shell's background job, at a low priority, under a
     * temporary name moved into place when it is whole: this process keeps nothing of it (a dynamic dump inside it
     * kept ~70 MB for its life) and need not outlive it. Says what it did in {@code log}; never throws.
     */
    static void writeIfAsked(PrintStream log) {
        String target = System.getProperty(DUMP_PROPERTY);
        Optional<String> list = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith(CLASS_LIST))
                .map(a -> a.substring(CLASS_LIST.length()))
                .findFirst();
        if (target == null || list.isEmpty() || !Files.isRegularFile(Path.of(list.get()))) {
            return;
        }
        Path archive = Path.of(target);
        if (Files.exists(archive)) {
            deleteQuietly(Path.of(list.get()));
            return;
        }
        Path partial = archive.resolveSibling(
                archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Path lines = partial.resolveSibling(partial.getFileName() + ".classlist");
        List<String> command = new ArrayList<>(List.of(
                SHELL.toString(),
                "-c",
                DUMP_SCRIPT,
                "sh",
                list.get(),
                lines.toString(),
                partial.toString(),
                archive.toString()));
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:dump",
                "-XX:SharedClassListFile=" + lines,
                "-XX:SharedArchiveFile=" + partial,
                QUIET,
                "-cp",
                System.getProperty("java.class.path")));
        try {
            copyWholeLines(Path.of(list.get()), lines);
            Process shell = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            shell.getOutputStream().close();
            log.println("Writing the class-data archive " + archive + " in a separate JVM (pid " + shell.pid()
                    + "): the next build processes start from it");
            removeStale(archive);
        } catch (IOException | RuntimeException e) {
            log.println("Could not start writing the class-data archive " + archive + ": " + e);
        }
    }

    /** The whole lines of the class list so far: this process still loads a class now and then, and lists it. */
    private static void copyWholeLines(Path list, Path to) throws IOException {
        byte[] listed = Files.readAllBytes(list);
        int whole = listed.length;
        while (whole > 0 && listed[whole - 1] != '\n') {
            whole--;
        }
        Files.write(to, Arrays.copyOf(listed, whole));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // removeStale takes it later
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
        try (DirectoryStream<Path> files = Files.newDirectoryStream(kept.getParent(), "*.{jsa,tmp,classlist,log}")) {
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
