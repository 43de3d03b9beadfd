package org.arshif.site.pages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.arshif.config.SiteConfig;
import org.arshif.content.Dispatch;
import org.arshif.site.Categories;
import org.arshif.site.DateLabels;
import org.arshif.site.Routes;
import org.arshif.site.SiteModel;
import org.arshif.site.view.Feed;
import org.arshif.site.view.FeedEntry;

/** Atom feeds: each language's newest dispatches, each tag's, each category's and each section's. */
final class FeedPages {
    private static final int ENTRIES = 20;

    private final Views views;
    private final PageInputs inputs;
    private final SiteModel model;
    private final SiteConfig config;
    private final Routes routes;

    FeedPages(Views views, PageInputs inputs) {
        this.views = views;
        this.inputs = inputs;
        this.model = views.model();
        this.config = views.config();
        this.routes = views.routes();
    }

    /**
     * What one feed is of: its path, the page it stands for, its title, and whether its entries carry the full
     * text (the language's feed) or their summaries only (a tag's or a section's: the same texts again).
     */
    private record FeedOf(String lang, String self, String alternate, String title, boolean fullText) {}

    /** A language's feed. */
    void plan(String lang, PageClaims claims) {
        plan(
                new FeedOf(lang, Routes.feed(lang), Routes.home(lang, 1), config.title(lang), true),
                model.articles(lang),
                claims);
    }

    /** A tag's feed. */
    void planTag(String lang, String tag, List<Dispatch> items, PageClaims claims) {
        plan(
                new FeedOf(
                        lang,
                        Routes.tagFeed(lang, tag),
                        Routes.tag(lang, tag, 1),
                        config.title(lang) + " — " + model.tagName(tag, lang),
                        false),
                items,
                claims);
    }

    /** A category's feed, as a tag's: Hugo gives every taxonomy term a feed, and a reader may follow one. */
    void planCategory(String lang, String key, List<Dispatch> items, PageClaims claims) {
        plan(
                new FeedOf(
                        lang,
                        Routes.categoryFeed(lang, key),
                        Routes.category(lang, key, 1),
                        config.title(lang) + " — " + model.categories().name(key, lang),
                        false),
                items,
                claims);
    }

    /** A section's feed. */
    void planSection(String lang, String section, List<Dispatch> items, PageClaims claims) {
        plan(
                new FeedOf(
                        lang,
                        Routes.sectionFeed(lang, section),
                        Routes.section(lang, section, 1),
                        config.title(lang) + " — " + views.sectionName(section, lang),
                        false),
                items,
                claims);
    }

    private void plan(FeedOf feed, List<Dispatch> items, PageClaims claims) {
        claims.claim(new PageJob(feed.self(), PageKind.FEED, "", () -> model(feed, items), () -> inputs(feed, items)));
    }

    private Map<String, Object> model(FeedOf feed, List<Dispatch> items) {
        List<FeedEntry> entries = new ArrayList<>();
        for (Dispatch d : newest(items)) {
            String page = Routes.article(d);
            entries.add(new FeedEntry(
                    d.title(),
                    routes.absolute(page),
                    id(page),
                    DateLabels.timestamp(d.date()),
                    DateLabels.timestamp(d.lastmod()),
                    d.summary(),
                    feed.fullText() ? views.body(d) : "",
                    terms(d, feed.lang()),
                    d.source().isEmpty() ? "" : model.sourceName(d.source(), feed.lang()),
                    d.meta().authors(),
                    Views.image(d, routes)));
        }
        return Map.of(
                "feed",
                new Feed(
                        feed.lang(),
                        feed.title(),
                        id(feed.self()),
                        routes.absolute(feed.self()),
                        routes.absolute(feed.alternate()),
                        updated(items),
                        entries));
    }

    /** An entry's {@code <category>} terms: its tags' names, then its categories' (a name already given once). */
    private List<String> terms(Dispatch d, String lang) {
        List<String> terms = new ArrayList<>();
        d.tags().forEach(k -> terms.add(model.tagName(k, lang)));
        for (String key : Categories.keys(d)) {
            String name = model.categories().name(key, lang);
            if (!terms.contains(name)) {
                terms.add(name);
            }
        }
        return terms;
    }

    private Object inputs(FeedOf feed, List<Dispatch> items) {
        List<Object> entries = new ArrayList<>(ENTRIES);
        for (Dispatch d : newest(items)) {
            // A category's name is its newest dispatch's spelling: an input of every entry that shows it.
            List<String> categories = Categories.keys(d).stream()
                    .map(key -> model.categories().name(key, feed.lang()))
                    .toList();
            entries.add(categories.isEmpty() ? inputs.identity(d) : List.of(inputs.identity(d), categories));
        }
        return Arrays.asList("feed", feed.lang(), feed.self(), feed.title(), feed.fullText(), entries, updated(items));
    }

    private static List<Dispatch> newest(List<Dispatch> items) {
        return items.subList(0, Math.min(ENTRIES, items.size()));
    }

    /** The newest {@code lastmod} of all the feed's dispatches, not only of the entries it shows. */
    private static String updated(List<Dispatch> items) {
        return items.stream()
                .map(Dispatch::lastmod)
                .max(Comparator.naturalOrder())
                .map(DateLabels::timestamp)
                .orElse("1970-01-01T00:00:00Z");
    }

    /** An entry's or a feed's id: its URL, or a URN when the site has no base URL. */
    private String id(String sitePath) {
        return config.baseUrl().isEmpty() ? "urn:arshif:" + Routes.encodePath(sitePath) : routes.absolute(sitePath);
    }
}
