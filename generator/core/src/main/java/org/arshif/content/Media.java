package org.arshif.content;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.arshif.internal.InputFiles;

/**
 * The site's photos and other files, besides the dispatches: those of a page bundle (a folder whose dispatch is
 * {@code index.md} or {@code index.txt}: every other file under it is published beside the dispatch's page), and
 * the shared ones under {@code content/media/}, published under {@code /media/}. Other files under
 * {@code content/} are not published. Image headers are read once per run, on first use. Thread-safe.
 */
public final class Media {
    private static final Pattern BUNDLE_INDEX = Pattern.compile("index(\\.[a-z]{2})?\\.(md|markdown|txt)");
    /** The shared media folder, relative to the site root. */
    public static final String SHARED_DIR = ContentLoader.CONTENT_DIR + "/media/";

    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private final Path siteRoot;
    private final SortedMap<String, String> shared;
    private final Map<String, SortedMap<String, String>> bundles;
    private final List<String> unplaced;
    private final Map<String, ImageHeader> headers = new ConcurrentHashMap<>();
    private final Map<String, Optional<ActiveContent.Found>> scripts = new ConcurrentHashMap<>();
    private final Map<String, String> sharedStamp = new ConcurrentHashMap<>();

    private Media(
            Path siteRoot,
            SortedMap<String, String> shared,
            Map<String, SortedMap<String, String>> bundles,
            List<String> unplaced) {
        this.siteRoot = siteRoot;
        this.shared = Collections.unmodifiableSortedMap(shared);
        this.bundles = Map.copyOf(bundles);
        this.unplaced = List.copyOf(unplaced);
    }

    /** No media: for sites read without listing their files. */
    public static Media none(Path siteRoot) {
        return new Media(siteRoot, new TreeMap<>(), Map.of(), List.of());
    }

    /**
     * The media among {@code files} (the files under {@code content/} that are not dispatches, {@code
     * content/}-relative and sorted, as {@link ContentLoader#listAll} lists them), through {@link InputFiles} (links out of the
     * site are findings of that walk).
     *
     * @param sources the dispatch files, site-root-relative: a folder holding an {@code index} one is a bundle
     */
    public static Media of(Path siteRoot, List<String> sources, List<String> files) {
        if (files == null) {
            return none(siteRoot);
        }
        Set<String> bundleDirs = new HashSet<>();
        for (String source : sources) {
            String name = source.substring(source.lastIndexOf('/') + 1);
            if (isBundleIndex(name)) {
                bundleDirs.add(source.substring(0, source.lastIndexOf('/') + 1));
            }
        }
        SortedMap<String, String> shared = new TreeMap<>();
        Map<String, SortedMap<String, String>> bundles = new TreeMap<>();
        List<String> unplaced = new ArrayList<>();
        for (String relative : files) {
            String file = ContentLoader.CONTENT_DIR + "/" + relative;
            String bundle = bundleOf(file, bundleDirs);
            if (bundle != null) {
                bundles.computeIfAbsent(bundle, b -> new TreeMap<>()).put(file.substring(bundle.length()), file);
            } else if (file.startsWith(SHARED_DIR)) {
                shared.put("media/" + file.substring(SHARED_DIR.length()), file);
            } else {
                unplaced.add(file);
            }
        }
        shareAcrossLanguages(bundleDirs, bundles);
        return new Media(siteRoot, shared, bundles, unplaced);
    }

    /**
     * As Hugo shares a translated bundle's files: a bundle at the same path under another language's folder
     * ({@code content/ar/news/harvest/} beside {@code content/en/news/harvest/}) gives this one each file it lacks,
     * published beside this language's page too (its own file of the same name wins; among others, the first
     * language folder in name order).
     */
    private static void shareAcrossLanguages(Set<String> bundleDirs, Map<String, SortedMap<String, String>> bundles) {
        Map<String, List<String>> byPlace = new TreeMap<>();
        for (String bundle : bundleDirs) {
            String[] parts = bundle.split("/", 3); // content, the language folder, the rest
            if (parts.length == 3 && !parts[2].isEmpty() && !bundle.startsWith(SHARED_DIR)) {
                byPlace.computeIfAbsent(parts[2], k -> new ArrayList<>()).add(bundle);
            }
        }
        for (List<String> translated : byPlace.values()) {
            if (translated.size() < 2) {
                continue;
            }
            Collections.sort(translated);
            Map<String, SortedMap<String, String>> own = new TreeMap<>();
            translated.forEach(b -> own.put(b, bundles.getOrDefault(b, Collections.emptySortedMap())));
            for (String bundle : translated) {
                SortedMap<String, String> files = new TreeMap<>(own.get(bundle));
                translated.forEach(other -> own.get(other).forEach((name, source) -> {
                    if (!clashes(files, name)) {
                        files.put(name, source);
                    }
                }));
                if (!files.isEmpty()) {
                    bundles.put(bundle, files);
                }
            }
        }
    }

