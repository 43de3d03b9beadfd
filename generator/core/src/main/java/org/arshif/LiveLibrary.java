package org.arshif;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.arshif.config.ConfigLoader;
import org.arshif.content.ContentLoader;
import org.arshif.content.Dispatch;
import org.arshif.content.HugoCascades;
import org.arshif.content.TagVocabulary;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.arshif.site.Library;
import org.arshif.site.SiteModel;

/**
 * A {@link Library} kept in memory and updated file by file, for the preview server: an edit re-reads
 * only the files that changed (and those that had findings when their stats changed, so that a file made readable
 * is seen even without an event of its own), then rebuilds the
 * site model, which is cheap. A change to {@code arshif.yml} or {@code content/tags.yml} reloads everything, since
 * they change how every file is read; a template change reloads only the theme. A photo changed under {@code content/} reloads everything too:
 * the media are listed again, and the sizes in every body that shows one may change. Not thread-safe: one watcher
 * thread updates it.
 */
public final class LiveLibrary {
    private final SiteLoader loader;
    private final Path siteRoot;
    private SiteLoader.Setup setup;
    private SiteLoader.ThemeWords theme;
    private final TreeMap<String, Dispatch> dispatches = new TreeMap<>();
    private final TreeMap<String, List<Diagnostic>> fileFindings = new TreeMap<>();
    // The stats of each file with findings when it was read: its findings come from its bytes and the setup alone
    // (a setup change reloads everything), so only a file whose stats changed is read again.
    private final Map<String, String> findingStats = new HashMap<>();
    private final TreeSet<String> sources = new TreeSet<>();
    // The last snapshot's lists, and the source paths forgotten or read since (see dispatchList, sourceList).
    private List<Dispatch> lastDispatches;
    private List<String> lastSources;
    private final Set<String> touchedSources = new HashSet<>();
    // The model of the last snapshot, patched in place of a rebuild when an edit keeps every dispatch's place.
    private SiteLoader.Model model;
    private boolean lastPatched;
    // Dispatches read again since the last snapshot: each old reading and its new one; null when a dispatch
    // appeared, vanished or a reload happened, so the model must be built anew.
    private List<Dispatch[]> swaps = new ArrayList<>();

    private LiveLibrary(Arshif arshif) {
        this.loader = new SiteLoader(arshif);
        this.siteRoot = arshif.siteRoot();
    }

    /** Reads everything, with the loader of {@link Arshif#load()}. */
    public static LiveLibrary load(Arshif arshif) {
        LiveLibrary live = new LiveLibrary(arshif);
        live.reloadAll();
        live.reloadTheme();
        return live;
    }

    /**
     * What a change did: the new library, whether everything had to be read again, and whether the site model
     * was patched (every dispatch read again kept its place) instead of built anew.
     */
    public record Update(Library library, boolean full, int filesRead, boolean patched) {}

    /**
     * Applies changed files, given relative to the site root with {@code /} separators (a deleted folder may be
     * given as the folder), and returns the new library.
     */
    public Update update(Collection<String> changed, boolean templatesChanged) {
        // A photo changes the media listing and the sizes in the HTML of the dispatches that show it.
        boolean full = changed.contains(ConfigLoader.FILE_NAME)
                || changed.contains(TagVocabulary.FILE)
                || changed.stream().anyMatch(LiveLibrary::isMedia);
        int read;
        if (full) {
            read = reloadAll();
        } else {
            TreeSet<String> reread = new TreeSet<>();
            fileFindings.keySet().stream().filter(this::statsChanged).forEach(reread::add);
            rereadBelowSectionPages(changed, reread);
            for (String path : changed) {
                if (!path.startsWith(ContentLoader.CONTENT_DIR + "/")) {
                    continue;
                }
                Path file = siteRoot.resolve(path);
                if (Files.isRegularFile(file)) {
                    reread.add(path);
                } else {
                    // Gone, or a folder: forget the file and everything that was under it.
                    for (String known : List.copyOf(sources.subSet(path, true, path + "/\uffff", true))) {
                        if (known.equals(path) || known.startsWith(path + "/")) {
                            noteSwap(dispatches.get(known), null);
                            forget(known);
                        }
                    }
                    if (Files.isDirectory(file)) {
                        Diagnostics listing = new Diagnostics();
                        reread.addAll(ContentLoader.listSources(siteRoot, listing).stream()
                                .filter(s -> s.startsWith(path + "/"))
                                .toList());
                        listing.sorted().stream()
                                .filter(f -> f.path().startsWith(path + "/"))
                                .forEach(f -> fileFindings.put(f.path(), List.of(f)));
                    }
                }
            }
            read = 0;
            for (String path : reread) {
                Dispatch before = dispatches.get(path);
                forget(path);
                if (ContentLoader.isSource(path) && Files.isRegularFile(siteRoot.resolve(path))) {
                    readOne(path);
                    read++;
                }
                noteSwap(before, dispatches.get(path));
            }
        }
        if (templatesChanged || full) {
            reloadTheme();
        }
        boolean patchable = !full && swaps != null && !swaps.isEmpty();
        Library library = snapshot();
        return new Update(library, full, read, patchable && lastPatched);
    }

