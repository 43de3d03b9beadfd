package org.arshif.site.pages;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.arshif.content.Dispatch;
import org.arshif.content.SectionTexts;
import org.arshif.site.DateLabels;
import org.arshif.site.Routes;
import org.arshif.site.SiteModel;
import org.arshif.site.view.ArticleCard;
import org.arshif.site.view.Link;
import org.arshif.site.view.ListView;
import org.arshif.site.view.PageContext;
import org.arshif.site.view.Pagination;
import org.arshif.site.view.TagLink;

/** The pages of lists: each language's home, tags, categories, sections, years and months, and the site's root. */
final class ListPages {
    /**
     * The home pages of a language: its newest dispatches, then the archive. Every dispatch is also on its year's
     * and month's pages, so paginating the home over the whole archive repeated a sixth of the site's bytes.
     */
    static final int HOME_PAGES = 10;

    /**
     * A list's later pages (not the home's) show brief cards, this many times {@code pageSize} a page: a page's
     * head, header and pagination (about 2.9 KB) were paid for every ten brief cards (about 3.2 KB), and fewer,
     * longer pages lose a reader nothing. 10k: tag lists 3,145 and month lists 1,024 bytes per dispatch before.
     */
    static final int BRIEF_PAGE_FACTOR = 5;

    /**
     * A compact site's tag, category and section lists stop after this many pages (460 dispatches) and hand over to the
     * archive, as the home does: every dispatch stays on its month's pages. At 100,000 dispatches the tag lists'
     * later pages were 2,001 bytes per dispatch and 10,500 files, the largest share after the articles.
     */
    static final int COMPACT_LIST_PAGES = 10;

    private final Views views;
    private final PageInputs inputs;
    private final SiteModel model;
    private final Routes routes;
    private final DateLabels dates;
    private final int pageSize;

    ListPages(Views views, PageInputs inputs) {
        this.views = views;
        this.inputs = inputs;
        this.model = views.model();
        this.routes = views.routes();
        this.dates = views.dates();
        this.pageSize = views.config().pageSize();
    }

    /** Every page of a list. */
    void plan(ListOf list, PageClaims claims) {
        for (int p = 1; p <= pages(list); p++) {
            int page = p;
            claims.claim(new PageJob(
                    list.path(page), list.kind(), "", () -> model(list, page, null), () -> inputs(list, page, null)));
        }
    }

    /** The site's root, {@code /}: the first page of the default language's home. */
    void planRoot(PageClaims claims) {
        String lang = views.config().defaultLanguage();
        ListOf home = ListOf.home(lang, model.articles(lang));
        claims.claim(new PageJob("/", PageKind.HOME, "", () -> model(home, 1, "/"), () -> inputs(home, 1, "/")));
    }

    /** @param sitePathOverride where the page is, when not at its list's own path (the root), else null */
    private Map<String, Object> model(ListOf list, int page, String sitePathOverride) {
        String lang = list.lang();
        boolean year = list.kind() == PageKind.YEAR;
        List<ArticleCard> cards = year
                ? List.of()
                : list.page(page, pageSize, later(list)).stream()
                        .map(views::card)
                        .toList();
        Map<String, String> versions = new LinkedHashMap<>();
        Map<String, String> fallbacks = new HashMap<>();
        for (String l : model.languages()) {
            if (l.equals(lang)) {
                versions.put(l, list.path(page));
            } else if (list.existsIn(model, l) && page == 1) {
                versions.put(l, list.path(l, 1));
            } else if (list.existsIn(model, l)) {
                // A later page has no equivalent in another language (hreflang must be reciprocal): the
                // switcher goes to that list's first page, and no alternate is announced.
                fallbacks.put(l, list.path(l, 1));
            } else {
                fallbacks.put(l, list.fallback(model, l));
            }
        }
        TagLink tagLink = termLink(list);
        Optional<SectionTexts.Text> own = ownText(list);
        String heading = heading(list, tagLink);
        String feed = feed(list);
        String sitePath = sitePathOverride != null ? sitePathOverride : list.path(page);
        String title =
                page > 1 ? heading + " (" + views.word(lang, "page") + " " + dates.number(page, lang) + ")" : heading;
        PageContext context =
                views.context(list.kind(), lang, sitePath, title, heading, new Views.Versions(versions, fallbacks));
        if (feed != null) {
            context = withFeed(context, new Link(feed, heading));
        }
        // Summaries and tag chips repeat on every list a dispatch is in; the later pages of a list leave them out.
        boolean brief = page > 1 && list.kind() != PageKind.HOME;
        return views.root(
                context,
                "list",
                new ListView(
                        list.kind().id(),
                        heading,
                        cards,
                        pagination(list, page),
                        tagLink,
                        feed,
                        year ? views.months(lang, list.year()) : List.of(),
                        brief,
                        page == 1 ? own.map(SectionTexts.Text::html).orElse(null) : null));
    }

    /** The title and text of a section's section page, or of the home page's ({@code content/<lang>/_index.md}). */
    private Optional<SectionTexts.Text> ownText(ListOf list) {
        return switch (list.kind()) {
            case SECTION -> views.sectionText(list.lang(), list.section());
            case HOME -> views.sectionText(list.lang(), SectionTexts.HOME);
            default -> Optional.empty();
        };
    }

