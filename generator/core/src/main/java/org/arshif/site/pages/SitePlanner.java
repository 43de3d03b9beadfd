package org.arshif.site.pages;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.arshif.config.SiteConfig;
import org.arshif.content.Dispatch;
import org.arshif.content.SectionTexts;
import org.arshif.diag.Diagnostics;
import org.arshif.site.Assets;
import org.arshif.site.Routes;
import org.arshif.site.SearchManifests;
import org.arshif.site.SiteModel;

/**
 * Plans every page of a site from its {@link SiteModel}: each kind of page (articles, lists, indexes, the search
 * page, feeds, the sitemap) plans its own pages with recipes for their view models and inputs; this class puts
 * them in order and claims their files, so that two pages with one file are reported before anything is
 * rendered. View models are built when a page is rendered, so memory holds the library, not the rendered site.
 */
public final class SitePlanner {
    /** The first folder of a section that would take the place of the categories' index. */
    private static final String CATEGORIES_FOLDER = "categories";

    private final SiteModel model;
    private final SectionTexts sectionTexts;
    private final Views views;
    private final PageInputs inputs;
    private final int sitemapLimit;
    private final ArticlePages articles;
    private final ListPages lists;
    private final IndexPages indexes;
    private final SearchPage searchPages;
    private final FeedPages feeds;
    private final SitemapPages sitemaps;

    /**
     * @param words        the theme's words by language
     * @param sectionTexts the titles and texts of Hugo's section pages: the sections' names and their lists' text
     * @param assets       the theme's files as written
     * @param search       the search index's manifests, asked for only when a search page is rendered
     * @param identities   names each dispatch by a fingerprint of everything it was read from, so that pages have
     *                     inputs (incremental builds); null when they have none
     * @param sitemapLimit URLs per sitemap file before {@code sitemap.xml} becomes an index
     */
    public SitePlanner(
            SiteModel model,
            Map<String, Map<String, String>> words,
            SectionTexts sectionTexts,
            Assets assets,
            Supplier<SearchManifests> search,
            Function<Dispatch, String> identities,
            int sitemapLimit) {
        if (sitemapLimit < 1) {
            throw new IllegalArgumentException("sitemap limit " + sitemapLimit);
        }
        this.model = model;
        this.sectionTexts = sectionTexts;
        this.views = new Views(model, words, sectionTexts, assets);
        this.inputs = new PageInputs(identities);
        this.sitemapLimit = sitemapLimit;
        this.articles = new ArticlePages(views, inputs);
        this.lists = new ListPages(views, inputs);
        this.indexes = new IndexPages(views);
        this.searchPages = new SearchPage(views, search);
        this.feeds = new FeedPages(views, inputs);
        this.sitemaps = new SitemapPages(views, sitemapLimit, inputs);
    }

    /** Every page of the site, in a stable order; collisions go to {@code diagnostics}, naming the dispatches. */
    public List<PageJob> plan(Diagnostics diagnostics) {
        return plan(diagnostics, null);
    }

    /**
     * Every page, as {@link #plan(Diagnostics)}; when the pages turn out to be {@code checked} (the site paths of
     * an earlier plan, in order, that claimed them all without a collision), they are not claimed again: an edit
     * in the preview that moves no page skips the claims, a third of a plan. Null: always claim.
     */
    public List<PageJob> plan(Diagnostics diagnostics, List<String> checked) {
        if (checked != null) {
            PageClaims trusted = PageClaims.trusted();
            planInto(trusted);
            if (trusted.sitePathsAre(checked)) {
                return trusted.jobs();
            }
        }
        PageClaims claims = new PageClaims(model.size() * 4, diagnostics, model);
        planInto(claims);
        return claims.jobs();
    }

    private void planInto(PageClaims claims) {
        for (String lang : model.languages()) {
            articles.plan(lang, claims);
            lists.plan(ListOf.home(lang, model.articles(lang)), claims);
            for (var tag : model.tags(lang).entrySet()) {
                lists.plan(ListOf.tag(lang, tag.getKey(), tag.getValue()), claims);
                feeds.planTag(lang, tag.getKey(), tag.getValue(), claims);
            }
            for (var section : model.sections(lang).entrySet()) {
                lists.plan(ListOf.section(lang, section.getKey(), section.getValue()), claims);
                feeds.planSection(lang, section.getKey(), section.getValue(), claims);
            }
            planCategories(lang, claims);
            for (var year : model.years(lang).entrySet()) {
                lists.plan(ListOf.year(lang, year.getKey(), year.getValue()), claims);
            }
            for (var month : model.months(lang).entrySet()) {
                lists.plan(ListOf.month(lang, month.getKey(), month.getValue()), claims);
            }
            indexes.plan(lang, claims);
            indexes.planSections(lang, claims);
            searchPages.plan(lang, claims);
            feeds.plan(lang, claims);
        }
        lists.planRoot(claims);
        indexes.planNotFound(claims);
        sitemaps.plan(claims);
    }

