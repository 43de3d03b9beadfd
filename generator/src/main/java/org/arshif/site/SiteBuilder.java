package org.arshif.site;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.arshif.config.Language;
import org.arshif.config.SiteConfig;
import org.arshif.content.Dispatch;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.arshif.search.SearchDocument;
import org.arshif.search.index.AnalysisCache;
import org.arshif.search.index.SearchIndexWriter;
import org.arshif.site.view.Alternate;
import org.arshif.site.view.ArchiveView;
import org.arshif.site.view.ArticleCard;
import org.arshif.site.view.ArticleView;
import org.arshif.site.view.LanguageLink;
import org.arshif.site.view.Link;
import org.arshif.site.view.ListView;
import org.arshif.site.view.Nav;
import org.arshif.site.view.NotFoundView;
import org.arshif.site.view.PageContext;
import org.arshif.site.view.Pagination;
import org.arshif.site.view.RedirectView;
import org.arshif.site.view.SearchView;
import org.arshif.site.view.TagIndexView;
import org.arshif.site.view.TagLink;

/**
 * Plans every page of the site from the {@link SiteModel} and renders them, in parallel, into an
 * {@link OutputTree}. View models are built per page at render time, so memory holds the library, not the
 * rendered site.
 */
public final class SiteBuilder {
    /**
     * A page to render: its site path, template and a recipe for its view model, and optionally a recipe for its
     * inputs: a small value that, with {@link #globalInputs()}, determines the view model, so that an incremental
     * build can tell whether the page changed without building and walking the model (null: use the model).
     */
    public record PageJob(String sitePath, String template, String owner, Supplier<Map<String, Object>> model,
                          Supplier<Object> inputs) {
        public PageJob(String sitePath, String template, String owner, Supplier<Map<String, Object>> model) {
            this(sitePath, template, owner, model, null);
        }
    }

    private static final int FEED_ENTRIES = 20;

    private final SiteModel model;
    private final SiteConfig config;
    private final Theme theme;
    private final PageRenderer renderer;
    private final Routes routes;
    private final DateLabels dates;
    private final Map<String, Map<String, String>> words;
    private final Map<String, String> assets = new TreeMap<>();
    private final Map<String, String> searchManifests = new HashMap<>();
    private String searchScript;
    private int sitemapLimit = 50_000;
    private final Map<String, ArticleCard> cards = new ConcurrentHashMap<>();
    private final Map<String, TagLink> tagLinks = new ConcurrentHashMap<>();
    private final Map<String, Object> cardInputs = new ConcurrentHashMap<>();
    private Function<Dispatch, String> identities;

    public SiteBuilder(SiteModel model, Theme theme, Map<String, Map<String, String>> words) {
        this.model = model;
        this.config = model.config();
        this.theme = theme;
        this.renderer = new PageRenderer(theme);
        this.routes = new Routes(config.basePath(), config.origin());
        this.dates = new DateLabels(config.arabicMonths(), config.arabicIndicDigits());
        this.words = words;
    }

    public Routes routes() {
        return routes;
    }

    public DateLabels dates() {
        return dates;
    }

    /** Tells the search pages where a language's index manifest is (a site path). */
    public void searchIndex(String lang, String manifestSitePath) {
        searchManifests.put(lang, manifestSitePath);
    }

    /** Copies the theme's static files; CSS and images get content-hashed names, so they can be cached forever. */
    public void writeAssets(SiteSink out) {
        for (String file : theme.staticFiles()) {
            byte[] bytes = theme.read(file).orElseThrow();
            String logical = file.substring(Theme.STATIC_DIR.length());
            String target = file;
            if (!logical.endsWith(".js") && !logical.endsWith(".txt")) {
                int dot = file.lastIndexOf('.');
                target = dot > file.lastIndexOf('/') ? file.substring(0, dot) + "." + shortHash(bytes)
                        + file.substring(dot) : file + "." + shortHash(bytes);
            }
            out.write(target, bytes);
            assets.put(logical, routes.href("/" + target));
        }
    }

