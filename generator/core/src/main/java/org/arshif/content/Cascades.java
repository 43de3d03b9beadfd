package org.arshif.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import org.arshif.diag.Diagnostic;
import org.arshif.internal.yaml.YFields;
import org.arshif.internal.yaml.YNode;

/**
 * Hugo's cascades as they apply to dispatches: what each section page ({@code _index.md}) hands down, read once
 * per load by {@link HugoCascades#read}. A dispatch's front-matter is its own keys, then those of the nearest section
 * page's cascade above it, then the next one's, each key from the first that gives it ({@code params} merged key by
 * key, as Hugo merges them). Immutable and thread-safe.
 *
 * <p>A cascaded value keeps where it was written: its line in the merged front-matter is a stand-in, a negative
 * number that names its file and real line ({@link #located}), so that every finding the reader makes about it, with
 * the same words as for the dispatch's own key, points at the {@code _index.md} that wrote it.
 */
public final class Cascades {
    /** No cascade: every dispatch's front-matter as it is. */
    public static final Cascades NONE = new Cascades(Map.of(), List.of(), Set.of());

    /** Where a cascaded value was written. */
    record Origin(String path, int line) {}

    /** One entry of a cascade: the keys it gives (positions as stand-ins) and the dispatches it is for. */
    record Entry(YNode.Map values, Target target) {}

    /**
     * The pages an entry is for, by Hugo's {@code _target}: its {@code path} and {@code lang} globs (null: any). A
     * {@code kind} or {@code environment} that no dispatch of an Arshif build has drops the entry when read.
     */
    record Target(HugoGlob path, HugoGlob lang) {
        static final Target ANY = new Target(null, null);

        boolean matches(String logicalPath, String language) {
            return (path == null || path.matches(logicalPath))
                    && (lang == null || language != null && lang.matches(language));
        }
    }

    /**
     * A section page's cascade.
     *
     * @param path    the section page, site-root-relative
     * @param entries its entries, in the order written
     * @param stamp   a hash of the cascade as written: in the parse cache's key of every dispatch below it
     */
    record Section(String path, List<Entry> entries, String stamp) {}

    // Folder (content/en/news) -> language ("" for a section page named for none) -> its cascade.
    private final Map<String, Map<String, Section>> byFolder;
    private final List<Origin> origins;
    private final Set<String> languages;

    Cascades(Map<String, Map<String, Section>> byFolder, List<Origin> origins, Set<String> languages) {
        this.byFolder = Map.copyOf(byFolder);
        this.origins = List.copyOf(origins);
        this.languages = Set.copyOf(languages);
    }

    /** Whether no section page cascades anything to a dispatch. */
    public boolean isEmpty() {
        return byFolder.isEmpty();
    }

    /**
     * The dispatch's front-matter with what the section pages above it cascade: its own keys win, then the
     * nearest section page's.
     *
     * @param path the dispatch, site-root-relative
     */
    YFields applied(String path, YFields own) {
        if (byFolder.isEmpty()) {
            return own;
        }
        String language = language(path, own);
        String logical = null;
        Map<String, YNode> entries = new LinkedHashMap<>(own.node().entries());
        Map<String, YNode.Scalar> keys = new LinkedHashMap<>(own.node().keys());
        for (String folder = folder(path); folder != null; folder = folder(folder)) {
            Section section = section(folder, language);
            if (section == null) {
                continue;
            }
            logical = logical == null ? logicalPath(path) : logical;
            for (Entry entry : section.entries()) {
                if (entry.target().matches(logical, language)) {
                    merge(entry.values(), entries, keys);
                }
            }
        }
        if (logical == null) {
            return own;
        }
        YNode.Map node = own.node();
        return own.with(new YNode.Map(entries, keys, node.line(), node.column()));
    }

    /** Adds the keys {@code cascaded} gives that the front-matter lacks; {@code params} key by key. */
    private static void merge(YNode.Map cascaded, Map<String, YNode> entries, Map<String, YNode.Scalar> keys) {
        cascaded.entries().forEach((key, value) -> {
            YNode present = entries.get(key);
            if (present == null) {
                entries.put(key, value);
                keys.put(key, cascaded.keys().get(key));
            } else if (key.equals("params") && present instanceof YNode.Map mine && value instanceof YNode.Map given) {
                Map<String, YNode> params = new LinkedHashMap<>(mine.entries());
                Map<String, YNode.Scalar> paramKeys = new LinkedHashMap<>(mine.keys());
                merge(given, params, paramKeys);
                entries.put(key, new YNode.Map(params, paramKeys, mine.line(), mine.column()));
            }
        });
    }

