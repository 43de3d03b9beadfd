package org.arshif.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.arshif.content.Dispatch;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.Fingerprint;
import org.arshif.search.Conflation;
import org.arshif.search.SearchDocument;
import org.arshif.search.index.SearchIndexWriter;
import org.arshif.site.DateLabels;
import org.arshif.site.Routes;
import org.arshif.site.SearchManifests;
import org.arshif.site.SiteModel;
import org.arshif.site.SiteSink;

/** The search stage of a run: the client's modules and each language's index, written the strategy's way. */
final class SearchStage {
    /** The search client's modules; the first is the page's entry point, which loads the others on demand. */
    static final List<String> CLIENT_SCRIPTS =
            List.of("search-page.js", "search-render.js", "search-index.js", "analyzer.js", "inflate.js");

    private static final String SCRIPTS_DIR = "static/js/";

    private final SiteModel model;
    private final Routes routes;
    private final DateLabels dates;
    private final List<String> protect;
    private final boolean readableClient;
    private final boolean cardChunks;
    private final Diagnostics diagnostics;

    /**
     * @param protect     words the analyzer keeps whole besides its own ({@code search: protect:})
     * @param readableClient serve the client's modules as written, comments and all ({@code search: readableClient:})
     * @param cardChunks  write the card chunks for servers that ignore Range (not on a compact site)
     * @param diagnostics where the stems that join two families of words are noticed
     */
    SearchStage(
            SiteModel model,
            Routes routes,
            DateLabels dates,
            List<String> protect,
            boolean readableClient,
            boolean cardChunks,
            Diagnostics diagnostics) {
        this.model = model;
        this.routes = routes;
        this.dates = dates;
        this.protect = List.copyOf(protect);
        this.readableClient = readableClient;
        this.cardChunks = cardChunks;
        this.diagnostics = diagnostics;
    }

    /** Whether a file of the site is one this stage writes (a client module or an index file). */
    static boolean writes(String file) {
        int slash = file.indexOf('/');
        int last = file.lastIndexOf('/');
        return file.startsWith(SCRIPTS_DIR)
                        && last > SCRIPTS_DIR.length()
                        && file.indexOf('/', SCRIPTS_DIR.length()) == last
                        && CLIENT_SCRIPTS.contains(file.substring(last + 1))
                || slash > 0 && file.startsWith("/search/", slash) && !file.endsWith("/index.html");
    }

    SearchManifests write(RunStrategy strategy) {
        String scripts = writeClientScripts(strategy, readableClient);
        Map<String, String> manifests = new TreeMap<>();
        Map<String, String> manifestTexts = new TreeMap<>();
        SearchIndexWriter writer = SearchIndexWriter.protecting(protect, cardChunks);
        List<Conflation> conflations = new ArrayList<>();
        for (String lang : model.languages()) {
            List<Dispatch> articles = new OneAtEachUrl.Lazy(model.articles(lang));
            List<SearchDocument> docs = new Documents(articles, lang);
            try {
                String inputs = inputsKey(writer, lang, articles, strategy.identities());
                SearchIndexWriter.IndexStats stats =
                        strategy.writeIndex(writer, lang, docs, inputs, textKeys(writer, lang, articles, strategy));
                manifests.put(lang, "/" + lang + "/search/" + stats.manifestFile());
                manifestTexts.put(lang, stats.manifestJson());
                conflations.addAll(stats.conflations());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the " + lang + " search index", e);
            }
        }
        ConflationNotice.of(conflations, protect).ifPresent(diagnostics::add);
        return new SearchManifests(manifests, manifestTexts, routes.href("/" + scripts + CLIENT_SCRIPTS.get(0)));
    }

    /**
     * Copies the search client's modules, shipped in the plugin jar, to {@link #clientDir}: as served (stripped), or
     * as written. Returns that folder.
     */
    private static String writeClientScripts(RunStrategy strategy, boolean readable) {
        boolean[] stripped = {false};
        Map<String, byte[]> scripts = readable
                ? ReadableClient.SCRIPTS
                : strategy.servedClient(ReadableClient.SCRIPTS, () -> {
                    stripped[0] = true;
                    return Client.SCRIPTS;
                });
        // Client is named only when the strategy asked for it: its first use strips the modules (its class's init).
        String dir = readable ? ReadableClient.DIR : stripped[0] ? Client.DIR : clientDir(scripts);
        SiteSink out = strategy.sink();
        scripts.forEach((name, bytes) -> out.write(dir + name, bytes.clone()));
        return dir;
    }

    /**
     * The jar's client is fixed for the life of the process: read, stripped and hashed once, on first use (serve
     * writes the index after every edit).
     */
    private static final class Client {
        static final Map<String, byte[]> SCRIPTS =
                Collections.unmodifiableMap(readClientScripts(ScriptStripper::strip));
        static final String DIR = clientDir(SCRIPTS);
    }

    /** The jar's client as written, for {@code search: readableClient: true}. */
    private static final class ReadableClient {
        static final Map<String, byte[]> SCRIPTS = Collections.unmodifiableMap(readClientScripts(bytes -> bytes));
        static final String DIR = clientDir(SCRIPTS);
    }

