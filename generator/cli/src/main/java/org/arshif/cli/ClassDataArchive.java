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
import java.util.Arrays;
import java.util.Comparator;
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
 * {@code -XX:SharedArchiveFile}. A file the JVM does not take (another JDK build of the same version, a file that is
 * not an archive) is only a slower start, as without it, and is set aside by that process so that its key neither
 * uses nor writes one again ({@link #setAsideIfRefused}). The writing JVM gets the warm process's heap-size and
 * collector options, which decide the pointer layout an archive must share with the JVM that maps it. A second build
 * that ends while the archive is written starts no second writer: the class list is taken, once, at the first.
 *
 * <p>The archives outlive {@code mvn clean} (which would otherwise delete the archive with the cache, and every first
 * build would pay the dump and not gain from it): they are kept in {@code $ARSHIF_CDS_DIR}, else
 * {@code $XDG_CACHE_HOME/arshif/cds}, else {@code ~/.cache/arshif/cds}, one file (~30 MB) per plugin version, JVM and
 * options; when another is written, an archive unused for {@link #STALE} is removed, and so are those beyond the
 * {@link #KEPT} most recently used (a plugin installed again is a new key). {@code ARSHIF_CDS=0} turns it off; a
 * read-only folder only means none. Only a class path of jar files can be archived (a class folder, as in the plugin's own tests, cannot), and
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
     * Runs the dump ({@code $4…}) at a low priority, then moves the whole archive into place; removes its class list.
     * Its output is kept beside the archive ({@code ….tmp.log}) only when it fails.
     */
    private static final String DUMP_SCRIPT = "lines=$1 partial=$2 archive=$3; shift 3;"
            + " if command -v nice >/dev/null; then set -- nice -n 10 \"$@\"; fi;"
            + " \"$@\" </dev/null >\"$partial.log\" 2>&1 && [ -s \"$partial\" ] && mv -f \"$partial\" \"$archive\""
            + " && rm -f \"$partial.log\"; rm -f \"$partial\" \"$lines\"";
    /** Where the dump's background job runs; absent on Windows, where no archive is made. */
    private static final Path SHELL = Path.of("/bin/sh");
    /** The JVM's notes about classes it leaves out of an archive are many and harmless; its errors still show. */
    private static final String QUIET = "-Xlog:cds*=error";
    /** The option that makes a JVM map an archive. */
    private static final String USE = "-XX:SharedArchiveFile=";
    /** Beside an archive's name: the JVM did not take that archive, and none is used or written for its key again. */
    static final String REFUSED = ".refused";
    /** The archives kept at most, the most recently used (each ~30 MB; a plugin installed again is a new key). */
    static final int KEPT = 4;
    /**
     * The warm process's options that the writing JVM takes over: those that decide the compressed pointers and the
     * object alignment, which an archive must share with the JVM that maps it (the JVM's defaults differ with the
     * heap's size and the collector).
     */
    private static final List<String> LAYOUT_OPTIONS =
            List.of("-Xmx", "-XX:MaxHeapSize", "-XX:MaxRAM", "-XX:+Use", "-XX:-Use", "-XX:ObjectAlignmentInBytes");

    private ClassDataArchive() {}

    /**
     * The options that make a new warm process of {@code key} start from its archive, or record what it needs to
     * write one; empty when it cannot or should not ({@code env}: this JVM's environment and the client's).
     */
    static List<String> startOptions(String key, List<String> classPath, Map<String, String> env) {
        try {
            return options(key, classPath, env);
        } catch (RuntimeException e) {
            return List.of(); // whatever is odd about the folder or the class path: started as without an archive
        }
    }

    private static List<String> options(String key, List<String> classPath, Map<String, String> env) {
        Optional<Path> folder = folder(env);
        if (folder.isEmpty() || classPath.isEmpty() || !classPath.stream().allMatch(ClassDataArchive::isJar)) {
            return List.of();
        }
        Path archive = folder.get().resolve(name(key));
        if (Files.exists(sibling(archive, REFUSED))) {
            return List.of(); // the JVM would not take this key's archive: started as without one
        }
        if (Files.isRegularFile(archive) && Files.isReadable(archive)) {
            try {
                Files.setLastModifiedTime(archive, FileTime.from(Instant.now())); // in use: not stale
            } catch (IOException | RuntimeException e) {
                // a read-only folder: the archive is still used
            }
            return List.of(USE + archive, QUIET);
        }
        if (!Files.isExecutable(SHELL)) {
            return List.of(); // the archive is written by a shell's background job (see writeIfAsked)
        }
        try {
            createPrivateFolder(folder.get()); // the JVM writes its class list there from its start
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        if (!Files.isWritable(folder.get())) {
            return List.of(); // a read-only cache: no list (the JVM would warn that it cannot write it)
        }
        // Unique among the clients that may start a process of this key at once: this JVM's pid, and the time.
        Path list = sibling(
                archive,
                "." + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime()) + ".classlist");
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
     * In the warm process, after a build: sets aside the archive it started from if its JVM did not take it (see
     * {@link #setAsideIfRefused}); after its first: starts writing the archive this process was started to write (see
     * {@link #DUMP_PROPERTY}) from the list of the classes it loaded, unless the archive exists already. The archive
     * is written by a separate JVM ({@code -Xshare:dump}) in a shell's background job, at a low priority, under a
     * temporary name moved into place when it is whole: this process keeps nothing of it (a dynamic dump inside it
     * kept ~70 MB for its life) and need not outlive it. Says what it did in {@code log}; never throws.
     */
    static void writeIfAsked(PrintStream log) {
        try {
            setAsideOrWrite(log);
        } catch (RuntimeException e) {
            log.println("The class-data archive was left alone: " + e);
        }
    }

    private static void setAsideOrWrite(PrintStream log) {
        List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        setAsideIfRefused(arguments, System.getProperty("java.vm.info", ""), log);
        String target = System.getProperty(DUMP_PROPERTY);
        Optional<Path> list = option(arguments, CLASS_LIST);
        if (target == null || list.isEmpty() || !Files.isRegularFile(list.get())) {
            return;
        }
        Path archive = Path.of(target);
        Path partial = sibling(archive, "." + ProcessHandle.current().pid() + ".tmp");
        Path lines = sibling(partial, ".classlist");
        try {
            if (!Files.exists(archive)) {
                copyWholeLines(list.get(), lines);
            }
        } catch (IOException | RuntimeException e) {
            log.println("Could not start writing the class-data archive " + archive + ": " + e);
            return;
        } finally {
            // At once, so that a build that ends while the dump runs starts no second one (this JVM still writes to
            // the list it opened, which goes with the process).
            deleteQuietly(list.get());
        }
        if (Files.isRegularFile(lines)) {
            startDump(archive, partial, lines, arguments, log);
        }
    }

    /** Starts the JVM that writes {@code archive} from the class list {@code lines}, in a shell's background job. */
    private static void startDump(Path archive, Path partial, Path lines, List<String> arguments, PrintStream log) {
        List<String> command = new ArrayList<>(List.of(
                SHELL.toString(),
                "-c",
                DUMP_SCRIPT,
                "sh",
                lines.toString(),
                partial.toString(),
                archive.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        arguments.stream()
                .filter(a -> LAYOUT_OPTIONS.stream().anyMatch(a::startsWith))
                .forEach(command::add);
        command.addAll(List.of(
                "-Xshare:dump",
                "-XX:SharedClassListFile=" + lines,
                USE + partial,
                QUIET,
                "-cp",
                System.getProperty("java.class.path")));
        try {
            Process shell = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            shell.getOutputStream().close();
            log.println("Writing the class-data archive " + archive + " in a separate JVM (pid " + shell.pid()
                    + "): the next build processes start from it");
            removeStale(archive);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(lines);
            log.println("Could not start writing the class-data archive " + archive + ": " + e);
        }
    }

    /**
     * A process started with an archive that its JVM did not take ({@code vmInfo} does not say "sharing": another
     * JDK build of the same version, a jar changed in place, a file that is not an archive) renames it {@code
     * ….refused}: no later process of its key maps it or writes another, and it is said once, here.
     */
    static void setAsideIfRefused(List<String> arguments, String vmInfo, PrintStream log) {
        Optional<Path> used = option(arguments, USE);
        if (used.isEmpty() || vmInfo.contains("sharing") || !Files.isRegularFile(used.get())) {
            return;
        }
        try {
            Files.move(used.get(), sibling(used.get(), REFUSED), StandardCopyOption.REPLACE_EXISTING);
            log.println("This JVM did not take the class-data archive " + used.get() + " (" + vmInfo + "): set aside"
                    + " as " + REFUSED + ", so the build processes of its key start without one");
        } catch (IOException | RuntimeException e) {
            // another process set it aside just now, or the folder is read-only: only a slower start either way
        }
    }

    /** The value of the JVM option {@code prefix} (ending in "="), as a path. */
    private static Optional<Path> option(List<String> arguments, String prefix) {
        return arguments.stream()
                .filter(a -> a.startsWith(prefix))
                .map(a -> Path.of(a.substring(prefix.length())))
                .findFirst();
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
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

    /**
     * Removes the files of the folder unused for {@link #STALE} (archives, and what failed dumps or crashed
     * processes left), and the archives beyond the {@link #KEPT} most recently used, but never {@code kept}.
     */
    static void removeStale(Path kept) throws IOException {
        Instant before = Instant.now().minus(STALE);
        List<Path> stale = new ArrayList<>();
        List<Path> archives = new ArrayList<>();
        try (DirectoryStream<Path> files =
                Files.newDirectoryStream(kept.getParent(), "*.{jsa,tmp,classlist,log,refused}")) {
            for (Path file : files) {
                if (file.equals(kept)) {
                    continue;
                } else if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                    stale.add(file);
                } else if (file.toString().endsWith(".jsa")) {
                    archives.add(file);
                }
            }
        }
        // the newest first (a process that maps an archive touches it), by name when two share a time
        archives.sort(
                Comparator.comparing(ClassDataArchive::modified).reversed().thenComparing(Path::toString));
        stale.addAll(archives.subList(Math.min(archives.size(), KEPT - 1), archives.size()));
        for (Path file : stale) {
            Files.deleteIfExists(file);
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