    /**
     * Whether a file of another language's bundle cannot join these: one of the same name is here, or a file here
     * is a folder of its path ({@code kremlin.jpg} beside {@code kremlin.jpg/a.jpg}), or the other way round.
     */
    private static boolean clashes(SortedMap<String, String> files, String name) {
        if (files.containsKey(name) || !files.subMap(name + "/", name + "0").isEmpty()) {
            return true;
        }
        for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
            if (files.containsKey(name.substring(0, slash))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a dispatch file name makes its folder a page bundle: {@code index.md}, {@code index.markdown} or
     * {@code index.txt}, also with a language suffix as Hugo's multilingual bundles have it ({@code index.ar.md}).
     */
    public static boolean isBundleIndex(String fileName) {
        return BUNDLE_INDEX.matcher(fileName).matches();
    }

    /** How to place a photo so that the dispatch at {@code path} can show it. */
    public static String placementHint(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.startsWith("_index.")) {
            return "put the photo under " + SHARED_DIR + " and write /media/<name> (a section page's photos are not"
                    + " published from its folder)";
        }
        return isBundleIndex(name)
                ? "put the file beside " + name + " in " + path.substring(0, path.lastIndexOf('/') + 1) + ", or under "
                        + SHARED_DIR + " and write /media/<name>"
                : "make the dispatch a page bundle (a folder with it as index.md, and the photo beside it), or put"
                        + " the photo under " + SHARED_DIR + " and write /media/<name>";
    }

    /** The nearest folder above {@code file} that is a bundle ({@code /}-terminated), or null. */
    private static String bundleOf(String file, Set<String> bundleDirs) {
        for (int slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) {
            String dir = file.substring(0, slash + 1);
            if (bundleDirs.contains(dir)) {
                return dir;
            }
        }
        return null;
    }

    /** Shared media: each site path ({@code media/…}) and its source file, sorted. */
    public SortedMap<String, String> shared() {
        return shared;
    }

    /**
     * Files under {@code content/} that are neither dispatches nor media, so not published: in no page bundle and
     * not under {@code content/media/}. Site-root-relative, sorted.
     */
    public List<String> unplaced() {
        return unplaced;
    }

    /** Whether any dispatch is a bundle with files of its own. */
    public boolean hasBundles() {
        return !bundles.isEmpty();
    }

    /** The files of the bundle whose dispatch is {@code dispatchPath}: each name within the bundle and its source. */
    public SortedMap<String, String> bundle(String dispatchPath) {
        String name = dispatchPath.substring(dispatchPath.lastIndexOf('/') + 1);
        if (!isBundleIndex(name)) {
            return Collections.emptySortedMap();
        }
        return bundles.getOrDefault(
                dispatchPath.substring(0, dispatchPath.lastIndexOf('/') + 1), Collections.emptySortedMap());
    }

    /** The source file's path on disk. */
    public Path file(String source) {
        return siteRoot.resolve(source);
    }

    /** The header of a media file, read once. */
    public ImageHeader header(String source) {
        return headers.computeIfAbsent(source, s -> ImageHeader.read(file(s)));
    }

    /** The first script in a media file that a browser renders as a document, looked for once; empty for others. */
    public Optional<ActiveContent.Found> script(String source) {
        return ActiveContent.isDocument(source)
                ? scripts.computeIfAbsent(source, s -> ActiveContent.find(file(s)))
                : Optional.empty();
    }

    /**
     * A file that a dispatch links to, as written in its Markdown or its {@code image} key.
     *
     * @param source the media file, site-root-relative
     * @param href   the link as published: a name relative to the dispatch's page (a bundle's file) or a site path
     *               starting with {@code /} ({@code /media/…}), without the site's base path
     */
    public record Target(String source, String href) {}

    /**
     * The media file a link of the dispatch at {@code dispatchPath} points to: a name inside its bundle, or a
     * path under {@code /media/} (after the base path). Empty for other links, external ones, or no such file.
     */
    public Optional<Target> resolve(String dispatchPath, String destination, String basePath) {
        return resolve(dispatchPath, destination, basePath, false);
    }

    /**
     * The end of a finding for a link to a file that exists under a name differing in case only: {@code shown} is
     * that name as the finding writes it.
     */
    public static String caseOnlyHint(String shown) {
        return "there is " + shown + ", whose name differs in case only: web hosts tell the two apart, so write it as"
                + " that";
    }

    /**
     * What {@link #resolve} finds when upper and lower case are not told apart (as Windows and macOS do not): for
     * a finding that names the file as it is, where {@link #resolve} found nothing.
     */
    public Optional<Target> resolveIgnoringCase(String dispatchPath, String destination, String basePath) {
        return resolve(dispatchPath, destination, basePath, true);
    }

    private Optional<Target> resolve(String dispatchPath, String destination, String basePath, boolean anyCase) {
        return place(dispatchPath, destination, basePath)
                .flatMap(p -> lookup(p.files(), p.name(), anyCase)
                        .map(e -> new Target(e.getValue(), p.hrefPrefix() + e.getKey())));
    }

    /**
     * The first file inside the folder a link names, when it names a folder of the bundle or of the shared folder
     * rather than a file ({@code image: photos} for {@code photos/kremlin.jpg}): what a finding suggests instead.
     */
    public Optional<String> firstInsideFolder(String dispatchPath, String destination, String basePath) {
        return place(dispatchPath, destination, basePath).flatMap(p -> {
            String folder = p.name().endsWith("/") ? p.name() : p.name() + "/";
            return p.files().tailMap(folder).keySet().stream()
                    .findFirst()
                    .filter(k -> k.startsWith(folder) && !p.name().isEmpty())
                    .map(k -> p.hrefPrefix() + k);
        });
    }

    /** Where a link's name is looked up: the bundle's files or the shared ones, and the name there. */
    private record Place(SortedMap<String, String> files, String name, String hrefPrefix) {}

    private Optional<Place> place(String dispatchPath, String destination, String basePath) {
        String dest = destination.strip();
        int cut = dest.length();
        for (char c : new char[] {'#', '?'}) {
            int i = dest.indexOf(c);
            cut = i >= 0 ? Math.min(cut, i) : cut;
        }
        dest = decode(dest.substring(0, cut));
        if (dest == null || dest.isEmpty() || SCHEME.matcher(dest).find() || dest.startsWith("//")) {
            return Optional.empty();
        }
        if (dest.startsWith("/")) {
            if (!basePath.isEmpty()) {
                if (!dest.startsWith(basePath + "/")) {
                    return Optional.empty();
                }
                dest = dest.substring(basePath.length());
            }
            return Optional.of(new Place(shared, dest.substring(1), "/"));
        }
        String name = dest.startsWith("./") ? dest.substring(2) : dest;
        return Optional.of(new Place(bundle(dispatchPath), name, ""));
    }

    private static Optional<Map.Entry<String, String>> lookup(
            SortedMap<String, String> files, String name, boolean anyCase) {
        String source = files.get(name);
        if (source != null || !anyCase) {
            return source == null ? Optional.empty() : Optional.of(Map.entry(name, source));
        }
        return files.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .findFirst();
    }

    /** %XX escapes as UTF-8 ('+' stays '+'); null when malformed. */
    private static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * What a dispatch's rendering depends on besides its own file: each file of its bundle and of the shared folder,
     * by name, size and modification time. An incremental build reads the dispatch again when this changes, since
     * its images' sizes may have.
     */
    public String stamp(String dispatchPath) {
        List<String> parts = new ArrayList<>();
        bundle(dispatchPath).values().forEach(s -> parts.add(stampOf(s)));
        if (!shared.isEmpty()) {
            parts.add(sharedStamp.computeIfAbsent("", k -> {
                StringBuilder sb = new StringBuilder();
                shared.values().forEach(s -> sb.append(stampOf(s)).append('\n'));
                return sha256(sb.toString());
            }));
        }
        return String.join(";", parts);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String stampOf(String source) {
        try {
            BasicFileAttributes a = Files.readAttributes(file(source), BasicFileAttributes.class);
            return source + "," + a.size() + "," + a.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return source + ",-";
        }
    }
}
