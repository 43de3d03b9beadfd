package org.arshif.site;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.InputFiles;
import org.arshif.internal.SourceText;
import org.arshif.internal.yaml.YNode;
import org.arshif.internal.yaml.YamlReader;

/**
 * The theme: Freemarker templates, static files and the theme's words ({@code i18n.yml}). A site's own
 * {@code templates/} folder overrides the built-in theme file by file. Its files are read only inside the site
 * folder (a symbolic link out of it is an error), and its templates run sandboxed ({@link SandboxedFreemarker}).
 */
public final class Theme {
    /** Where the built-in theme sits on the class path. */
    public static final String BUILT_IN = "/org/arshif/theme/";

    public static final String STATIC_DIR = "static/";
    public static final String I18N_FILE = "i18n.yml";
    private static final String LABEL = "templates/";

    private final Path siteTemplates;
    private final InputFiles files;
    private final SandboxedFreemarker freemarker;
    /** The site's own static files, by theme path ({@code static/style.css}), read when the theme is loaded. */
    private final Map<String, byte[]> siteStatic = new TreeMap<>();
    // Listed once per theme: listing the built-in theme opens the jar and reads its ~3,700 entries, which cost each
    // of serve's rebuilds ~3 ms and 1 MB (a template change makes a new theme).
    private volatile List<String> staticFiles;

    /**
     * The theme of a site whose own templates are {@code siteTemplates} (which may not exist). Their files may be
     * symbolic links to anywhere inside {@code siteRoot}, or inside {@code siteTemplates} itself when it lies outside
     * the site (chosen with {@code --templates}). Problems with the static files go to {@code diagnostics}.
     */
    public Theme(Path siteTemplates, Path siteRoot, Diagnostics diagnostics) {
        this.siteTemplates =
                siteTemplates == null ? null : siteTemplates.toAbsolutePath().normalize();
        Path root = siteRoot == null ? null : siteRoot.toAbsolutePath().normalize();
        this.files = this.siteTemplates == null
                ? null
                : InputFiles.within(root != null && this.siteTemplates.startsWith(root) ? root : this.siteTemplates);
        List<TemplateLoader> loaders = new ArrayList<>();
        if (this.siteTemplates != null && Files.isDirectory(this.siteTemplates)) {
            loaders.add(new SiteTemplateLoader(this.siteTemplates, files));
            readSiteStatic(diagnostics);
            ThemeOverrides.check(this.siteTemplates, builtInFiles(""), diagnostics);
        } else if (this.siteTemplates != null && Files.exists(this.siteTemplates)) {
            diagnostics.warning(
                    LABEL.substring(0, LABEL.length() - 1),
                    0,
                    0,
                    this.siteTemplates + " is a file, not a folder of templates, so the built-in theme is used"
                            + " unchanged; delete or rename it, or put your templates in a folder of that name");
        }
        loaders.add(new ClassTemplateLoader(Theme.class, BUILT_IN));
        this.freemarker = new SandboxedFreemarker(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
    }

    private void readSiteStatic(Diagnostics diagnostics) {
        String label = LABEL + STATIC_DIR.substring(0, STATIC_DIR.length() - 1);
        for (String name : files.list(siteTemplates.resolve(STATIC_DIR), label, InputFiles.Filter.ALL, diagnostics)) {
            files.readListed(siteTemplates.resolve(STATIC_DIR).resolve(name), label + "/" + name, diagnostics)
                    .ifPresent(bytes -> siteStatic.put(STATIC_DIR + name, bytes));
        }
    }

    /** The configured Freemarker engine; thread-safe for rendering once set up. */
    public Configuration freemarker() {
        return freemarker;
    }

    SandboxedFreemarker sandbox() {
        return freemarker;
    }

    /** Site-relative theme paths of static files ({@code static/style.css} …), site files winning. Sorted. */
    public List<String> staticFiles() {
        List<String> listed = staticFiles;
        if (listed == null) {
            TreeSet<String> names = new TreeSet<>(builtInFiles(STATIC_DIR));
            names.addAll(siteStatic.keySet());
            listed = List.copyOf(names);
            staticFiles = listed;
        }
        return listed;
    }

    /** A theme file's bytes, from the site's templates when it has the file, else from the built-in theme. */
    public Optional<byte[]> read(String themePath) {
        byte[] own = siteStatic.get(themePath);
        return own != null ? Optional.of(own.clone()) : builtIn(themePath);
    }

    /**
     * The theme's words per language. The site's {@code i18n.yml} wins key by key; the built-in file fills gaps.
     */
    public Map<String, Map<String, String>> words(Diagnostics diagnostics) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        mergeWords(builtIn(I18N_FILE), "(built-in theme) " + I18N_FILE, out, diagnostics);
        Path own = siteTemplates == null ? null : siteTemplates.resolve(I18N_FILE);
        if (own != null && Files.exists(own, LinkOption.NOFOLLOW_LINKS)) {
            // taken before the merge, which adds the site's keys to the same maps
            Set<String> themeLanguages = Set.copyOf(out.keySet());
            Set<String> themeKeys = new TreeSet<>();
            out.values().forEach(words -> themeKeys.addAll(words.keySet()));
            mergeWords(files.read(own, LABEL + I18N_FILE, diagnostics), LABEL + I18N_FILE, out, diagnostics)
                    .ifPresent(
                            langs -> ThemeWordKeys.check(langs, themeLanguages, themeKeys, siteTemplates, diagnostics));
        }
        return out;
    }

