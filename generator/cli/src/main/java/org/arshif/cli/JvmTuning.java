package org.arshif.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.arshif.diag.FileNameEncoding;
import org.arshif.incremental.PageCache;

/**
 * The JVM options a command runs best with, and whether the CLI should start itself again to get them.
 *
 * <p>A build is a one-shot batch job of 10–60 seconds on machines with few cores. Measured on a 2-core machine
 * with a 10,000-dispatch archive, the JVM's defaults spent as much CPU on compiling and collecting as on
 * building: 18 s wall, 35 s CPU and 1.9 GB peak memory. With the C1 compiler alone and the parallel collector
 * over a fixed 128 MB young generation it took 9.4 s, 17 s and 410 MB (the serial collector: 10.6 s, its
 * single-threaded pauses stalling the other core; a larger young generation promotes no less and touches more
 * memory). A jar cannot carry JVM options, so {@code java -jar arshif-cli.jar build} starts a second JVM with
 * them, as Gradle's client does, unless the user chose a collector or compiler, attached an agent, or set
 * {@code ARSHIF_FORK=0}. {@code serve} gets C1 too: its work after the start comes in small batches (an edit is
 * tens of milliseconds of CPU), and with C2 the compiler spent more CPU during each of the first ten edits than
 * the edit itself (130–620 ms against ~100 ms, 10k archive), and tripled the start. The second JVM also gets a UTF-8 locale when
 * this one has none (see {@link FileNameEncoding}), and ends with this one (see {@link SecondJvm}). The Maven goal
 * {@code build} starts the same second JVM, as Surefire forks tests (see {@code org.arshif.maven.ForkedBuild}).
 */
public final class JvmTuning {
    /** Set in the second JVM, so that it never starts a third. */
    static final String FORKED_PROPERTY = "arshif.forked";

    static final String FORK_ENV = "ARSHIF_FORK";
    /** Young generation: what one batch of parsing, analysis or rendering allocates, without promoting it. */
    static final long YOUNG_BYTES = 128L << 20;
    /**
     * Initial heap of a first build or a check (a build with nothing in its cache to decode): the young generation and
     * 192 MB of old. Under {@link #TIGHT_OLD_GENERATION}, a 64 MB old generation grew one full collection at a time: a
     * 10,000-dispatch build that fills its cache (a first {@code mvn package}) ran 10–11 of them, one without a cache
     * 6; from 192 MB, 2 each, for a peak RSS 0–11 MB higher (w18-first in bench/RESULTS.md). With the JVM's default
     * initial heap (1/64 of the machine's memory, 384 MB on 24 GB) and its own ratios, the old generation filled with
     * dead objects up to its initial size before its first collection, and such a build peaked at 438–448 MB.
     */
    static final long INITIAL_HEAP_BYTES = YOUNG_BYTES + (192L << 20);
    /** Initial heap of {@code serve}: it runs for hours, and this is also the least heap it keeps. */
    static final long SERVE_INITIAL_HEAP_BYTES = YOUNG_BYTES + (64L << 20);
    /**
     * Initial heap of a build into a cache that holds a previous build (an edit's rebuild): the young generation and
     * 384 MB of old. Such a build decodes the whole archive's model from the cache in its first second, and about
     * 200 MB of it outlives the load (10,000 dispatches); over 64 MB of old, the collector made room by two full
     * collections, 0.8 s of CPU of an 8 s rebuild, landing in the phases after the load (most of the assets phase's
     * 0.4–0.5 s). With this size there was no full collection: 0.6 s less CPU per rebuild (14 pairs), for a peak RSS
     * about 20 MB higher (the load's dead objects stay in the old generation; the small heap grew to 459 MB anyway).
     */
    static final long REBUILD_INITIAL_HEAP_BYTES = YOUNG_BYTES + (384L << 20);
    /**
     * How much of the old generation a full collection leaves free: 10–20 % of it, not the JVM's 40–70 %. A build's
     * peak memory is the old generation's high-water mark, which the parallel collector lets fill with promoted
     * garbage up to the size the last full collection chose: with the defaults a 10,000-dispatch build that fills
     * its cache (what {@code mvn package} runs) peaked at 446–456 MB, with these at 398–407 MB, for 5 more full
     * collections. Not for a rebuild, which is sized to need no full collection (see
     * {@link #REBUILD_INITIAL_HEAP_BYTES}), nor for {@code serve}, which runs for hours.
     */
    static final List<String> TIGHT_OLD_GENERATION = List.of("-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20");

