package org.arshif.site.pages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.arshif.config.Language;
import org.arshif.content.Dispatch;
import org.arshif.site.Categories;
import org.arshif.site.JsonLd;
import org.arshif.site.Routes;
import org.arshif.site.SiteModel;
import org.arshif.site.view.ArticleView;
import org.arshif.site.view.LanguageLink;
import org.arshif.site.view.RedirectView;
import org.arshif.site.view.StoryPart;

/** Article pages, and the redirect pages of their aliases (old URLs). */
final class ArticlePages {
    private final Views views;
    private final PageInputs inputs;
    private final SiteModel model;

    ArticlePages(Views views, PageInputs inputs) {
        this.views = views;
        this.inputs = inputs;
        this.model = views.model();
    }

    /** Each article of a language, each followed by its aliases. */
    void plan(String lang, PageClaims claims) {
        WireStories stories = new WireStories(model.articles(lang));
        for (Dispatch d : model.articles(lang)) {
            String page = Routes.article(d);
            List<Dispatch> story = stories.story(d);
            Related related = new Related(() -> model.related(d, relatedCount()));
            claims.claim(new PageJob(
                    page,
                    PageKind.ARTICLE,
                    d.path(),
                    () -> article(d, story, related.forModel()),
                    () -> articleInputs(d, story, related.forInputs())));
            for (String alias : d.aliases()) {
                claims.claim(new PageJob(
                        alias,
                        PageKind.ALIAS,
                        d.path(),
                        () -> redirect(lang, alias, page),
                        () -> List.of("alias", lang, alias, page)));
            }
        }
    }

    /**
     * A compact site leaves out related dispatches and the newer/older links: navigation that the lists, the tags
     * and search also give, and about a third of an article page's bytes.
     */
    private boolean compact() {
        return views.config().compact();
    }

    /** The older dispatch the article links to, or null (none, or a compact site). */
    private Dispatch older(Dispatch d) {
        return compact() ? null : model.older(d);
    }

    /** The newer dispatch the article links to, or null (none, or a compact site). */
    private Dispatch newer(Dispatch d) {
        return compact() ? null : model.newer(d);
    }

    private int relatedCount() {
        return compact() ? 0 : views.config().relatedCount();
    }

    /**
     * An article's related dispatches, found once for both its inputs and its model: a build with a cache asks
     * for the inputs and then the model of each page it renders, and finding them twice cost a third of its page
     * fingerprints' CPU. Not kept after the model has them (a clean build never asks for the inputs).
     */
    private static final class Related {
        private final Supplier<List<Dispatch>> find;
        private List<Dispatch> found;

        Related(Supplier<List<Dispatch>> find) {
            this.find = find;
        }

        synchronized List<Dispatch> forInputs() {
            if (found == null) {
                found = find.get();
            }
            return found;
        }

        synchronized List<Dispatch> forModel() {
            List<Dispatch> list = forInputs();
            found = null;
            return list;
        }
    }

    private Map<String, Object> article(Dispatch d, List<Dispatch> story, List<Dispatch> related) {
        String lang = d.lang();
        Views.Versions versions = views.versions(d);
        LanguageLink translation = null;
        for (Map.Entry<String, String> e : versions.byLanguage().entrySet()) {
            String l = e.getKey();
            if (!l.equals(lang)) {
                Language other = Language.byCode(l).orElseThrow();
                translation = new LanguageLink(
                        l, other.nativeName(), other.direction(), views.routes().iri(e.getValue()), false, true);
            }
        }
        Dispatch older = older(d);
        Dispatch newer = newer(d);
        ArticleView view = new ArticleView(
                d.title(),
                d.date().toLocalDate().toString(),
                views.dates().day(d.date(), lang, d.wire().arabicMonths()),
                d.lastmod().toLocalDate().toString(),
                views.dates().day(d.lastmod(), lang, d.wire().arabicMonths()),
                d.dateline(),
                d.source().isEmpty() ? "" : model.sourceName(d.source(), lang),
                views.tagLinks(d.tags(), lang),
                views.body(d),
                d.summary(),
                translation,
                older == null ? null : views.card(older),
                newer == null ? null : views.card(newer),
                related.stream().map(views::card).toList(),
                d.params(),
                views.sectionLinks(d),
                d.meta().authors(),
                views.categoryLinks(d),
                d.meta().keywords(),
                views.config().wire().showHijri() && lang.equals("ar")
                        ? views.dates().hijri(d.date(), lang)
                        : "",
                storyParts(d, story),
                Views.image(d, views.routes()),
                views.routes().absolute(Routes.article(d)));
        String description =
                d.meta().description().isEmpty() ? d.summary() : d.meta().description();
        Map<String, Object> root = views.root(
                views.context(PageKind.ARTICLE, lang, Routes.article(d), d.title(), description, versions),
                "article",
                view);
        root.put("json", new JsonLd(d, view, views.routes(), model, views.config()));
        return root;
    }

    /** The parts of the story {@code d} belongs to, numbered from 1 in the page's digits. */
    private List<StoryPart> storyParts(Dispatch d, List<Dispatch> story) {
        List<StoryPart> parts = new ArrayList<>();
        for (int i = 0; i < story.size(); i++) {
            Dispatch part = story.get(i);
            parts.add(new StoryPart(
                    views.dates().number(i + 1, d.lang()),
                    views.routes().iri(Routes.article(part)),
                    part.path().equals(d.path())));
        }
        return parts;
    }

    private Object articleInputs(Dispatch d, List<Dispatch> story, List<Dispatch> relatedDispatches) {
        Views.Versions versions = views.versions(d);
        Dispatch older = older(d);
        Dispatch newer = newer(d);
        List<Object> related = new ArrayList<>();
        for (Dispatch r : relatedDispatches) {
            related.add(inputs.card(r));
        }
        List<Object> parts = new ArrayList<>();
        for (Dispatch part : story) {
            parts.add(Arrays.asList(inputs.card(part), part.wire().part()));
        }
        return Arrays.asList(
                "article",
                inputs.identity(d),
                versions.byLanguage(),
                versions.fallbacks(),
                older == null ? "" : inputs.card(older),
                newer == null ? "" : inputs.card(newer),
                related,
                parts,
                categoryNames(d));
    }

    /** The names its category links show: a newer dispatch's spelling of a category renames it. */
    private List<String> categoryNames(Dispatch d) {
        List<String> names = new ArrayList<>();
        for (String key : Categories.keys(d)) {
            names.add(model.categories().name(key, d.lang()));
        }
        return names;
    }

    private Map<String, Object> redirect(String lang, String alias, String target) {
        return views.root(
                views.context(PageKind.ALIAS, lang, alias, "", "", Views.Versions.only(Map.of(lang, target))),
                "redirect",
                new RedirectView(views.routes().iri(target)));
    }
}