    /**
     * The last snapshot, as a trial edit reads it on another thread (the parts it reads are never changed after
     * the snapshot, only replaced): see {@link Trial#edited}. Taken on the thread that updates this library.
     */
    public Trial trial() {
        List<Diagnostic> read = new ArrayList<>();
        fileFindings.values().forEach(read::addAll);
        return new Trial(loader, siteRoot, setup, theme, lastDispatches, lastSources, List.copyOf(read), model);
    }

    /** What {@link #trial()} took of the last snapshot. */
    public record Trial(
            SiteLoader loader,
            Path siteRoot,
            SiteLoader.Setup setup,
            SiteLoader.ThemeWords theme,
            List<Dispatch> dispatches,
            List<String> sources,
            List<Diagnostic> read,
            SiteLoader.Model model) {
        /**
         * The library an edit that appends {@code text} to the dispatch read from {@code path} would make, read and
         * patched as {@link #update} does, but changing nothing: for a warm-up of the edit's code. Empty when that
         * edit would not patch the model (the file is gone or unreadable, or its dispatch moves).
         */
        public Optional<Library> edited(String path, String text) {
            int at = -1;
            for (int i = 0; i < dispatches.size() && at < 0; i++) {
                at = dispatches.get(i).path().equals(path) ? i : -1;
            }
            Diagnostics d = new Diagnostics();
            Optional<Dispatch> after = at < 0
                    ? Optional.empty()
                    : ContentLoader.read(siteRoot, path, d)
                            .flatMap(bytes -> setup.reader().read(path, appended(bytes, text), d));
            if (after.isEmpty()) {
                return Optional.empty();
            }
            SiteModel m = model.model().replacing(dispatches.get(at), after.get(), loader.now());
            if (m == null) {
                return Optional.empty();
            }
            List<Dispatch> all = new ArrayList<>(dispatches);
            all.set(at, after.get());
            return Optional.of(loader.library(
                    setup,
                    theme,
                    Collections.unmodifiableList(all),
                    sources,
                    read,
                    Map.of(),
                    new SiteLoader.Model(m, model.findings())));
        }

        private static byte[] appended(byte[] bytes, String text) {
            byte[] more = text.getBytes(StandardCharsets.UTF_8);
            byte[] all = Arrays.copyOf(bytes, bytes.length + more.length);
            System.arraycopy(more, 0, all, bytes.length, more.length);
            return all;
        }
    }

    private void noteSwap(Dispatch before, Dispatch after) {
        if (before == null && after == null || swaps == null) {
            return;
        }
        if (before == null || after == null) {
            swaps = null;
        } else {
            swaps.add(new Dispatch[] {before, after});
        }
    }

    /**
     * After a section page ({@code _index.md}) changed, came or went: its cascades read again, and every dispatch below
     * it to be read again with them.
     */
    private void rereadBelowSectionPages(Collection<String> changed, Set<String> reread) {
        List<String> pages = changed.stream()
                .filter(p -> p.startsWith(ContentLoader.CONTENT_DIR + "/")
                        && HugoCascades.isSectionPage(p.substring(p.lastIndexOf('/') + 1)))
                .toList();
        if (pages.isEmpty()) {
            return;
        }
        setup = loader.setup();
        for (String page : pages) {
            String folder = page.substring(0, page.lastIndexOf('/') + 1);
            reread.addAll(sources.subSet(folder, true, folder + "\uffff", true));
        }
    }

    /** A file under {@code content/} that is no dispatch and no vocabulary: a photo or another published file. */
    private static boolean isMedia(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return path.startsWith(ContentLoader.CONTENT_DIR + "/")
                && !path.equals(TagVocabulary.FILE)
                && name.contains(".")
                && !ContentLoader.isDispatchFile(name)
                && !ContentLoader.isSource(path)
                && !name.startsWith(".")
                && !name.startsWith("_");
    }