    /**
     * Options of the warm build process alone (see {@code BuildDaemon}), which runs many builds and idles between
     * them. {@code UseAdaptiveSizePolicyWithSystemGC}: the collection it runs after each build then follows the heap
     * free ratios, so that the old generation can give its pages back (the parallel collector's policy otherwise
     * only grows it, and a rebuild's peak crept ~4 MB a build); a build never calls {@code System.gc()}, so a first
     * build is the same. {@code jdk.nio.maxCachedBufferSize}: a thread that reads a whole file of a few MB through
     * NIO keeps a direct buffer of its size for good (the process's C heap grew ~1 MB a build).
     */
    public static final List<String> WARM_PROCESS =
            List.of("-XX:+UseAdaptiveSizePolicyWithSystemGC", "-Djdk.nio.maxCachedBufferSize=262144");
    /**
     * The least heap of the warm build process when its first build got {@link #INITIAL_HEAP_BYTES}: {@code -Xms}
     * is also the floor the heap never shrinks under, and the process should give back, between builds, what its
     * first build's larger start needed (the floor before that start grew: {@link #SERVE_INITIAL_HEAP_BYTES}).
     */
    static final long WARM_PROCESS_MIN_HEAP_BYTES = SERVE_INITIAL_HEAP_BYTES;
    /**
     * The warm build process's variables, unless set already: glibc's malloc keeps one arena per thread up to 8 per
     * core, and the process's C heap grew ~4 MB an arena a build, whatever was trimmed (zlib's streams and the
     * JDK's native buffers, which the JVM does not track). With 2 arenas the idle process stayed at ~285 MB over 8
     * edits, and a rebuild's peak fell 10–30 MB (10k archive).
     */
    static final Map<String, String> WARM_PROCESS_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private JvmTuning() {}

    /**
     * {@link #WARM_PROCESS}, and a lower floor for the heap when {@code jvmOptions} hold this class's initial heap of
     * a first build (a floor the user set, or another initial heap, is left alone).
     */
    static List<String> warmProcessOptions(List<String> jvmOptions) {
        List<String> add = new ArrayList<>(WARM_PROCESS);
        if (jvmOptions.contains("-Xms" + (INITIAL_HEAP_BYTES >> 20) + "m")
                && jvmOptions.stream().noneMatch(o -> o.startsWith("-XX:MinHeapSize"))) {
            add.add("-XX:MinHeapSize=" + (WARM_PROCESS_MIN_HEAP_BYTES >> 20) + "m");
        }
        return add;
    }

    /**
     * The options to add for {@code command}, given the JVM's own arguments and the command's; empty when the JVM
     * should be kept as it is. A {@code build} whose {@code --cache} folder holds a previous build starts with a
     * larger heap (see {@link #REBUILD_INITIAL_HEAP_BYTES}).
     */
    public static List<String> missingOptions(
            String command,
            List<String> jvmArguments,
            Map<String, String> env,
            boolean forked,
            List<String> commandArguments) {
        if (!mayFork(command, jvmArguments, env, forked) || command.equals("new")) {
            return List.of();
        }
        List<String> add = new ArrayList<>();
        Chosen chosen = Chosen.of(jvmArguments);
        long maxHeap = chosen.maxHeap();
        if (!chosen.collector()) {
            add.add("-XX:+UseParallelGC");
            if (!chosen.young() && (maxHeap < 0 || maxHeap >= 4 * YOUNG_BYTES)) {
                add.add("-Xmn" + (YOUNG_BYTES >> 20) + "m");
                if (!chosen.initial()) {
                    long initial = command.equals("serve")
                            ? SERVE_INITIAL_HEAP_BYTES
                            : command.equals("build")
                                            && (maxHeap < 0 || maxHeap >= REBUILD_INITIAL_HEAP_BYTES)
                                            && rebuild(commandArguments)
                                    ? REBUILD_INITIAL_HEAP_BYTES
                                    : INITIAL_HEAP_BYTES;
                    add.add("-Xms" + (initial >> 20) + "m");
                    if (initial == INITIAL_HEAP_BYTES && !chosen.freeRatio() && !command.equals("serve")) {
                        add.addAll(TIGHT_OLD_GENERATION);
                    }
                }
            }
        }
        if (!chosen.compiler()) {
            add.add("-XX:TieredStopAtLevel=1");
        }
        return add;
    }

    /** What the user's JVM options already chose (and the maximum heap they set, or -1). */
    private record Chosen(
            boolean collector, boolean compiler, boolean young, boolean initial, boolean freeRatio, long maxHeap) {
        static Chosen of(List<String> jvmArguments) {
            boolean collector = false;
            boolean compiler = false;
            boolean young = false;
            boolean initial = false;
            boolean freeRatio = false;
            long maxHeap = -1;
            for (String arg : jvmArguments) {
                collector |= arg.matches("-XX:[+-]Use\\w*GC");
                compiler |= arg.startsWith("-XX:TieredStopAtLevel")
                        || arg.matches("-XX:[+-]TieredCompilation")
                        || arg.equals("-Xint")
                        || arg.equals("-Xcomp");
                young |= arg.startsWith("-Xmn")
                        || arg.startsWith("-XX:NewSize")
                        || arg.startsWith("-XX:MaxNewSize")
                        || arg.startsWith("-XX:NewRatio");
                initial |= arg.startsWith("-Xms") || arg.startsWith("-XX:InitialHeapSize");
                freeRatio |= arg.startsWith("-XX:MinHeapFreeRatio") || arg.startsWith("-XX:MaxHeapFreeRatio");
                if (arg.startsWith("-Xmx")) {
                    maxHeap = bytes(arg.substring(4));
                }
            }
            return new Chosen(collector, compiler, young, initial, freeRatio, maxHeap);
        }
    }