    /** The client's modules from the plugin jar, by name, entry first, as served: without comments and indentation. */
    static Map<String, byte[]> clientScripts() {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        Client.SCRIPTS.forEach((name, bytes) -> copy.put(name, bytes.clone()));
        return copy;
    }

    /** {@link #clientDir(Map)} of the jar's client as served. */
    static String clientDir() {
        return Client.DIR;
    }

    /** {@link #clientDir(Map)} of the jar's client as written. */
    static String readableClientDir() {
        return ReadableClient.DIR;
    }

    private static Map<String, byte[]> readClientScripts(UnaryOperator<byte[]> form) {
        Map<String, byte[]> scripts = new LinkedHashMap<>();
        for (String name : CLIENT_SCRIPTS) {
            try (InputStream in = SearchStage.class.getResourceAsStream("/org/arshif/js/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("the plugin jar lacks /org/arshif/js/" + name);
                }
                scripts.put(name, form.apply(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return scripts;
    }

    /**
     * {@code static/js/<hash>/}, the hash of all the modules: a page names the very client it was built with, so
     * a browser never pairs a cached older client with a newer index, and the modules' relative imports resolve.
     */
    static String clientDir(Map<String, byte[]> scripts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        scripts.forEach((name, bytes) -> {
            all.writeBytes((name + "\0" + bytes.length + "\0").getBytes(StandardCharsets.UTF_8));
            all.writeBytes(bytes);
        });
        return SCRIPTS_DIR + ThemeAssets.shortHash(all.toByteArray()) + "/";
    }

    /**
     * A fingerprint of what the index of {@code articles} is made of: the writer's settings, the site's base path
     * and the names of the language's tags, and per document its dispatch's identity. An identity stands for all
     * that the dispatch was read from, configuration included (equal identities, equal dispatches: text, title,
     * date, tags, permalink, and so its URL and date label). Null without identities. No body is read or hashed,
     * and no URL built.
     */
    private String inputsKey(
            SearchIndexWriter writer, String lang, List<Dispatch> articles, Function<Dispatch, String> identities) {
        if (identities == null) {
            return null;
        }
        Fingerprint f = new Fingerprint()
                .text("search-inputs 1")
                .text(lang)
                .text(writer.settingsKey())
                .text(routes.basePath());
        for (String key : model.tags(lang).keySet()) {
            f.text(key).text(model.tagName(key, lang));
        }
        f.number(articles.size());
        for (Dispatch d : articles) {
            String identity = identities.apply(d);
            if (identity == null) {
                return null;
            }
            f.text(identity);
        }
        return f.finish().hex();
    }

    /**
     * Per article, a key of what its search text (title and body) is made of: its dispatch's identity, which stands
     * for all that the dispatch was read from, with the language and the writer's settings (its analyzer's lists
     * among them). A view: each key is made when asked for. Null without identities.
     */
    private static List<String> textKeys(
            SearchIndexWriter writer, String lang, List<Dispatch> articles, RunStrategy strategy) {
        Function<Dispatch, String> identities = strategy.identities();
        if (identities == null) {
            return null;
        }
        String context = "\u0000"
                + new Fingerprint()
                        .text(lang)
                        .text(writer.settingsKey())
                        .finish()
                        .hex();
        return new AbstractList<>() {
            @Override
            public String get(int i) {
                String identity = identities.apply(articles.get(i));
                return identity == null ? null : identity + context;
            }

            @Override
            public int size() {
                return articles.size();
            }
        };
    }

    /**
     * A view, not a copy: each document (and its inflated or decoded body) exists only while the writer reads it,
     * and a document whose text the writer knows is made without its body.
     */
    private final class Documents extends AbstractList<SearchDocument> implements SearchDocument.BodiesOnDemand {
        private final List<Dispatch> articles;
        private final String lang;

        Documents(List<Dispatch> articles, String lang) {
            this.articles = articles;
            this.lang = lang;
        }

        @Override
        public SearchDocument get(int i) {
            return searchDocument(articles.get(i), lang, true);
        }

        @Override
        public SearchDocument withoutBody(int i) {
            return searchDocument(articles.get(i), lang, false);
        }

        @Override
        public int size() {
            return articles.size();
        }
    }

    private SearchDocument searchDocument(Dispatch d, String lang, boolean withBody) {
        List<SearchDocument.SearchTag> tags = new ArrayList<>(d.tags().size());
        for (String key : d.tags()) {
            tags.add(new SearchDocument.SearchTag(key, model.tagName(key, lang)));
        }
        // An IRI, as the pages' own links: an Arabic letter costs 2 bytes of the card, not the 6 of its %XX%XX, and a
        // browser following the result's link requests the percent-encoded URL all the same.
        return new SearchDocument(
                routes.iri(Routes.article(d)),
                d.title(),
                d.date().toLocalDate().toString(),
                dates.day(d.date(), lang),
                tags,
                withBody ? d.plainText() : null,
                lang);
    }
}