    public Library current() {
        return snapshot();
    }

    private int reloadAll() {
        setup = loader.setup();
        swaps = null;
        dispatches.clear();
        fileFindings.clear();
        findingStats.clear();
        sources.clear();
        lastDispatches = null;
        lastSources = null;
        setup.sources().parallelStream()
                .map(p -> Map.entry(p, read(p)))
                .toList()
                .forEach(e -> record(e.getKey(), e.getValue()));
        return setup.sources().size();
    }

    private void reloadTheme() {
        theme = loader.theme();
    }

    private void readOne(String path) {
        record(path, read(path));
    }

    private record Read(Optional<Dispatch> dispatch, List<Diagnostic> findings) {}

    private Read read(String path) {
        Diagnostics d = new Diagnostics();
        Optional<Dispatch> dispatch = ContentLoader.read(siteRoot, path, d)
                .flatMap(bytes -> setup.reader().read(path, bytes, d));
        return new Read(dispatch, d.sorted());
    }

    private void record(String path, Read read) {
        touchedSources.add(path);
        sources.add(path);
        read.dispatch().ifPresent(d -> dispatches.put(path, d));
        if (!read.findings().isEmpty()) {
            fileFindings.put(path, read.findings());
            findingStats.put(path, stat(path));
        }
    }

    private void forget(String path) {
        touchedSources.add(path);
        sources.remove(path);
        dispatches.remove(path);
        fileFindings.remove(path);
        findingStats.remove(path);
    }

    /** Whether a file with findings changed since it was read (or cannot be stat'd now). */
    private boolean statsChanged(String path) {
        String now = stat(path);
        return now == null || !now.equals(findingStats.get(path));
    }

    /** Size, modification time and identity of a file, or null when it cannot be read (it is then read again). */
    private String stat(String path) {
        try {
            BasicFileAttributes a = Files.readAttributes(siteRoot.resolve(path), BasicFileAttributes.class);
            return a.size() + " " + a.lastModifiedTime().to(TimeUnit.NANOSECONDS) + " " + a.fileKey();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private Library snapshot() {
        List<Diagnostic> read = new ArrayList<>();
        fileFindings.values().forEach(read::addAll);
        // read only: the next snapshot starts from it
        List<Dispatch> all = Collections.unmodifiableList(dispatchList());
        SiteLoader.Model patched = patched();
        lastPatched = patched != null;
        model = patched != null ? patched : loader.model(setup, all);
        swaps = new ArrayList<>();
        lastDispatches = all;
        lastSources = sourceList();
        touchedSources.clear();
        return loader.library(setup, theme, all, lastSources, read, Map.of(), model);
    }

    /**
     * Every dispatch in path order: the last snapshot's list with the dispatches swapped since, when no path came or
     * went (walking the tree of 16,000 paths took an edit's rebuild ~9 ms under C1).
     */
    private List<Dispatch> dispatchList() {
        if (lastDispatches == null || swaps == null) {
            return new ArrayList<>(dispatches.values());
        }
        List<Dispatch> all = new ArrayList<>(lastDispatches);
        for (Dispatch[] swap : swaps) {
            int at = indexOf(all, swap[0]);
            if (at < 0) {
                return new ArrayList<>(dispatches.values());
            }
            all.set(at, swap[1]);
        }
        return all;
    }

    private static int indexOf(List<Dispatch> all, Dispatch d) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) == d) {
                return i;
            }
        }
        return -1;
    }

    /** Every source path, sorted: the last snapshot's list when each path forgotten or read since is as it was. */
    private List<String> sourceList() {
        if (lastSources != null) {
            boolean same = true;
            for (String path : touchedSources) {
                same &= sources.contains(path) == Collections.binarySearch(lastSources, path) >= 0;
            }
            if (same) {
                return lastSources;
            }
        }
        return List.copyOf(sources);
    }

    /** The last model with the dispatches read since swapped in, or null when it must be built anew. */
    private SiteLoader.Model patched() {
        if (model == null || swaps == null) {
            return null;
        }
        SiteModel m = model.model();
        for (Dispatch[] swap : swaps) {
            m = m.replacing(swap[0], swap[1], loader.now());
            if (m == null) {
                return null;
            }
        }
        return new SiteLoader.Model(m, model.findings());
    }
}
