package org.arshif.site.pages;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.arshif.config.Language;
import org.arshif.config.SectionSettings;
import org.arshif.config.SiteConfig;
import org.arshif.content.Dispatch;
import org.arshif.content.LeadImage;
import org.arshif.content.SectionTexts;
import org.arshif.site.Assets;
import org.arshif.site.Categories;
import org.arshif.site.DateLabels;
import org.arshif.site.Routes;
import org.arshif.site.SiteModel;
import org.arshif.site.UglyLinks;
import org.arshif.site.view.Alternate;
import org.arshif.site.view.ArchiveView;
import org.arshif.site.view.ArticleCard;
import org.arshif.site.view.ImageView;
import org.arshif.site.view.LanguageLink;
import org.arshif.site.view.Link;
import org.arshif.site.view.Nav;
import org.arshif.site.view.PageContext;
import org.arshif.site.view.TagLink;

/**
 * What every page's view model is made from, and the parts pages share: the page context, cards and tag links
 * (built once each: they are the same on every page that shows them). Thread-safe: pages render in parallel.
 */
final class Views {
    private final SiteModel model;
    private final SiteConfig config;
    private final Routes routes;
    private final DateLabels dates;
    private final Map<String, Map<String, String>> words;
    private final Assets assets;
    private final UglyLinks uglyLinks;
    private final SectionTexts sectionTexts;
    private final Map<String, ArticleCard> cards = new ConcurrentHashMap<>();
    /** By language, then tag key: no key made (and hashed) per lookup, as pages look tags up by the million. */
    private final Map<String, Map<String, TagLink>> tagLinks = new ConcurrentHashMap<>();

    Views(SiteModel model, Map<String, Map<String, String>> words, SectionTexts sectionTexts, Assets assets) {
        this.model = model;
        this.config = model.config();
        this.routes = new Routes(config.basePath(), config.origin());
        this.dates = new DateLabels(config.arabicMonths(), config.arabicIndicDigits());
        this.words = words;
        this.assets = assets;
        this.uglyLinks = UglyLinks.of(model);
        this.sectionTexts = sectionTexts;
    }

    /**
     * A section's name in a language: its section page's title ({@code _index.md}, as Hugo names a section by it),
     * else its {@code sections:} label, else its folder's name.
     */
    String sectionName(String section, String lang) {
        return sectionTexts
                .of(lang, section)
                .map(SectionTexts.Text::title)
                .orElseGet(() -> model.sectionName(section, lang));
    }

    /**
     * A section's own title and text, from its section page ({@code _index.md}), the text's links rewritten as a
     * body's are; empty when it has no section page that gives either.
     */
    Optional<SectionTexts.Text> sectionText(String lang, String section) {
        return sectionTexts.of(lang, section).map(t -> t.html() == null ? t : t.withHtml(uglyLinks.rewrite(t.html())));
    }

    /** A dispatch's body as pages and feeds show it: with {@code uglyUrls}, links to articles' folders made files. */
    String body(Dispatch d) {
        return uglyLinks.rewrite(d.bodyHtml());
    }

    /**
     * A page's versions by language (site paths) and, for languages it has none in, where the language switcher
     * goes instead.
     */
    record Versions(Map<String, String> byLanguage, Map<String, String> fallbacks) {
        static Versions only(Map<String, String> byLanguage) {
            return new Versions(byLanguage, Map.of());
        }
    }

    SiteModel model() {
        return model;
    }

    SiteConfig config() {
        return config;
    }

    Routes routes() {
        return routes;
    }

    DateLabels dates() {
        return dates;
    }

    Map<String, Map<String, String>> words() {
        return words;
    }

    Assets assets() {
        return assets;
    }

