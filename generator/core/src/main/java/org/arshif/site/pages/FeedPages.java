package org.arshif.site.pages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.arshif.config.SiteConfig;
import org.arshif.content.Dispatch;
import org.arshif.site.DateLabels;
import org.arshif.site.Routes;
import org.arshif.site.SiteModel;
import org.arshif.site.view.Feed;
import org.arshif.site.view.FeedEntry;

/** Atom feeds: each language's newest dispatches, and each tag's. */
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

    /** A language's feed. */
    void plan(String lang, PageClaims claims) {
        List<Dispatch> items = model.articles(lang);
        claims.claim(new PageJob(Routes.feed(lang), PageKind.FEED, "", () -> model(lang, null, items),
                () -> inputs(lang, null, items)));
    }

    /** A tag's feed. */
    void planTag(String lang, String tag, List<Dispatch> items, PageClaims claims) {
        claims.claim(new PageJob(Routes.tagFeed(lang, tag), PageKind.FEED, "", () -> model(lang, tag, items),
                () -> inputs(lang, tag, items)));
    }

    /** @param tag the feed's tag, or null for the language's feed */
    private Map<String, Object> model(String lang, String tag, List<Dispatch> items) {
        List<FeedEntry> entries = new ArrayList<>();
        for (Dispatch d : newest(items)) {
            String page = Routes.article(d);
            entries.add(new FeedEntry(d.title(), routes.absolute(page), id(page), DateLabels.timestamp(d.date()),
                    DateLabels.timestamp(d.lastmod()), d.summary(), d.bodyHtml(),
                    d.tags().stream().map(k -> model.tagName(k, lang)).toList(), d.source()));
        }
        String self = tag == null ? Routes.feed(lang) : Routes.tagFeed(lang, tag);
        String alternate = tag == null ? Routes.home(lang, 1) : Routes.tag(lang, tag, 1);
        String title = tag == null ? config.title(lang) : config.title(lang) + " — " + model.tagName(tag, lang);
        return Map.of("feed", new Feed(lang, title, id(self), routes.absolute(self), routes.absolute(alternate),
                updated(items), entries));
    }

    private Object inputs(String lang, String tag, List<Dispatch> items) {
        List<String> entries = new ArrayList<>(ENTRIES);
        for (Dispatch d : newest(items)) {
            entries.add(inputs.identity(d));
        }
        return Arrays.asList("feed", lang, tag, entries, updated(items));
    }

    private static List<Dispatch> newest(List<Dispatch> items) {
        return items.subList(0, Math.min(ENTRIES, items.size()));
    }

    /** The newest {@code lastmod} of all the feed's dispatches, not only of the entries it shows. */
    private static String updated(List<Dispatch> items) {
        return items.stream().map(Dispatch::lastmod).max(Comparator.naturalOrder()).map(DateLabels::timestamp)
                .orElse("1970-01-01T00:00:00Z");
    }

    /** An entry's or a feed's id: its URL, or a URN when the site has no base URL. */
    private String id(String sitePath) {
        return config.baseUrl().isEmpty() ? "urn:arshif:" + Routes.encodePath(sitePath) : routes.absolute(sitePath);
    }
}
