package org.arshif.site;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.SourceText;
import org.arshif.internal.yaml.YNode;
import org.arshif.internal.yaml.YamlReader;

/**
 * The theme: Freemarker templates, static files and the theme's words ({@code i18n.yml}). A site's own
 * {@code templates/} folder overrides the built-in theme file by file.
 */
public final class Theme {
    /** Where the built-in theme sits on the class path. */
    public static final String BUILT_IN = "/org/arshif/theme/";
    public static final String STATIC_DIR = "static/";
    public static final String I18N_FILE = "i18n.yml";

    private final Path siteTemplates;
    private final Configuration freemarker;

    public Theme(Path siteTemplates) {
        this.siteTemplates = siteTemplates;
        this.freemarker = configure(siteTemplates);
    }

    private static Configuration configure(Path siteTemplates) {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        List<TemplateLoader> loaders = new ArrayList<>();
        if (siteTemplates != null && Files.isDirectory(siteTemplates)) {
            try {
                loaders.add(new FileTemplateLoader(siteTemplates.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        loaders.add(new ClassTemplateLoader(Theme.class, BUILT_IN));
        cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        // View models are records: let templates write article.title rather than article.title().
        wrapper.setRecordZeroArgumentNonVoidMethodPolicy(
                ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        wrapper.setExposeFields(false);
        cfg.setObjectWrapper(wrapper.build());
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setURLEscapingCharset("UTF-8");
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setLocalizedLookup(false);
        cfg.setLocale(Locale.ROOT);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        return cfg;
    }

    /** The configured Freemarker engine; thread-safe for rendering once set up. */
    public Configuration freemarker() {
        return freemarker;
    }

    /** Site-relative theme paths of static files ({@code static/style.css} …), site files winning. Sorted. */
    public List<String> staticFiles() {
        TreeSet<String> names = new TreeSet<>(builtInFiles(STATIC_DIR));
        if (siteTemplates != null && Files.isDirectory(siteTemplates.resolve(STATIC_DIR))) {
            try (Stream<Path> walk = Files.walk(siteTemplates.resolve(STATIC_DIR))) {
                walk.filter(Files::isRegularFile)
                        .map(p -> siteTemplates.relativize(p).toString().replace('\\', '/'))
                        .forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(names);
    }

    /** A theme file's bytes, from the site's templates when it has the file, else from the built-in theme. */
    public Optional<byte[]> read(String themePath) {
        try {
            if (siteTemplates != null) {
                Path own = siteTemplates.resolve(themePath);
                if (Files.isRegularFile(own)) {
                    return Optional.of(Files.readAllBytes(own));
                }
            }
            try (InputStream in = Theme.class.getResourceAsStream(BUILT_IN + themePath)) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The theme's words per language. The site's {@code i18n.yml} wins key by key; the built-in file fills gaps.
     */
    public Map<String, Map<String, String>> words(Diagnostics diagnostics) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        mergeWords(builtIn(I18N_FILE), "(built-in theme) " + I18N_FILE, out, diagnostics);
        if (siteTemplates != null && Files.isRegularFile(siteTemplates.resolve(I18N_FILE))) {
            try {
                mergeWords(Optional.of(Files.readAllBytes(siteTemplates.resolve(I18N_FILE))), "templates/" + I18N_FILE,
                        out, diagnostics);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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

    private static void mergeWords(Optional<byte[]> bytes, String label, Map<String, Map<String, String>> out,
                                   Diagnostics diagnostics) {
        if (bytes.isEmpty()) {
            return;
        }
        SourceText text;
        try {
            text = SourceText.decode(label, bytes.get());
        } catch (ContentException e) {
            diagnostics.addAll(e.diagnostics());
            return;
        }
        Optional<YNode> root = YamlReader.parse(text.text(), label, 0, diagnostics);
        if (root.isEmpty() || !(root.get() instanceof YNode.Map langs)) {
            return;
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
                diagnostics.error(label, words.line(), words.column(), "'" + lang
                        + "' must map words to their text in that language");
            }
        });
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
                Path themeRoot = dir.getParent();
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