    /** Copies the search client's modules, shipped in the plugin jar, to {@code static/js/}. */
    public void writeClientScripts(SiteSink out, List<String> names) {
        for (String name : names) {
            try (var in = SiteBuilder.class.getResourceAsStream("/org/arshif/js/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("the plugin jar lacks /org/arshif/js/" + name);
                }
                out.write("static/js/" + name, in.readAllBytes());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        searchScript = names.isEmpty() ? null : routes.href("/static/js/" + names.get(0));
    }

    /** The search client's modules; the first is the page's entry point, which loads the others on demand. */
    public static final List<String> CLIENT_SCRIPTS = List.of("search-page.js", "search-render.js",
            "search-index.js", "analyzer.js");

    /**
     * Writes each language's search index into {@code <lang>/search/} and the client's modules, and points the
     * search pages at them. Runs before {@link #render}, which needs the manifests' hashed names.
     */
    public List<SearchIndexWriter.IndexStats> writeSearchIndex(OutputTree out) {
        return writeSearchIndex(out, null, false);
    }

    /**
     * Like {@link #writeSearchIndex(OutputTree)}, for incremental builds: analyses come from {@code analyses}
     * where the text is unchanged, and with {@code keepExisting} index files already in the output (their names
     * carry content hashes) are kept instead of being compressed and written again.
     */
    public List<SearchIndexWriter.IndexStats> writeSearchIndex(OutputTree out, AnalysisCache analyses,
                                                               boolean keepExisting) {
        writeClientScripts(out, CLIENT_SCRIPTS);
        SearchIndexWriter writer = SearchIndexWriter.standard();
        List<SearchIndexWriter.IndexStats> all = new ArrayList<>();
        for (String lang : model.languages()) {
            List<Dispatch> articles = model.articles(lang);
            // A view, not a copy: each document (and its inflated body) exists only while the writer reads it.
            List<SearchDocument> docs = new java.util.AbstractList<>() {
                @Override
                public SearchDocument get(int i) {
                    return searchDocument(articles.get(i), lang);
                }

                @Override
                public int size() {
                    return articles.size();
                }
            };
            try {
                String folder = lang + "/search/";
                SearchIndexWriter.IndexStats stats = writer.write(out.resolve(lang + "/search"), lang, docs, analyses,
                        keepExisting ? name -> out.keep(folder + name) : null);
                out.count(stats.files(), stats.bytes());
                searchIndex(lang, "/" + lang + "/search/" + stats.manifestFile());
                all.add(stats);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot write the " + lang + " search index", e);
            }
        }
        return all;
    }

    private SearchDocument searchDocument(Dispatch d, String lang) {
        List<SearchDocument.SearchTag> tags = new ArrayList<>(d.tags().size());
        for (String key : d.tags()) {
            tags.add(new SearchDocument.SearchTag(key, model.tagName(key, lang)));
        }
        return new SearchDocument(routes.href(Routes.article(d)), d.title(), d.date().toLocalDate().toString(),
                dates.day(d.date(), lang), tags, d.plainText(), lang);
    }

    /** Every page of the site. Two pages with one output file are reported, naming the dispatches involved. */
    public List<PageJob> plan(Diagnostics diagnostics) {
        List<PageJob> jobs = new ArrayList<>();
        Map<String, String> owners = new HashMap<>(Math.max(64, model.size() * 4));
        for (String lang : model.languages()) {
            for (Dispatch d : model.articles(lang)) {
                add(jobs, owners, diagnostics, new PageJob(Routes.article(d), "article.ftlh", d.path(),
                        () -> articleModel(d), () -> articleInputs(d)));
                for (String alias : d.aliases()) {
                    add(jobs, owners, diagnostics, new PageJob(alias, "alias.ftlh", d.path(),
                            () -> redirectModel(lang, alias, Routes.article(d)),
                            () -> List.of("alias", lang, alias, Routes.article(d))));
                }
            }
            List<Dispatch> all = model.articles(lang);
            paginate(jobs, owners, diagnostics, all, p -> Routes.home(lang, p), "home", lang, null, 0, 0);
            for (var tag : model.tags(lang).entrySet()) {
                String key = tag.getKey();
                paginate(jobs, owners, diagnostics, tag.getValue(), p -> Routes.tag(lang, key, p), "tag", lang, key,
                        0, 0);
                add(jobs, owners, diagnostics, new PageJob(Routes.tagFeed(lang, key), "feed.ftlx", "",
                        () -> feedModel(lang, key, tag.getValue()), () -> feedInputs(lang, key, tag.getValue())));
            }
            for (var year : model.years(lang).entrySet()) {
                int y = year.getKey();
                paginate(jobs, owners, diagnostics, year.getValue(), p -> Routes.year(lang, y, p), "year", lang, null,
                        y, 0);
            }
            for (var month : model.months(lang).entrySet()) {
                YearMonth ym = month.getKey();
                paginate(jobs, owners, diagnostics, month.getValue(),
                        p -> Routes.month(lang, ym.getYear(), ym.getMonthValue(), p), "month", lang, null,
                        ym.getYear(), ym.getMonthValue());
            }
            add(jobs, owners, diagnostics, new PageJob(Routes.tags(lang), "tags.ftlh", "", () -> tagIndexModel(lang),
                    () -> tagIndexInputs(lang)));
            add(jobs, owners, diagnostics, new PageJob(Routes.archive(lang), "archive.ftlh", "",
                    () -> archiveModel(lang), () -> archiveInputs(lang)));
            add(jobs, owners, diagnostics, new PageJob(Routes.search(lang), "search.ftlh", "",
                    () -> searchModel(lang), () -> searchInputs(lang)));
            add(jobs, owners, diagnostics, new PageJob(Routes.feed(lang), "feed.ftlx", "",
                    () -> feedModel(lang, null, all), () -> feedInputs(lang, null, all)));
        }
        String home = config.defaultLanguage();
        add(jobs, owners, diagnostics, new PageJob("/", "list.ftlh", "", () -> listModel("home", home,
                model.articles(home), 1, p -> Routes.home(home, p), null, 0, 0, "/"),
                () -> listInputs("home", home, model.articles(home), 1, null, 0, 0, "/")));
        add(jobs, owners, diagnostics, new PageJob("/404.html", "404.ftlh", "", this::notFoundModel,
                () -> List.of("404")));
        planSitemap(jobs, owners, diagnostics);
        add(jobs, owners, diagnostics, new PageJob("/robots.txt", "robots.ftl", "", this::robotsModel,
                () -> List.of("robots")));
        return jobs;
    }

    /**
     * Claims a page's output file. {@code owners} maps files to the dispatch that makes them ("" for generated
     * pages) and, with a trailing '/', the folders they need: a file where another page needs a folder (an alias
     * {@code /ar/feed.xml} beside the feed) is a collision too, not a write error halfway through the build.
     */
    private void add(List<PageJob> jobs, Map<String, String> owners, Diagnostics diagnostics, PageJob job) {
        String file = Routes.file(job.sitePath());
        String previous = owners.get(file);
        if (previous == null) {
            previous = owners.get(file + "/");
        }
        // The folders the file needs, deepest first, up to the first one already claimed: when that one was
        // claimed, none of its ancestors was a file, and no file can claim one of them since.
        List<String> folders = new ArrayList<>(4);
        for (int slash = file.lastIndexOf('/'); previous == null && slash > 0; slash = file.lastIndexOf('/', slash - 1)) {
            String folder = file.substring(0, slash + 1);
            if (owners.containsKey(folder)) {
                break;
            }
            previous = owners.get(file.substring(0, slash));
            folders.add(folder);
        }
        if (previous == null) {
            owners.put(file, job.owner());
            for (String folder : folders) {
                owners.put(folder, job.owner());
            }
            jobs.add(job);
            return;
        }
        String by = previous.isEmpty() ? "a page the site generates" : previous;
        if (job.owner().isEmpty()) {
            diagnostics.error(previous, 1, 1, "this dispatch's URL or alias collides with " + job.sitePath()
                    + ", a page the site generates; change its slug or alias");
        } else {
            diagnostics.error(job.owner(), 1, 1, "two dispatches have the same URL " + job.sitePath() + ": this one and "
                    + by + "; give one of them a different slug or alias");
        }
    }

    private interface PagePath {
        String of(int page);
    }

    private void paginate(List<PageJob> jobs, Map<String, String> owners, Diagnostics diagnostics, List<Dispatch> items,
                          PagePath path, String kind, String lang, String tag, int year, int month) {
        int pages = Math.max(1, (items.size() + config.pageSize() - 1) / config.pageSize());
        for (int p = 1; p <= pages; p++) {
            int page = p;
            add(jobs, owners, diagnostics, new PageJob(path.of(p), "list.ftlh", "",
                    () -> listModel(kind, lang, items, page, path, tag, year, month, null),
                    () -> listInputs(kind, lang, items, page, tag, year, month, null)));
        }
    }

    /** Renders every job in parallel; template failures are collected, each distinct one reported once. */
    public void render(List<PageJob> jobs, SiteSink out, Diagnostics diagnostics) {
        Map<Diagnostic, Boolean> failures = new ConcurrentHashMap<>();
        jobs.parallelStream().forEach(job -> {
            try {
                out.write(Routes.file(job.sitePath()), renderer.render(job.template(), job.model().get()));
            } catch (PageRenderer.RenderException e) {
                failures.putIfAbsent(e.diagnostic(), Boolean.TRUE);
            }
        });
        failures.keySet().forEach(diagnostics::add);
    }

    /** Renders one page from an already built view model (incremental builds and the preview server). */
    public byte[] render(String template, Map<String, Object> viewModel) throws PageRenderer.RenderException {
        return renderer.render(template, viewModel);
    }

    /** Theme files by logical name ({@code style.css}) → their links; filled by {@link #writeAssets}. */
    public Map<String, String> assets() {
        return java.util.Collections.unmodifiableMap(assets);
    }

    // ---- view models -------------------------------------------------------------------------------------

    private Map<String, Object> root(PageContext page, String name, Object view) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("page", page);
        root.put(name, view);
        return root;
    }

    private PageContext context(String kind, String lang, String sitePath, String title, String description,
                                Map<String, String> versions, Map<String, String> fallbacks, boolean noindex) {
        Language language = Language.byCode(lang).orElseThrow();
        List<Alternate> alternates = new ArrayList<>();
        for (String l : model.languages()) {
            String v = versions.get(l);
            if (v != null) {
                alternates.add(new Alternate(l, routes.absolute(v)));
            }
        }
        String xDefault = versions.getOrDefault(config.defaultLanguage(), sitePath);
        alternates.add(new Alternate("x-default", routes.absolute(xDefault)));
        List<LanguageLink> switcher = new ArrayList<>();
        for (String l : model.languages()) {
            Language other = Language.byCode(l).orElseThrow();
            String exact = versions.get(l);
            String target = exact != null ? exact : fallbacks.getOrDefault(l, Routes.home(l, 1));
            switcher.add(new LanguageLink(l, other.nativeName(), other.direction(), routes.href(target), l.equals(lang),
                    exact != null));
        }
        String canonicalPath = versions.getOrDefault(lang, sitePath);
        List<Link> feeds = List.of(new Link(routes.href(Routes.feed(lang)), config.title(lang)));
        return new PageContext(kind, lang, language.direction(), config.title(lang), title, description,
                routes.href(sitePath), routes.absolute(canonicalPath), alternates, switcher, nav(lang),
                words.getOrDefault(lang, Map.of()), assets, feeds, noindex);
    }

    private Nav nav(String lang) {
        return new Nav(routes.href(Routes.home(lang, 1)), routes.href(Routes.tags(lang)),
                routes.href(Routes.archive(lang)), routes.href(Routes.search(lang)), routes.href(Routes.feed(lang)));
    }

    private String word(String lang, String key) {
        return words.getOrDefault(lang, Map.of()).getOrDefault(key, key);
    }

    /** An article's versions by language (its own and its translations') and, where none, where to go instead. */
    private record Versions(Map<String, String> versions, Map<String, String> fallbacks) {
    }

    private Versions versions(Dispatch d) {
        Map<String, String> versions = new LinkedHashMap<>();
        Map<String, String> fallbacks = new TreeMap<>();
        for (String l : model.languages()) {
            Optional<Dispatch> t = l.equals(d.lang()) ? Optional.of(d) : model.translation(d, l);
            if (t.isPresent()) {
                versions.put(l, Routes.article(t.get()));
            } else {
                fallbacks.put(l, closestPeriod(l, d.date().getYear(), d.date().getMonthValue()));
            }
        }
        return new Versions(versions, fallbacks);
    }

    private Map<String, Object> articleModel(Dispatch d) {
        String lang = d.lang();
        Versions v = versions(d);
        Map<String, String> versions = v.versions();
        Map<String, String> fallbacks = v.fallbacks();
        LanguageLink translation = null;
        for (Map.Entry<String, String> e : versions.entrySet()) {
            String l = e.getKey();
            if (!l.equals(lang)) {
                Language other = Language.byCode(l).orElseThrow();
                translation = new LanguageLink(l, other.nativeName(), other.direction(), routes.href(e.getValue()),
                        false, true);
            }
        }
        Dispatch older = model.older(d);
        Dispatch newer = model.newer(d);
        ArticleView view = new ArticleView(d.title(), d.date().toLocalDate().toString(), dates.day(d.date(), lang),
                d.lastmod().toLocalDate().toString(), dates.day(d.lastmod(), lang), d.dateline(), d.source(),
                tagLinks(d.tags(), lang), d.bodyHtml(), d.summary(), translation,
                older == null ? null : card(older), newer == null ? null : card(newer),
                model.related(d, config.relatedCount()).stream().map(this::card).toList(), d.params());
        Map<String, Object> root = root(context("article", lang, Routes.article(d), d.title(), d.summary(), versions,
                fallbacks, false), "article", view);
        root.put("json", new JsonLd(d, view, routes, model, config));
        return root;
    }

    // ---- page inputs (incremental builds) ----------------------------------------------------------------
    //
    // A page's inputs plus globalInputs() must determine its view model: whatever a *Model method reads from a
    // dispatch, the model or this builder must be in the matching *Inputs value, or in globalInputs().
    // A dispatch is named by its identity (a fingerprint of everything it was read from); a card by what
    // newCard reads. IncrementalBuildTest compares incremental builds with clean ones after every kind of edit.

    /**
     * Names each dispatch by a fingerprint of everything it was read from (see {@code ParseCache}), which lets
     * pages be fingerprinted by their inputs ({@link PageJob#inputs()}); without it they have no inputs.
     */
    public SiteBuilder identities(Function<Dispatch, String> identities) {
        this.identities = identities;
        return this;
    }

    /**
     * What every page depends on besides its own inputs: configuration, the theme's words, asset links and
     * every tag's name; null when dispatches have no identities (then pages have no inputs). Call
     * after {@link #writeAssets} and {@link #writeSearchIndex}.
     */
    public Object globalInputs() {
        if (identities == null) {
            return null;
        }
        Map<String, Object> g = new LinkedHashMap<>();
        // Every component of SiteConfig, in order (its maps sorted).
        g.put("config", java.util.Arrays.asList(config.baseUrl(), config.defaultLanguage(), config.languages(),
                new TreeMap<>(config.titles()), config.pageSize(), config.arabicMonths(), config.arabicIndicDigits(),
                config.timeZone().getId(), config.agencies(), config.footerPatterns(), config.teaserPatterns(),
                config.relatedCount(), config.maxFileBytes(), config.markdownRawHtml()));
        Map<String, Map<String, String>> w = new TreeMap<>();
        words.forEach((lang, table) -> w.put(lang, new TreeMap<>(table)));
        g.put("words", w);
        g.put("assets", new TreeMap<>(assets));
        g.put("sitemapLimit", sitemapLimit);
        Map<String, Map<String, String>> names = new TreeMap<>();
        for (String lang : model.languages()) {
            Map<String, String> byKey = new TreeMap<>();
            for (String key : model.tags(lang).keySet()) {
                byKey.put(key, model.tagName(key, lang));
            }
            names.put(lang, byKey);
        }
        g.put("tagNames", names);
        return g;
    }

    private String identity(Dispatch d) {
        String id = identities == null ? null : identities.apply(d);
        if (id == null) {
            throw new IllegalStateException("no identity for " + d.path());
        }
        return id;
    }

    /** Everything {@link #newCard} reads from the dispatch (shared: a card is on many pages). */
    private Object cardInputs(Dispatch d) {
        return cardInputs.computeIfAbsent(d.path(), k -> new Shared(java.util.Arrays.asList(d.path(), d.title(),
                d.slug(), d.lang(), d.date().toString(), d.dateline(), d.summary(), d.tags())));
    }

    /** Part of many pages' inputs: a fingerprint may compute its share once. */
    public record Shared(Object value) implements org.arshif.internal.SharedInput {
    }

    private Object articleInputs(Dispatch d) {
        Versions v = versions(d);
        Dispatch older = model.older(d);
        Dispatch newer = model.newer(d);
        List<Object> related = new ArrayList<>();
        for (Dispatch r : model.related(d, config.relatedCount())) {
            related.add(cardInputs(r));
        }
        return java.util.Arrays.asList("article", identity(d), v.versions(), v.fallbacks(),
                older == null ? "" : cardInputs(older), newer == null ? "" : cardInputs(newer), related);
    }

    private Object listInputs(String kind, String lang, List<Dispatch> items, int page, String tag, int year,
                              int month, String sitePathOverride) {
        int size = config.pageSize();
        List<Object> cards = new ArrayList<>(size);
        for (Dispatch d : items.subList(Math.min(items.size(), (page - 1) * size), Math.min(items.size(),
                page * size))) {
            cards.add(cardInputs(d));
        }
        List<Boolean> exists = new ArrayList<>();
        for (String l : model.languages()) {
            exists.add(listExists(kind, l, tag, year, month));
        }
        return java.util.Arrays.asList("list", kind, lang, tag, year, month, page, sitePathOverride, items.size(),
                cards, exists);
    }

    private Object feedInputs(String lang, String tag, List<Dispatch> items) {
        List<String> entries = new ArrayList<>(FEED_ENTRIES);
        for (Dispatch d : items.subList(0, Math.min(FEED_ENTRIES, items.size()))) {
            entries.add(identity(d));
        }
        return java.util.Arrays.asList("feed", lang, tag, entries, feedUpdated(items));
    }

    /** Search pages name the index manifests (content-hashed, so they change with any text). */
    private Object searchInputs(String lang) {
        return java.util.Arrays.asList("search", lang, new TreeMap<>(searchManifests), searchScript);
    }

    private Object tagIndexInputs(String lang) {
        List<Object> tags = new ArrayList<>();
        for (var e : model.tags(lang).entrySet()) {
            tags.add(List.of(e.getKey(), e.getValue().size()));
        }
        return List.of("tags", lang, tags);
    }

    private Object archiveInputs(String lang) {
        List<Object> years = new ArrayList<>();
        for (var y : model.years(lang).entrySet()) {
            years.add(List.of(y.getKey(), y.getValue().size()));
        }
        List<Object> months = new ArrayList<>();
        for (var m : model.months(lang).entrySet()) {
            months.add(List.of(m.getKey().toString(), m.getValue().size()));
        }
        return List.of("archive", lang, years, months);
    }

    private String closestPeriod(String lang, int year, int month) {
        if (model.months(lang).containsKey(YearMonth.of(year, month))) {
            return Routes.month(lang, year, month, 1);
        }
        if (model.years(lang).containsKey(year)) {
            return Routes.year(lang, year, 1);
        }
        return Routes.home(lang, 1);
    }

    // Cards and tag links are the same on every page that shows them: build each once.
    private ArticleCard card(Dispatch d) {
        return cards.computeIfAbsent(d.path(), k -> newCard(d));
    }

    private ArticleCard newCard(Dispatch d) {
        Language language = Language.byCode(d.lang()).orElseThrow();
        return new ArticleCard(d.title(), routes.href(Routes.article(d)), d.date().toLocalDate().toString(),
                dates.day(d.date(), d.lang()), d.dateline(), d.summary(), tagLinks(d.tags(), d.lang()), d.lang(),
                language.direction());
    }

    private List<TagLink> tagLinks(List<String> keys, String lang) {
        List<TagLink> out = new ArrayList<>(keys.size());
        for (String key : keys) {
            out.add(tagLinks.computeIfAbsent(lang + "/" + key,
                    k -> new TagLink(key, model.tagName(key, lang), routes.href(Routes.tag(lang, key, 1)), 0, "")));
        }
        return out;
    }

    private Map<String, Object> listModel(String kind, String lang, List<Dispatch> items, int page, PagePath path,
                                          String tag, int year, int month, String sitePathOverride) {
        int size = config.pageSize();
        int pages = Math.max(1, (items.size() + size - 1) / size);
        List<ArticleCard> cards = items.subList(Math.min(items.size(), (page - 1) * size),
                Math.min(items.size(), page * size)).stream().map(this::card).toList();
        // A window of page links, not all of them: a tag with 5,000 pages would otherwise make pagination
        // quadratic in the archive's size.
        List<Pagination.PageLink> links = new ArrayList<>();
        int last = 0;
        for (int p : java.util.stream.IntStream.of(1, 2, page - 2, page - 1, page, page + 1, page + 2, pages - 1, pages)
                .filter(p -> p >= 1 && p <= pages).sorted().distinct().toArray()) {
            if (p > last + 1) {
                links.add(new Pagination.PageLink(0, "…", null, false));
            }
            links.add(new Pagination.PageLink(p, dates.number(p, lang), routes.href(path.of(p)), p == page));
            last = p;
        }
        Pagination pagination = new Pagination(page, pages, page > 1 ? routes.href(path.of(page - 1)) : null,
                page < pages ? routes.href(path.of(page + 1)) : null, links);
        String heading;
        TagLink tagLink = null;
        String feed = null;
        Map<String, String> versions = new LinkedHashMap<>();
        Map<String, String> fallbacks = new HashMap<>();
        for (String l : model.languages()) {
            boolean exists = listExists(kind, l, tag, year, month);
            String first = switch (kind) {
                case "tag" -> Routes.tag(l, tag, 1);
                case "year" -> Routes.year(l, year, 1);
                case "month" -> Routes.month(l, year, month, 1);
                default -> Routes.home(l, 1);
            };
            if (l.equals(lang)) {
                versions.put(l, path.of(page));
            } else if (exists) {
                versions.put(l, first);
            } else {
                fallbacks.put(l, kind.equals("tag") ? Routes.tags(l) : Routes.archive(l));
            }
        }
        switch (kind) {
            case "tag" -> {
                tagLink = new TagLink(tag, model.tagName(tag, lang), routes.href(Routes.tag(lang, tag, 1)), items.size(),
                        dates.number(items.size(), lang));
                heading = tagLink.name();
                feed = routes.href(Routes.tagFeed(lang, tag));
            }
            case "year" -> heading = dates.year(year, lang);
            case "month" -> heading = dates.month(year, month, lang);
            default -> heading = config.title(lang);
        }
        String sitePath = sitePathOverride != null ? sitePathOverride : path.of(page);
        String title = page > 1 ? heading + " (" + word(lang, "page") + " " + dates.number(page, lang) + ")" : heading;
        PageContext context = context(kind, lang, sitePath, title, heading, versions, fallbacks, false);
        if (feed != null) {
            List<Link> feeds = new ArrayList<>(context.feeds());
            feeds.add(new Link(feed, heading));
            context = new PageContext(context.kind(), context.lang(), context.dir(), context.siteTitle(), context.title(),
                    context.description(), context.url(), context.canonical(), context.alternates(),
                    context.languages(), context.nav(), context.t(), context.assets(), List.copyOf(feeds), false);
        }
        return root(context, "list", new ListView(kind, heading, cards, pagination, tagLink, feed));
    }

    /** Whether the list page has a version in language {@code l}. */
    private boolean listExists(String kind, String l, String tag, int year, int month) {
        return switch (kind) {
            case "tag" -> model.tags(l).containsKey(tag);
            case "year" -> model.years(l).containsKey(year);
            case "month" -> model.months(l).containsKey(YearMonth.of(year, month));
            default -> true;
        };
    }

    private Map<String, Object> tagIndexModel(String lang) {
        List<TagLink> tags = new ArrayList<>();
        for (var e : model.tags(lang).entrySet()) {
            int n = e.getValue().size();
            tags.add(new TagLink(e.getKey(), model.tagName(e.getKey(), lang), routes.href(Routes.tag(lang, e.getKey(), 1)),
                    n, dates.number(n, lang)));
        }
        tags.sort(java.util.Comparator.comparingLong(TagLink::count).reversed().thenComparing(TagLink::name)
                .thenComparing(TagLink::key));
        return root(context("tags", lang, Routes.tags(lang), word(lang, "tags"), word(lang, "tags"),
                everyLanguage(Routes::tags), Map.of(), false), "tags", new TagIndexView(tags));
    }

    private Map<String, Object> archiveModel(String lang) {
        List<ArchiveView.Period> years = new ArrayList<>();
        for (var y : model.years(lang).entrySet()) {
            List<ArchiveView.Period> months = new ArrayList<>();
            for (var m : model.months(lang).subMap(YearMonth.of(y.getKey(), 12), true, YearMonth.of(y.getKey(), 1), true)
                    .entrySet()) {
                int n = m.getValue().size();
                months.add(new ArchiveView.Period(dates.monthName(m.getKey().getMonthValue(), lang),
                        routes.href(Routes.month(lang, y.getKey(), m.getKey().getMonthValue(), 1)), n,
                        dates.number(n, lang), List.of()));
            }
            int n = y.getValue().size();
            years.add(new ArchiveView.Period(dates.year(y.getKey(), lang), routes.href(Routes.year(lang, y.getKey(), 1)),
                    n, dates.number(n, lang), months));
        }
        return root(context("archive", lang, Routes.archive(lang), word(lang, "archive"), word(lang, "archive"),
                everyLanguage(Routes::archive), Map.of(), false), "archive", new ArchiveView(years));
    }

    private Map<String, Object> searchModel(String lang) {
        String other = model.languages().stream().filter(l -> !l.equals(lang)).findFirst().orElse(null);
        String manifest = searchManifests.get(lang);
        String otherManifest = other == null ? null : searchManifests.get(other);
        SearchView view = new SearchView(manifest == null ? null : routes.href(manifest), other,
                otherManifest == null ? null : routes.href(otherManifest), searchScript);
        return root(context("search", lang, Routes.search(lang), word(lang, "search"), word(lang, "search"),
                everyLanguage(Routes::search), Map.of(), false), "search", view);
    }

    private Map<String, String> everyLanguage(java.util.function.Function<String, String> route) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String l : model.languages()) {
            versions.put(l, route.apply(l));
        }
        return versions;
    }

    private Map<String, Object> redirectModel(String lang, String alias, String target) {
        PageContext context = context("redirect", lang, alias, "", "",
                Map.of(lang, target), Map.of(), true);
        return root(context, "redirect", new RedirectView(routes.href(target)));
    }

    private Map<String, Object> notFoundModel() {
        List<NotFoundView.Section> sections = new ArrayList<>();
        for (String l : model.languages()) {
            Language language = Language.byCode(l).orElseThrow();
            sections.add(new NotFoundView.Section(l, language.direction(), word(l, "notFoundTitle"),
                    word(l, "notFoundMessage"), routes.href(Routes.home(l, 1)), word(l, "home"),
                    routes.href(Routes.search(l)), word(l, "search")));
        }
        String lang = config.defaultLanguage();
        return root(context("notfound", lang, "/404.html", word(lang, "notFoundTitle"), "", Map.of(), Map.of(), true),
                "notfound", new NotFoundView(sections));
    }

    private Map<String, Object> feedModel(String lang, String tag, List<Dispatch> items) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Dispatch d : items.subList(0, Math.min(FEED_ENTRIES, items.size()))) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("title", d.title());
            e.put("url", routes.absolute(Routes.article(d)));
            e.put("id", feedId(Routes.article(d)));
            e.put("published", timestamp(d.date()));
            e.put("updated", timestamp(d.lastmod()));
            e.put("summary", d.summary());
            e.put("html", d.bodyHtml());
            e.put("tags", d.tags().stream().map(k -> model.tagName(k, lang)).toList());
            e.put("source", d.source());
            entries.add(e);
        }
        String self = tag == null ? Routes.feed(lang) : Routes.tagFeed(lang, tag);
        String alternate = tag == null ? Routes.home(lang, 1) : Routes.tag(lang, tag, 1);
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("lang", lang);
        feed.put("title", tag == null ? config.title(lang) : config.title(lang) + " — " + model.tagName(tag, lang));
        feed.put("id", feedId(self));
        feed.put("self", routes.absolute(self));
        feed.put("alternate", routes.absolute(alternate));
        feed.put("updated", feedUpdated(items));
        feed.put("entries", entries);
        return Map.of("feed", feed);
    }

    private static String feedUpdated(List<Dispatch> items) {
        return items.stream().map(Dispatch::lastmod).max(java.util.Comparator.naturalOrder())
                .map(SiteBuilder::timestamp).orElse("1970-01-01T00:00:00Z");
    }

    private String feedId(String sitePath) {
        return config.baseUrl().isEmpty() ? "urn:arshif:" + Routes.encodePath(sitePath) : routes.absolute(sitePath);
    }

    /** At most this many URLs per sitemap file; beyond it /sitemap.xml becomes an index of sitemap-N.xml files. */
    public SiteBuilder sitemapLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("sitemap limit " + limit);
        }
        this.sitemapLimit = limit;
        return this;
    }

    private void planSitemap(List<PageJob> jobs, Map<String, String> owners, Diagnostics diagnostics) {
        int count = 0;
        for (String lang : model.languages()) {
            count += model.articles(lang).size() + 3 + model.tags(lang).size() + model.years(lang).size()
                    + model.months(lang).size();
        }
        if (count <= sitemapLimit) {
            add(jobs, owners, diagnostics, new PageJob("/sitemap.xml", "sitemap.ftlx", "",
                    () -> Map.of("urls", sitemapUrls())));
            return;
        }
        int parts = (count + sitemapLimit - 1) / sitemapLimit;
        List<Map<String, Object>> index = new ArrayList<>();
        for (int i = 1; i <= parts; i++) {
            int from = (i - 1) * sitemapLimit;
            String path = "/sitemap-" + i + ".xml";
            add(jobs, owners, diagnostics, new PageJob(path, "sitemap.ftlx", "", () -> {
                List<Map<String, Object>> all = sitemapUrls();
                return Map.of("urls", all.subList(from, Math.min(all.size(), from + sitemapLimit)));
            }));
            index.add(Map.of("loc", routes.absolute(path), "lastmod", ""));
        }
        add(jobs, owners, diagnostics, new PageJob("/sitemap.xml", "sitemap-index.ftlx", "",
                () -> Map.of("sitemaps", index)));
    }

    /**
     * Every indexable page (articles; each language's home, tag index, archive, tags, years and months), with
     * its hreflang alternates and x-default wherever the same page exists in more than one language.
     */
    private List<Map<String, Object>> sitemapUrls() {
        List<Map<String, Object>> urls = new ArrayList<>();
        for (String lang : model.languages()) {
            for (Dispatch d : model.articles(lang)) {
                Map<String, String> versions = new LinkedHashMap<>();
                for (String l : model.languages()) {
                    (l.equals(lang) ? Optional.of(d) : model.translation(d, l))
                            .ifPresent(t -> versions.put(l, Routes.article(t)));
                }
                urls.add(sitemapUrl(Routes.article(d), d.lastmod().toLocalDate().toString(), versions));
            }
            urls.add(sitemapUrl(Routes.home(lang, 1), "", everyLanguage(l -> Routes.home(l, 1))));
            urls.add(sitemapUrl(Routes.tags(lang), "", everyLanguage(Routes::tags)));
            urls.add(sitemapUrl(Routes.archive(lang), "", everyLanguage(Routes::archive)));
            for (String tag : model.tags(lang).keySet()) {
                urls.add(sitemapUrl(Routes.tag(lang, tag, 1), "", versions(l -> model.tags(l).containsKey(tag),
                        l -> Routes.tag(l, tag, 1))));
            }
            for (int year : model.years(lang).keySet()) {
                urls.add(sitemapUrl(Routes.year(lang, year, 1), "", versions(l -> model.years(l).containsKey(year),
                        l -> Routes.year(l, year, 1))));
            }
            for (YearMonth ym : model.months(lang).keySet()) {
                urls.add(sitemapUrl(Routes.month(lang, ym.getYear(), ym.getMonthValue(), 1), "",
                        versions(l -> model.months(l).containsKey(ym),
                                l -> Routes.month(l, ym.getYear(), ym.getMonthValue(), 1))));
            }
        }
        return urls;
    }

    private Map<String, String> versions(java.util.function.Predicate<String> exists,
                                         java.util.function.Function<String, String> route) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String l : model.languages()) {
            if (exists.test(l)) {
                out.put(l, route.apply(l));
            }
        }
        return out;
    }

    /** One url entry; alternates only when the page exists in another language too (x-default: the default's). */
    private Map<String, Object> sitemapUrl(String sitePath, String lastmod, Map<String, String> versions) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("loc", routes.absolute(sitePath));
        u.put("lastmod", lastmod);
        List<Alternate> alts = new ArrayList<>();
        if (versions.size() > 1) {
            versions.forEach((l, path) -> alts.add(new Alternate(l, routes.absolute(path))));
            alts.add(new Alternate("x-default", routes.absolute(versions.getOrDefault(config.defaultLanguage(),
                    sitePath))));
        }
        u.put("alternates", alts);
        return u;
    }

    private Map<String, Object> robotsModel() {
        return Map.of("sitemap", routes.absolute("/sitemap.xml"));
    }

    private static String shortHash(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * RFC 3339 with seconds, as Atom requires ({@code OffsetDateTime.toString()} drops zero seconds:
     * {@code 2017-05-22T00:00+03:00} is not a valid Atom date).
     */
    static String timestamp(java.time.OffsetDateTime t) {
        return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }
}
