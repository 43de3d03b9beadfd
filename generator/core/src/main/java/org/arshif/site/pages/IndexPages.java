package org.arshif.site.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.arshif.config.Language;
import org.arshif.config.SectionSettings;
import org.arshif.site.DateLabels;
import org.arshif.site.Routes;
import org.arshif.site.SiteModel;
import org.arshif.site.view.ArchiveView;
import org.arshif.site.view.CategoryIndexView;
import org.arshif.site.view.NotFoundView;
import org.arshif.site.view.SectionIndexView;
import org.arshif.site.view.SectionLink;
import org.arshif.site.view.TagIndexView;
import org.arshif.site.view.TagLink;

/**
 * The pages that lead to the lists: each language's tag index, archive, index of sections and index of categories,
 * and the site's 404 page.
 */
final class IndexPages {
    private final Views views;
    private final SiteModel model;
    private final Routes routes;
    private final DateLabels dates;

    IndexPages(Views views) {
        this.views = views;
        this.model = views.model();
        this.routes = views.routes();
        this.dates = views.dates();
    }

    /** A language's tag index and archive. */
    void plan(String lang, PageClaims claims) {
        claims.claim(new PageJob(
                Routes.tags(lang), PageKind.TAG_INDEX, "", () -> tagIndex(lang), () -> tagIndexInputs(lang)));
        claims.claim(new PageJob(
                Routes.archive(lang), PageKind.ARCHIVE, "", () -> archive(lang), () -> archiveInputs(lang)));
    }

    /** A language's index of sections, when it has sections. */
    void planSections(String lang, PageClaims claims) {
        if (!model.sections(lang).isEmpty()) {
            claims.claim(new PageJob(
                    Routes.sections(lang),
                    PageKind.SECTION_INDEX,
                    "",
                    () -> sectionIndex(lang),
                    () -> sectionIndexInputs(lang)));
        }
    }

    /** A language's index of categories, when it has categories. */
    void planCategories(String lang, PageClaims claims) {
        if (!model.categories().of(lang).isEmpty()) {
            claims.claim(new PageJob(
                    Routes.categories(lang),
                    PageKind.CATEGORY_INDEX,
                    "",
                    () -> categoryIndex(lang),
                    () -> categoryIndexInputs(lang)));
        }
    }

    /** One 404 page for the whole site, in every language. */
    void planNotFound(PageClaims claims) {
        claims.claim(new PageJob("/404.html", PageKind.NOT_FOUND, "", this::notFound, () -> List.of("404")));
    }

    private Map<String, Object> tagIndex(String lang) {
        List<TagLink> tags = new ArrayList<>();
        for (var e : model.tags(lang).entrySet()) {
            int n = e.getValue().size();
            tags.add(new TagLink(
                    e.getKey(),
                    model.tagName(e.getKey(), lang),
                    routes.iri(Routes.tag(lang, e.getKey(), 1)),
                    n,
                    dates.number(n, lang)));
        }
        tags.sort(Comparator.comparingLong(TagLink::count)
                .reversed()
                .thenComparing(TagLink::name)
                .thenComparing(TagLink::key));
        String title = views.word(lang, "tags");
        return views.root(
                views.context(
                        PageKind.TAG_INDEX, lang, Routes.tags(lang), title, title, views.everyLanguage(Routes::tags)),
                "tags",
                new TagIndexView(tags));
    }

    private Object tagIndexInputs(String lang) {
        List<Object> tags = new ArrayList<>();
        for (var e : model.tags(lang).entrySet()) {
            tags.add(List.of(e.getKey(), e.getValue().size()));
        }
        return List.of("tags", lang, tags);
    }

    private Map<String, Object> categoryIndex(String lang) {
        List<TagLink> categories = new ArrayList<>();
        model.categories()
                .of(lang)
                .forEach((key, items) -> categories.add(views.categoryLink(key, lang, items.size())));
        categories.sort(Comparator.comparingLong(TagLink::count)
                .reversed()
                .thenComparing(TagLink::name)
                .thenComparing(TagLink::key));
        String title = views.word(lang, "categories");
        Views.Versions versions = Views.Versions.only(
                views.versionsWhere(l -> !model.categories().of(l).isEmpty(), Routes::categories));
        return views.root(
                views.context(PageKind.CATEGORY_INDEX, lang, Routes.categories(lang), title, title, versions),
                "categories",
                new CategoryIndexView(categories));
    }