    /**
     * A language's categories: each one's list and feed, and their index. Not when a section has the index's URL
     * (a folder {@code categories/}, which builds as it did before the site had categories): reported at the
     * section's newest dispatch, as a section named after another page the site makes is.
     */
    private void planCategories(String lang, PageClaims claims) {
        if (model.categories().of(lang).isEmpty()) {
            return;
        }
        List<Dispatch> taken = model.sections(lang).get(CATEGORIES_FOLDER);
        if (taken != null) {
            claims.error(
                    taken.get(0).path(),
                    "the folder '" + CATEGORIES_FOLDER + "' is a section, and its page " + Routes.categories(lang)
                            + " would take the place of the index of the site's categories (dispatches in this"
                            + " language have categories); rename the folder");
            return;
        }
        for (var category : model.categories().of(lang).entrySet()) {
            lists.plan(ListOf.category(lang, category.getKey(), category.getValue()), claims);
            feeds.planCategory(lang, category.getKey(), category.getValue(), claims);
        }
        indexes.planCategories(lang, claims);
    }

    /**
     * What every page depends on besides its own inputs: configuration, the theme's words, asset links, the name
     * of every tag not named by its key alone, and which languages have sections; the same of categories; null
     * when dispatches have no identities (then pages have no inputs).
     */
    public Object globalInputs() {
        if (!inputs.enabled()) {
            return null;
        }
        SiteConfig config = views.config();
        Map<String, Object> g = new LinkedHashMap<>();
        // Every component of SiteConfig, in order (its maps sorted).
        g.put(
                "config",
                Arrays.asList(
                        config.baseUrl(),
                        config.defaultLanguage(),
                        config.languages(),
                        new TreeMap<>(config.titles()),
                        config.pageSize(),
                        config.arabicMonths(),
                        config.arabicIndicDigits(),
                        config.timeZone().getId(),
                        config.agencies(),
                        config.footerPatterns(),
                        config.teaserPatterns(),
                        config.relatedCount(),
                        config.maxFileBytes(),
                        config.markdownRawHtml(),
                        config.sections().withoutPlaces(),
                        config.externalNofollow(),
                        config.wire(),
                        config.compact(),
                        config.uglyUrls()));
        Map<String, Map<String, String>> words = new TreeMap<>();
        views.words().forEach((lang, table) -> words.put(lang, new TreeMap<>(table)));
        g.put("words", words);
        g.put("assets", new TreeMap<>(views.assets().links()));
        g.put("sitemapLimit", sitemapLimit);
        Map<String, Map<String, String>> names = new TreeMap<>();
        for (String lang : model.languages()) {
            Map<String, String> byKey = new TreeMap<>();
            for (String key : model.tags(lang).keySet()) {
                String name = model.tagName(key, lang);
                // A tag named by its key alone adds nothing a page's own inputs (its dispatches' tag keys) lack:
                // left out, a tag new to the site re-renders the pages that show it, not all of them.
                if (!name.equals(key)) {
                    byKey.put(key, name);
                }
            }
            names.put(lang, byKey);
        }
        g.put("tagNames", names);
        // The navigation of every page links the index of sections when its language has sections.
        g.put(
                "sectionIndexes",
                model.languages().stream()
                        .filter(l -> !model.sections(l).isEmpty())
                        .toList());
        categoryInputs(g);
        sectionTitleInputs(g);
        return g;
    }

    /**
     * The languages with categories: every page's navigation links their index then. Nothing for a site without
     * categories. A category's name (the newest dispatch's spelling) is in the inputs of the pages that show it.
     */
    /**
     * Hugo's section pages' titles: each names its section on every page that does (breadcrumbs, the index, feeds),
     * as a {@code sections:} label does. Nothing for a site without them.
     */
    private void sectionTitleInputs(Map<String, Object> g) {
        Map<String, Map<String, String>> titles = sectionTexts.titles();
        if (!titles.isEmpty()) {
            g.put("sectionTitles", titles);
        }
    }

    private void categoryInputs(Map<String, Object> g) {
        List<String> languages = model.languages().stream()
                .filter(l -> !model.categories().of(l).isEmpty())
                .toList();
        if (!languages.isEmpty()) {
            g.put("categoryIndexes", languages);
        }
    }
}