    /**
     * What changes with the cascades that a dispatch may be given: the stamps of the section pages in the folders
     * above it, of every language (its own is known only once it is read). Empty when there are none.
     */
    public String stamp(String path) {
        if (byFolder.isEmpty()) {
            return "";
        }
        StringBuilder stamp = new StringBuilder();
        for (String folder = folder(path); folder != null; folder = folder(folder)) {
            Map<String, Section> sections = byFolder.get(folder);
            if (sections != null) {
                new TreeMap<>(sections)
                        .values()
                        .forEach(s -> stamp.append(s.stamp()).append(' '));
            }
        }
        return stamp.toString();
    }

    /** The findings, those about a cascaded value moved to the section page, line and column where it is written. */
    List<Diagnostic> located(List<Diagnostic> findings) {
        if (origins.isEmpty() || findings.stream().allMatch(f -> f.line() >= 0)) {
            return findings;
        }
        return findings.stream()
                .map(f -> {
                    if (f.line() >= 0) {
                        return f;
                    }
                    Origin origin = origins.get(-f.line() - 1);
                    return new Diagnostic(origin.path(), origin.line(), f.column(), f.severity(), f.message());
                })
                .toList();
    }

    /** Where a cascaded value with stand-in line {@code standIn} is written. */
    Dispatch.Position at(int standIn, int column) {
        Origin origin = origins.get(-standIn - 1);
        return Dispatch.Position.of(origin.path(), origin.line(), column);
    }

    /** The section page of {@code folder} for a dispatch in {@code language}: its own language's, else the one for any. */
    private Section section(String folder, String language) {
        Map<String, Section> sections = byFolder.get(folder);
        if (sections == null) {
            return null;
        }
        Section own = language == null ? null : sections.get(language);
        return own != null ? own : sections.get("");
    }

    /** The folder holding {@code path}, or null above {@code content/}. */
    static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? null : path.substring(0, slash);
    }

    /**
     * The dispatch's language as far as its path and own {@code lang} tell it (the script of its text is not read
     * yet): {@code lang}, else its language folder, else its file name's suffix; null when none does.
     */
    private String language(String path, YFields own) {
        if (own.node().entries().get("lang") instanceof YNode.Scalar s
                && languages.contains(s.text().strip())) {
            return s.text().strip();
        }
        String top = topFolder(path);
        if (top != null) {
            return top;
        }
        return suffix(path);
    }

    /** The language folder the path is in ({@code content/en/…}), or null. */
    private String topFolder(String path) {
        String rel = path.substring(ContentLoader.CONTENT_DIR.length() + 1);
        int slash = rel.indexOf('/');
        return slash > 0 && languages.contains(rel.substring(0, slash)) ? rel.substring(0, slash) : null;
    }

    /** The language its file name is suffixed with ({@code fair.ar.md}), or null. */
    private String suffix(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        Matcher m = DispatchReader.LANG_SUFFIX.matcher(dot > 0 ? name.substring(0, dot) : name);
        return m.matches() && languages.contains(m.group(2)) ? m.group(2) : null;
    }

    /**
     * The path Hugo matches a {@code _target} path against: from the content root, without a language folder,
     * extension, language suffix or a bundle's {@code /index} ({@code content/en/news/harvest/index.md} is
     * {@code /news/harvest}).
     */
    String logicalPath(String path) {
        String rel = path.substring(ContentLoader.CONTENT_DIR.length());
        if (topFolder(path) != null) {
            rel = rel.substring(rel.indexOf('/', 1));
        }
        int dot = rel.lastIndexOf('.');
        rel = dot > rel.lastIndexOf('/') ? rel.substring(0, dot) : rel;
        Matcher m = DispatchReader.LANG_SUFFIX.matcher(rel);
        rel = m.matches() && languages.contains(m.group(2)) ? m.group(1) : rel;
        return rel.endsWith("/index") ? rel.substring(0, rel.length() - "/index".length()) : rel;
    }
}