    /** Each category's key, name and count; which languages have categories is a global input. */
    private Object categoryIndexInputs(String lang) {
        List<Object> categories = new ArrayList<>();
        model.categories()
                .of(lang)
                .forEach((key, items) ->
                        categories.add(List.of(key, model.categories().name(key, lang), items.size())));
        return List.of("categories", lang, categories);
    }

    private Map<String, Object> sectionIndex(String lang) {
        List<String> paths = new ArrayList<>(model.sections(lang).keySet());
        // Tree order: each section followed by those below it ('/' before any other character).
        paths.sort(Comparator.comparing(p -> p.replace('/', '\u0000')));
        List<SectionLink> sections = new ArrayList<>();
        for (String path : paths) {
            int n = model.sections(lang).get(path).size();
            sections.add(new SectionLink(
                    path, trail(path, lang), routes.iri(Routes.section(lang, path, 1)), n, dates.number(n, lang), (int)
                            path.chars().filter(c -> c == '/').count()));
        }
        String title = views.word(lang, "sections");
        Views.Versions versions =
                Views.Versions.only(views.versionsWhere(l -> !model.sections(l).isEmpty(), Routes::sections));
        return views.root(
                views.context(PageKind.SECTION_INDEX, lang, Routes.sections(lang), title, title, versions),
                "sections",
                new SectionIndexView(sections));
    }

    /** A nested section's name after its parents' ({@code اقتصاد / الخليج}), so that the flat index reads well. */
    private String trail(String section, String lang) {
        String name = views.sectionName(section, lang);
        for (String s = SectionSettings.parent(section); !s.isEmpty(); s = SectionSettings.parent(s)) {
            name = views.sectionName(s, lang) + " / " + name;
        }
        return name;
    }

    private Object sectionIndexInputs(String lang) {
        List<Object> sections = new ArrayList<>();
        for (var e : model.sections(lang).entrySet()) {
            sections.add(List.of(e.getKey(), e.getValue().size()));
        }
        List<Boolean> exists = new ArrayList<>();
        for (String l : model.languages()) {
            exists.add(!model.sections(l).isEmpty());
        }
        return List.of("sections", lang, sections, exists);
    }

    private Map<String, Object> archive(String lang) {
        List<ArchiveView.Period> years = new ArrayList<>();
        for (var y : model.years(lang).entrySet()) {
            List<ArchiveView.Period> months = views.months(lang, y.getKey());
            int n = y.getValue().size();
            years.add(new ArchiveView.Period(
                    dates.year(y.getKey(), lang),
                    routes.iri(Routes.year(lang, y.getKey(), 1)),
                    n,
                    dates.number(n, lang),
                    months));
        }
        String title = views.word(lang, "archive");
        return views.root(
                views.context(
                        PageKind.ARCHIVE,
                        lang,
                        Routes.archive(lang),
                        title,
                        title,
                        views.everyLanguage(Routes::archive)),
                "archive",
                new ArchiveView(years));
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

    private Map<String, Object> notFound() {
        List<NotFoundView.Section> sections = new ArrayList<>();
        for (String l : model.languages()) {
            Language language = Language.byCode(l).orElseThrow();
            sections.add(new NotFoundView.Section(
                    l,
                    language.direction(),
                    views.word(l, "notFoundTitle"),
                    views.word(l, "notFoundMessage"),
                    routes.iri(Routes.home(l, 1)),
                    views.word(l, "home"),
                    routes.iri(Routes.search(l)),
                    views.word(l, "search")));
        }
        String lang = views.config().defaultLanguage();
        return views.root(
                views.context(
                        PageKind.NOT_FOUND,
                        lang,
                        "/404.html",
                        views.word(lang, "notFoundTitle"),
                        "",
                        Views.Versions.only(Map.of())),
                "notfound",
                new NotFoundView(sections));
    }
}
