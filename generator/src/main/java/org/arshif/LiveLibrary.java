package org.arshif;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.arshif.config.ConfigLoader;
import org.arshif.config.SiteConfig;
import org.arshif.content.ContentLoader;
import org.arshif.content.Dispatch;
import org.arshif.content.DispatchReader;
import org.arshif.content.GitHistory;
import org.arshif.content.TagVocabulary;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.arshif.site.SiteModel;
import org.arshif.site.Theme;

/**
 * A {@link Arshif.Library} kept in memory and updated file by file, for the preview server: an edit re-reads
 * only the files that changed (and those that had findings, so their findings stay current), then rebuilds the
 * site model, which is cheap. A change to {@code arshif.yml} or {@code content/tags.yml} reloads everything, since
 * they change how every file is read; a template change reloads only the theme. Not thread-safe: one watcher
 * thread updates it.
 */
public final class LiveLibrary {
    private final Arshif arshif;
    private final Path siteRoot;
    private SiteConfig config;
    private TagVocabulary vocabulary;
    private DispatchReader reader;
    private List<Diagnostic> setupFindings;
    private Theme theme;
    private Map<String, Map<String, String>> words;
    private List<Diagnostic> themeFindings;
    private final TreeMap<String, Dispatch> dispatches = new TreeMap<>();
    private final TreeMap<String, List<Diagnostic>> fileFindings = new TreeMap<>();
    private final TreeSet<String> sources = new TreeSet<>();

    private LiveLibrary(Arshif arshif) {
        this.arshif = arshif;
        this.siteRoot = arshif.siteRoot();
    }

    /** Reads everything, like {@link Arshif#load()}. */
    public static LiveLibrary load(Arshif arshif) {
        LiveLibrary live = new LiveLibrary(arshif);
        live.reloadAll();
        live.reloadTheme();
        return live;
    }

    /** What a change did: the new library and whether everything had to be read again. */
    public record Update(Arshif.Library library, boolean full, int filesRead) {
    }

    /**
     * Applies changed files, given relative to the site root with {@code /} separators (a deleted folder may be
     * given as the folder), and returns the new library.
     */
    public Update update(Collection<String> changed, boolean templatesChanged) {
        boolean full = changed.contains(ConfigLoader.FILE_NAME) || changed.contains(TagVocabulary.FILE);
        int read;
        if (full) {
            read = reloadAll();
        } else {
            TreeSet<String> reread = new TreeSet<>(fileFindings.keySet());
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
                            forget(known);
                        }
                    }
                    if (Files.isDirectory(file)) {
                        Diagnostics listing = new Diagnostics();
                        reread.addAll(ContentLoader.listSources(siteRoot, listing).stream()
                                .filter(s -> s.startsWith(path + "/")).toList());
                        listing.sorted().stream().filter(f -> f.path().startsWith(path + "/"))
                                .forEach(f -> fileFindings.put(f.path(), List.of(f)));
                    }
                }
            }
            read = 0;
            for (String path : reread) {
                forget(path);
                if (isSource(path) && Files.isRegularFile(siteRoot.resolve(path))) {
                    readOne(path);
                    read++;
                }
            }
        }
        if (templatesChanged || full) {
            reloadTheme();
        }
        return new Update(snapshot(), full, read);
    }

    public Arshif.Library current() {
        return snapshot();
    }

    private int reloadAll() {
        Diagnostics d = new Diagnostics();
        SiteConfig c = ConfigLoader.load(siteRoot, d);
        String baseUrl = arshif.baseUrlOverride();
        if (baseUrl != null) {
            c = c.withBaseUrl(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        }
        config = c;
        vocabulary = TagVocabulary.load(siteRoot, arshif.terms(), d);
        if (!Files.isDirectory(siteRoot.resolve(ContentLoader.CONTENT_DIR))) {
            d.error(ContentLoader.CONTENT_DIR, 0, 0, "no content folder at " + siteRoot.resolve(
                    ContentLoader.CONTENT_DIR) + "; put dispatches under content/ar/ and content/en/");
        }
        GitHistory git = GitHistory.read(siteRoot);
        List<String> all = ContentLoader.listSources(siteRoot, d);
        reader = new DispatchReader(config, vocabulary, git)
                .packingBodies(ContentLoader.packBodies(siteRoot, all, Runtime.getRuntime().maxMemory()));
        setupFindings = d.sorted();
        dispatches.clear();
        fileFindings.clear();
        sources.clear();
        all.parallelStream().map(p -> Map.entry(p, read(p))).toList().forEach(e -> record(e.getKey(), e.getValue()));
        return all.size();
    }

    private void reloadTheme() {
        Diagnostics d = new Diagnostics();
        theme = new Theme(arshif.templates(), siteRoot, d);
        words = theme.words(d);
        themeFindings = d.sorted();
    }

    private void readOne(String path) {
        record(path, read(path));
    }

    private record Read(Optional<Dispatch> dispatch, List<Diagnostic> findings) {
    }

    private Read read(String path) {
        Diagnostics d = new Diagnostics();
        Optional<Dispatch> dispatch = ContentLoader.read(siteRoot, path, d)
                .flatMap(bytes -> reader.read(path, bytes, d));
        return new Read(dispatch, d.sorted());
    }

    private void record(String path, Read read) {
        sources.add(path);
        read.dispatch().ifPresent(d -> dispatches.put(path, d));
        if (!read.findings().isEmpty()) {
            fileFindings.put(path, read.findings());
        }
    }

    private void forget(String path) {
        sources.remove(path);
        dispatches.remove(path);
        fileFindings.remove(path);
    }

    private static boolean isSource(String path) {
        if (!ContentLoader.isDispatchFile(path)) {
            return false;
        }
        for (String segment : path.split("/")) {
            if (segment.startsWith(".") || segment.startsWith("_")) {
                return false;
            }
        }
        return true;
    }

    private Arshif.Library snapshot() {
        Diagnostics d = new Diagnostics();
        d.addAll(setupFindings);
        fileFindings.values().forEach(d::addAll);
        List<Dispatch> list = new ArrayList<>(dispatches.values());
        SiteModel model = SiteModel.build(config, vocabulary, list, arshif.drafts(), arshif.future(),
                arshif.clock().instant(), d);
        d.addAll(themeFindings);
        return new Arshif.Library(config, vocabulary, List.copyOf(list), model, theme, words, List.copyOf(sources),
                d.sorted(), Map.of());
    }
}