    /**
     * Whether {@code command} may run in a second JVM at all: not in the second JVM itself, not with
     * {@code ARSHIF_FORK=0}, and not when someone is looking at this very JVM (a debugger, an agent, JFR).
     * {@code new} runs quickly enough not to need tuning, so only a wrong file-name locale sends it there.
     */
    public static boolean mayFork(String command, List<String> jvmArguments, Map<String, String> env, boolean forked) {
        if (forked
                || "0".equals(env.get(FORK_ENV))
                || !List.of("build", "check", "serve", "new").contains(command)) {
            return false;
        }
        return jvmArguments.stream()
                .noneMatch(arg -> arg.startsWith("-agentlib:")
                        || arg.startsWith("-agentpath:")
                        || arg.startsWith("-javaagent:")
                        || arg.startsWith("-XX:StartFlightRecording")
                        || arg.startsWith("-Xdebug")
                        || arg.startsWith("-Xrunjdwp"));
    }

    /**
     * glibc's malloc trim threshold for a one-shot second JVM ({@code build}, {@code check}): 1 MB, not the default
     * 128 KB. Each {@link java.util.zip.Deflater} mallocs about 270 KB of zlib state in 64 KB blocks, and the search
     * index makes one for each of its gzip pieces and files (thousands): with the default, each {@code end()} left a free
     * top of more than 128 KB in the thread's arena, which glibc gave back at once ({@code madvise(MADV_DONTNEED)}, a
     * TLB shootdown on every core), and the next deflater faulted the pages in again. At 10,000 dispatches that was
     * ~12,000 {@code madvise} calls and 50,000–125,000 page faults in the index's threads: 1.1–3.1 s of system time
     * against 0.05 s with this threshold (bench/RESULTS.md, w27-speed). A threshold keeps at most this much free at the
     * top of each arena; the process ends with the build. glibc reads it at start; other C libraries ignore it.
     */
    static final Map<String, String> ONE_SHOT_MALLOC = Map.of("MALLOC_TRIM_THRESHOLD_", "1048576");

    /**
     * The variables the second JVM needs on top of this one's environment ({@code env}): a UTF-8 locale when this JVM
     * cannot name files in Arabic (see {@link FileNameEncoding}), for which {@code LC_ALL} overrides whatever else is
     * set; and for {@code build} and {@code check}, {@link #ONE_SHOT_MALLOC} unless the user tuned malloc already.
     */
    public static Map<String, String> environment(String command, Map<String, String> env, boolean fileNamesNeedUtf8) {
        Map<String, String> add = new TreeMap<>();
        if (fileNamesNeedUtf8) {
            add.put("LC_ALL", FileNameEncoding.UTF8_LOCALE);
        }
        boolean oneShot = command.equals("build") || command.equals("check");
        if (oneShot && env.keySet().stream().noneMatch(k -> k.startsWith("MALLOC_") || k.equals("GLIBC_TUNABLES"))) {
            add.putAll(ONE_SHOT_MALLOC);
        }
        return add;
    }

    /** Whether {@code --cache} names a folder that holds a previous build's pages (the next build is a rebuild). */
    static boolean rebuild(List<String> commandArguments) {
        int at = commandArguments.indexOf("--cache");
        if (at < 0 || at + 1 >= commandArguments.size()) {
            return false;
        }
        try {
            return PageCache.holdsABuild(Path.of(commandArguments.get(at + 1)));
        } catch (InvalidPathException e) {
            return false; // the command reports it
        }
    }

    /** A JVM size ({@code 700m}, {@code 2g}, {@code 1048576}) in bytes, or -1 when it is not one. */
    static long bytes(String size) {
        if (size.isEmpty()) {
            return -1;
        }
        char unit = Character.toLowerCase(size.charAt(size.length() - 1));
        int shift = switch (unit) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            case 't' -> 40;
            default -> 0;
        };
        try {
            return Long.parseLong(shift == 0 ? size : size.substring(0, size.length() - 1)) << shift;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The command line of the second JVM: same executable, class path and options, plus {@code extra}. */
    public static List<String> commandLine(
            String javaExecutable, List<String> jvmArguments, List<String> extra, String classPath, String[] args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable);
        cmd.addAll(jvmArguments);
        cmd.addAll(extra);
        cmd.add("-D" + FORKED_PROPERTY + "=true");
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }
}