    /** A tag's or a category's list: its term as a link, with its count; else null. */
    private TagLink termLink(ListOf list) {
        String lang = list.lang();
        return switch (list.kind()) {
            case TAG ->
                new TagLink(
                        list.term(),
                        model.tagName(list.term(), lang),
                        routes.iri(Routes.tag(lang, list.term(), 1)),
                        list.items().size(),
                        dates.number(list.items().size(), lang));
            case CATEGORY -> views.categoryLink(list.term(), lang, list.items().size());
            default -> null;
        };
    }

    /** The list's own feed: a tag's, a category's or a section's; else null. */
    private String feed(ListOf list) {
        String lang = list.lang();
        return switch (list.kind()) {
            case TAG -> routes.iri(Routes.tagFeed(lang, list.term()));
            case CATEGORY -> routes.iri(Routes.categoryFeed(lang, list.term()));
            case SECTION -> routes.iri(Routes.sectionFeed(lang, list.section()));
            default -> null;
        };
    }

    private String heading(ListOf list, TagLink tagLink) {
        return switch (list.kind()) {
            case HOME -> views.config().title(list.lang());
            case TAG, CATEGORY -> tagLink.name();
            case SECTION -> views.sectionName(list.section(), list.lang());
            case YEAR -> dates.year(list.year(), list.lang());
            case MONTH -> dates.month(list.year(), list.month(), list.lang());
            default -> throw new IllegalStateException(list.kind() + " pages are not lists");
        };
    }

    /** A tag's, a category's or a section's page links its own feed beside the language's. */
    private static PageContext withFeed(PageContext c, Link feed) {
        List<Link> feeds = new ArrayList<>(c.feeds());
        feeds.add(feed);
        return new PageContext(
                c.kind(),
                c.lang(),
                c.dir(),
                c.siteTitle(),
                c.title(),
                c.description(),
                c.url(),
                c.canonical(),
                c.alternates(),
                c.languages(),
                c.nav(),
                c.t(),
                c.assets(),
                List.copyOf(feeds),
                c.noindex());
    }

    /**
     * A window of page links, not all of them: a tag with 5,000 pages would otherwise make pagination quadratic
     * in the archive's size.
     */
    private Pagination pagination(ListOf list, int page) {
        int pages = pages(list);
        String lang = list.lang();
        List<Pagination.PageLink> links = new ArrayList<>();
        int last = 0;
        for (int p : IntStream.of(1, 2, page - 2, page - 1, page, page + 1, page + 2, pages - 1, pages)
                .filter(p -> p >= 1 && p <= pages)
                .sorted()
                .distinct()
                .toArray()) {
            if (p > last + 1) {
                links.add(new Pagination.PageLink(0, "…", null, false));
            }
            links.add(new Pagination.PageLink(p, dates.number(p, lang), routes.iri(list.path(p)), p == page));
            last = p;
        }
        boolean cut = page == pages && pages < list.pages(pageSize, later(list));
        return new Pagination(
                page,
                pages,
                page > 1 ? routes.iri(list.path(page - 1)) : null,
                page < pages ? routes.iri(list.path(page + 1)) : null,
                links,
                cut ? routes.iri(Routes.archive(lang)) : null);
    }

    /**
     * How many pages a list has: all its items, except the home's, which hands over to the archive, a compact
     * site's tags, categories and sections, which do too, and a year's, one page of its months (each month's pages list the
     * dispatches, which a year's pages repeated in full).
     */
    private int pages(ListOf list) {
        int all = list.pages(pageSize, later(list));
        return switch (list.kind()) {
            case HOME -> Math.min(all, HOME_PAGES);
            case TAG, CATEGORY, SECTION -> views.config().compact() ? Math.min(all, COMPACT_LIST_PAGES) : all;
            case YEAR -> 1;
            default -> all;
        };
    }

    /** How many dispatches a later page of the list shows. */
    private int later(ListOf list) {
        return list.kind() == PageKind.HOME ? pageSize : pageSize * BRIEF_PAGE_FACTOR;
    }

    private Object inputs(ListOf list, int page, String sitePathOverride) {
        List<Object> cards = new ArrayList<>(pageSize);
        if (list.kind() == PageKind.YEAR) {
            // A year's page shows its months and their counts.
            model.months(list.lang())
                    .subMap(YearMonth.of(list.year(), 12), true, YearMonth.of(list.year(), 1), true)
                    .forEach((m, items) -> cards.add(List.of(m.toString(), items.size())));
        } else {
            for (Dispatch d : list.page(page, pageSize, later(list))) {
                cards.add(inputs.card(d));
            }
        }
        List<Boolean> exists = new ArrayList<>();
        for (String l : model.languages()) {
            exists.add(list.existsIn(model, l));
        }
        return Arrays.asList(
                "list",
                list.kind().id(),
                list.lang(),
                list.term(),
                list.kind() == PageKind.CATEGORY ? model.categories().name(list.term(), list.lang()) : null,
                list.section(),
                // A section page's title heads every page of its list, its text the first one's.
                ownText(list).map(t -> page == 1 ? t : t.title()).orElse(null),
                list.year(),
                list.month(),
                page,
                sitePathOverride,
                list.items().size(),
                cards,
                exists);
    }
}