    /** A template's data model: {@code page} and the page's own view under {@code name}. */
    Map<String, Object> root(PageContext page, String name, Object view) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("page", page);
        root.put(name, view);
        // Whether the theme leaves out the optional extras (Open Graph, JSON-LD): compact in arshif.yml.
        root.put("compact", config.compact());
        return root;
    }

    PageContext context(
            PageKind kind, String lang, String sitePath, String title, String description, Versions versions) {
        Language language = Language.byCode(lang).orElseThrow();
        List<Alternate> alternates = new ArrayList<>();
        // hreflang links a page to its versions in other languages; a page with none has nothing to announce
        // (as in the sitemap, which lists no alternates for it either). Absolute when the base URL is known:
        // "Alternate URLs must be fully-qualified" (Google, "Tell Google about localized versions of your page"),
        // and so is the canonical link, which Google asks to be absolute; both IRIs, as every link in HTML.
        if (versions.byLanguage().size() > 1) {
            for (String l : model.languages()) {
                String v = versions.byLanguage().get(l);
                if (v != null) {
                    alternates.add(new Alternate(l, routes.absoluteIri(v)));
                }
            }
            String xDefault = versions.byLanguage().getOrDefault(config.defaultLanguage(), sitePath);
            alternates.add(new Alternate("x-default", routes.absoluteIri(xDefault)));
        }
        List<LanguageLink> switcher = new ArrayList<>();
        for (String l : model.languages()) {
            Language other = Language.byCode(l).orElseThrow();
            String exact = versions.byLanguage().get(l);
            String target = exact != null ? exact : versions.fallbacks().getOrDefault(l, Routes.home(l, 1));
            switcher.add(new LanguageLink(
                    l, other.nativeName(), other.direction(), routes.iri(target), l.equals(lang), exact != null));
        }
        String canonicalPath = versions.byLanguage().getOrDefault(lang, sitePath);
        List<Link> feeds = List.of(new Link(routes.iri(Routes.feed(lang)), config.title(lang)));
        return new PageContext(
                kind.id(),
                lang,
                language.direction(),
                config.title(lang),
                title,
                description,
                routes.iri(sitePath),
                routes.absoluteIri(canonicalPath),
                alternates,
                switcher,
                nav(lang),
                words.getOrDefault(lang, Map.of()),
                assets.links(),
                feeds,
                kind.noindex());
    }

    private Nav nav(String lang) {
        return new Nav(
                routes.iri(Routes.home(lang, 1)),
                routes.iri(Routes.tags(lang)),
                routes.iri(Routes.archive(lang)),
                routes.iri(Routes.search(lang)),
                routes.iri(Routes.feed(lang)),
                model.sections(lang).isEmpty() ? null : routes.iri(Routes.sections(lang)),
                model.categories().of(lang).isEmpty() ? null : routes.iri(Routes.categories(lang)));
    }

    /** A word of the theme ({@code i18n.yml}) in a language; its key when the theme has none. */
    String word(String lang, String key) {
        return words.getOrDefault(lang, Map.of()).getOrDefault(key, key);
    }

    /** A page that exists in every language, at {@code route}'s path in each. */
    Versions everyLanguage(Function<String, String> route) {
        return Versions.only(versionsWhere(l -> true, route));
    }

    /** The languages a page exists in, with its path in each. */
    Map<String, String> versionsWhere(Predicate<String> exists, Function<String, String> route) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String l : model.languages()) {
            if (exists.test(l)) {
                out.put(l, route.apply(l));
            }
        }
        return out;
    }

    /** An article's versions (its own and its translations') and, where none, the closest period's list. */
    Versions versions(Dispatch d) {
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

    private String closestPeriod(String lang, int year, int month) {
        if (model.months(lang).containsKey(YearMonth.of(year, month))) {
            return Routes.month(lang, year, month, 1);
        }
        if (model.years(lang).containsKey(year)) {
            return Routes.year(lang, year, 1);
        }
        return Routes.home(lang, 1);
    }

    /** A year's months that have dispatches, newest first, linking their lists, with counts. */
    List<ArchiveView.Period> months(String lang, int year) {
        List<ArchiveView.Period> months = new ArrayList<>();
        for (var m : model.months(lang)
                .subMap(YearMonth.of(year, 12), true, YearMonth.of(year, 1), true)
                .entrySet()) {
            int n = m.getValue().size();
            months.add(new ArchiveView.Period(
                    dates.monthName(m.getKey().getMonthValue(), lang),
                    routes.iri(Routes.month(lang, year, m.getKey().getMonthValue(), 1)),
                    n,
                    dates.number(n, lang),
                    List.of()));
        }
        return months;
    }

    ArticleCard card(Dispatch d) {
        ArticleCard card = cards.get(d.path());
        return card != null ? card : cards.computeIfAbsent(d.path(), k -> newCard(d));
    }

    private ArticleCard newCard(Dispatch d) {
        Language language = Language.byCode(d.lang()).orElseThrow();
        return new ArticleCard(
                d.title(),
                routes.iri(Routes.article(d)),
                d.date().toLocalDate().toString(),
                dates.day(d.date(), d.lang(), d.wire().arabicMonths()),
                d.dateline(),
                d.summary(),
                tagLinks(d.tags(), d.lang()),
                d.lang(),
                language.direction(),
                image(d, routes));
    }

    /** A dispatch's lead image, linked from anywhere in the site; null without one. */
    static ImageView image(Dispatch d, Routes routes) {
        LeadImage i = d.image();
        if (i == null) {
            return null;
        }
        String sitePath = i.href().startsWith("/") ? i.href() : Routes.article(d) + i.href();
        String href = i.external() ? i.href() : routes.iri(sitePath);
        String absolute = i.external() ? i.href() : routes.absolute(sitePath);
        return new ImageView(href, absolute, i.alt(), i.caption(), i.width(), i.height(), i.type(), i.length());
    }

    /** The sections a dispatch is in, outermost first, as links to their lists: the article's breadcrumb. */
    List<Link> sectionLinks(Dispatch d) {
        List<Link> out = new ArrayList<>();
        for (String s = d.section(); !s.isEmpty(); s = SectionSettings.parent(s)) {
            out.add(0, new Link(routes.iri(Routes.section(d.lang(), s, 1)), sectionName(s, d.lang())));
        }
        return out;
    }

    /** A dispatch's categories as links to their lists, in the order written. */
    List<TagLink> categoryLinks(Dispatch d) {
        List<TagLink> out = new ArrayList<>();
        for (String key : Categories.keys(d)) {
            out.add(categoryLink(key, d.lang(), 0));
        }
        return out;
    }

    /** A category as a link to its list, with its count (0: not shown). */
    TagLink categoryLink(String key, String lang, int count) {
        return new TagLink(
                key,
                model.categories().name(key, lang),
                routes.iri(Routes.category(lang, key, 1)),
                count,
                count == 0 ? "" : dates.number(count, lang));
    }

    List<TagLink> tagLinks(List<String> keys, String lang) {
        List<TagLink> out = new ArrayList<>(keys.size());
        Map<String, TagLink> ofLanguage = tagLinks.computeIfAbsent(lang, l -> new ConcurrentHashMap<>());
        for (String key : keys) {
            TagLink link = ofLanguage.get(key);
            out.add(
                    link != null
                            ? link
                            : ofLanguage.computeIfAbsent(
                                    key,
                                    k -> new TagLink(
                                            key,
                                            model.tagName(key, lang),
                                            routes.iri(Routes.tag(lang, key, 1)),
                                            0,
                                            "")));
        }
        return out;
    }
}
