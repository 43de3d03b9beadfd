package org.arshif.site.pages;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.arshif.content.Dispatch;
import org.arshif.site.PageRenderer;
import org.arshif.site.Routes;
import org.arshif.site.SiteModel;
import org.arshif.site.view.Alternate;
import org.arshif.site.view.SitemapRef;
import org.arshif.site.view.SitemapUrl;

/**
 * The sitemap, split into parts behind a sitemap index when its URLs exceed the limit per file, and
 * {@code robots.txt}, which points to it.
 */
final class SitemapPages {
    private static final String SITEMAP = "/sitemap.xml";

    private final Views views;
    private final SiteModel model;
    private final Routes routes;
    private final int limit;
    private final PageInputs inputs;

    /** @param limit URLs per sitemap file (the protocol allows 50,000) */
    SitemapPages(Views views, int limit, PageInputs inputs) {
        this.views = views;
        this.model = views.model();
        this.routes = views.routes();
        this.limit = limit;
        this.inputs = inputs;
    }

    /**
     * The sitemap (its parts, then the index) and robots.txt. A sitemap's inputs are what its URLs are made of (see
     * {@link #inputs}); its index is fingerprinted by its model.
     */
    void plan(PageClaims claims) {
        int count = 0;
        for (String lang : model.languages()) {
            count += model.articles(lang).size()
                    + 3
                    + model.tags(lang).size()
                    + model.years(lang).size()
                    + model.months(lang).size()
                    + model.sections(lang).size()
                    + (model.sections(lang).isEmpty() ? 0 : 1)
                    + model.categories().of(lang).size()
                    + (model.categories().of(lang).isEmpty() ? 0 : 1);
        }
        // A compact site's sitemap is gzipped parts behind the index, even one: 299 of 11,949 bytes per dispatch.
        boolean gzip = views.config().compact();
        if (count <= limit && !gzip) {
            claims.claim(new PageJob(
                    SITEMAP,
                    PageKind.SITEMAP,
                    "",
                    () -> Map.of("urls", urls()),
                    inputs.enabled() ? this::inputs : null));
        } else {
            int parts = (count + limit - 1) / limit;
            List<SitemapRef> index = new ArrayList<>();
            for (int i = 1; i <= parts; i++) {
                int from = (i - 1) * limit;
                String path = "/sitemap-" + i + ".xml" + (gzip ? PageRenderer.GZIP : "");
                claims.claim(new PageJob(
                        path,
                        gzip ? PageKind.SITEMAP_GZ : PageKind.SITEMAP,
                        "",
                        () -> {
                            List<SitemapUrl> all = urls();
                            return Map.of("urls", all.subList(from, Math.min(all.size(), from + limit)));
                        },
                        inputs.enabled() ? () -> List.of(from, limit, inputs()) : null));
                index.add(new SitemapRef(routes.absolute(path), ""));
            }
            claims.claim(new PageJob(SITEMAP, PageKind.SITEMAP_INDEX, "", () -> Map.of("sitemaps", index), null));
        }
        claims.claim(new PageJob(
                "/robots.txt",
                PageKind.ROBOTS,
                "",
                () -> Map.of("sitemap", routes.absolute(SITEMAP)),
                () -> List.of("robots")));
    }