    private static Optional<byte[]> builtIn(String path) {
        try (InputStream in = Theme.class.getResourceAsStream(BUILT_IN + path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Merges the words of an {@code i18n.yml} into {@code out}; returns its languages, when it has a map of them. */
    private static Optional<YNode.Map> mergeWords(
            Optional<byte[]> bytes, String label, Map<String, Map<String, String>> out, Diagnostics diagnostics) {
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        SourceText text;
        try {
            text = SourceText.decode(label, bytes.get());
        } catch (ContentException e) {
            diagnostics.addAll(e.diagnostics());
            return Optional.empty();
        }
        Optional<YNode> root = YamlReader.parse(text.text(), label, 0, diagnostics);
        if (root.isEmpty() || !(root.get() instanceof YNode.Map langs)) {
            return Optional.empty();
        }
        langs.entries().forEach((lang, words) -> {
            if (words instanceof YNode.Map m) {
                Map<String, String> target = out.computeIfAbsent(lang, k -> new TreeMap<>());
                m.entries().forEach((key, value) -> {
                    if (value instanceof YNode.Scalar s) {
                        target.put(key, s.text());
                    } else {
                        diagnostics.error(label, value.line(), value.column(), "'" + key + "' must be text");
                    }
                });
            } else {
                diagnostics.error(
                        label,
                        words.line(),
                        words.column(),
                        "'" + lang + "' must map words to their text in that language");
            }
        });
        return Optional.of(langs);
    }

    private static List<String> builtInFiles(String folder) {
        URL url = Theme.class.getResource(BUILT_IN + folder);
        if (url == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try {
            if ("file".equals(url.getProtocol())) {
                Path dir = Path.of(url.toURI());
                Path themeRoot = folder.isEmpty() ? dir : dir.getParent();
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.filter(Files::isRegularFile)
                            .map(p -> themeRoot.relativize(p).toString().replace('\\', '/'))
                            .forEach(out::add);
                }
            } else if ("jar".equals(url.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                String prefix = BUILT_IN.substring(1);
                try (JarFile jar = connection.getJarFile()) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        JarEntry entry = e.nextElement();
                        if (!entry.isDirectory() && entry.getName().startsWith(prefix + folder)) {
                            out.add(entry.getName().substring(prefix.length()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        out.sort(null);
        return out;
    }
}