    /**
     * Every indexable page (articles; each language's home, tag index, archive, tags, sections and their index,
     * categories and their index, years and months), with its hreflang alternates and x-default wherever the same page exists in more than one
     * language.
     */
    private List<SitemapUrl> urls() {
        List<SitemapUrl> urls = new ArrayList<>();
        for (String lang : model.languages()) {
            for (Dispatch d : model.articles(lang)) {
                Map<String, String> versions = new LinkedHashMap<>();
                for (String l : model.languages()) {
                    (l.equals(lang) ? Optional.of(d) : model.translation(d, l))
                            .ifPresent(t -> versions.put(l, Routes.article(t)));
                }
                urls.add(url(Routes.article(d), d.lastmod().toLocalDate().toString(), versions));
            }
            urls.add(url(Routes.home(lang, 1), "", views.versionsWhere(l -> true, l -> Routes.home(l, 1))));
            urls.add(url(Routes.tags(lang), "", views.versionsWhere(l -> true, Routes::tags)));
            urls.add(url(Routes.archive(lang), "", views.versionsWhere(l -> true, Routes::archive)));
            for (String tag : model.tags(lang).keySet()) {
                urls.add(url(
                        Routes.tag(lang, tag, 1),
                        "",
                        views.versionsWhere(l -> model.tags(l).containsKey(tag), l -> Routes.tag(l, tag, 1))));
            }
            if (!model.sections(lang).isEmpty()) {
                urls.add(url(
                        Routes.sections(lang),
                        "",
                        views.versionsWhere(l -> !model.sections(l).isEmpty(), Routes::sections)));
            }
            for (String section : model.sections(lang).keySet()) {
                urls.add(url(
                        Routes.section(lang, section, 1),
                        "",
                        views.versionsWhere(
                                l -> model.sections(l).containsKey(section), l -> Routes.section(l, section, 1))));
            }
            categoryUrls(lang, urls);
            for (int year : model.years(lang).keySet()) {
                urls.add(url(
                        Routes.year(lang, year, 1),
                        "",
                        views.versionsWhere(l -> model.years(l).containsKey(year), l -> Routes.year(l, year, 1))));
            }
            for (YearMonth ym : model.months(lang).keySet()) {
                urls.add(url(
                        Routes.month(lang, ym.getYear(), ym.getMonthValue(), 1),
                        "",
                        views.versionsWhere(
                                l -> model.months(l).containsKey(ym),
                                l -> Routes.month(l, ym.getYear(), ym.getMonthValue(), 1))));
            }
        }
        return urls;
    }

    /** A language's categories and their index, when it has categories. */
    private void categoryUrls(String lang, List<SitemapUrl> urls) {
        if (model.categories().of(lang).isEmpty()) {
            return;
        }
        urls.add(url(
                Routes.categories(lang),
                "",
                views.versionsWhere(l -> !model.categories().of(l).isEmpty(), Routes::categories)));
        for (String key : model.categories().of(lang).keySet()) {
            urls.add(url(
                    Routes.category(lang, key, 1),
                    "",
                    views.versionsWhere(
                            l -> model.categories().of(l).containsKey(key), l -> Routes.category(l, key, 1))));
        }
    }

    /**
     * What {@link #urls} are made of, besides the global inputs (configuration: the base URL, the default
     * language): per language, each article's permalink, last modification day and its translations' permalinks,
     * and the keys of its tags, sections, years and months. Cheaper than the URLs themselves (16,000 of them
     * absolute and percent-encoded, then walked as records by the fingerprint, were a tenth of a one-edit build).
     */
    private List<Object> inputs() {
        List<Object> all = new ArrayList<>();
        List<String> languages = model.languages();
        for (String lang : languages) {
            List<String> articles = new ArrayList<>(model.articles(lang).size());
            StringBuilder sb = new StringBuilder();
            for (Dispatch d : model.articles(lang)) {
                sb.setLength(0);
                sb.append(d.permalink()).append('\0').append(d.lastmod().toLocalDate());
                for (String l : languages) {
                    if (!l.equals(lang)) {
                        sb.append('\0')
                                .append(model.translation(d, l)
                                        .map(Routes::article)
                                        .orElse("-"));
                    }
                }
                articles.add(sb.toString());
            }
            all.add(Arrays.asList(
                    lang,
                    articles,
                    List.copyOf(model.tags(lang).keySet()),
                    List.copyOf(model.sections(lang).keySet()),
                    List.copyOf(model.categories().of(lang).keySet()),
                    List.copyOf(model.years(lang).keySet()),
                    List.copyOf(model.months(lang).keySet())));
        }
        return all;
    }

    /** One url entry; alternates only when the page exists in another language too (x-default: the default's). */
    private SitemapUrl url(String sitePath, String lastmod, Map<String, String> versions) {
        List<Alternate> alternates = new ArrayList<>();
        if (versions.size() > 1) {
            versions.forEach((l, path) -> alternates.add(new Alternate(l, routes.absolute(path))));
            alternates.add(new Alternate(
                    "x-default",
                    routes.absolute(versions.getOrDefault(views.config().defaultLanguage(), sitePath))));
        }
        return new SitemapUrl(routes.absolute(sitePath), lastmod, alternates);
    }
}
