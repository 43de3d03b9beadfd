package org.arshif.site.pages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.arshif.config.Language;
import org.arshif.content.Dispatch;
import org.arshif.site.JsonLd;
import org.arshif.site.Routes;
import org.arshif.site.SiteModel;
import org.arshif.site.view.ArticleView;
import org.arshif.site.view.LanguageLink;
import org.arshif.site.view.RedirectView;

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
        for (Dispatch d : model.articles(lang)) {
            String page = Routes.article(d);
            claims.claim(new PageJob(page, PageKind.ARTICLE, d.path(), () -> article(d), () -> articleInputs(d)));
            for (String alias : d.aliases()) {
                claims.claim(new PageJob(alias, PageKind.ALIAS, d.path(), () -> redirect(lang, alias, page),
                        () -> List.of("alias", lang, alias, page)));
            }
        }
    }

    private Map<String, Object> article(Dispatch d) {
        String lang = d.lang();
        Views.Versions versions = views.versions(d);
        LanguageLink translation = null;
        for (Map.Entry<String, String> e : versions.byLanguage().entrySet()) {
            String l = e.getKey();
            if (!l.equals(lang)) {
                Language other = Language.byCode(l).orElseThrow();
                translation = new LanguageLink(l, other.nativeName(), other.direction(),
                        views.routes().href(e.getValue()), false, true);
            }
        }
        Dispatch older = model.older(d);
        Dispatch newer = model.newer(d);
        ArticleView view = new ArticleView(d.title(), d.date().toLocalDate().toString(),
                views.dates().day(d.date(), lang), d.lastmod().toLocalDate().toString(),
                views.dates().day(d.lastmod(), lang), d.dateline(), d.source(), views.tagLinks(d.tags(), lang),
                d.bodyHtml(), d.summary(), translation, older == null ? null : views.card(older),
                newer == null ? null : views.card(newer),
                model.related(d, views.config().relatedCount()).stream().map(views::card).toList(), d.params());
        Map<String, Object> root = views.root(views.context(PageKind.ARTICLE, lang, Routes.article(d), d.title(),
                d.summary(), versions), "article", view);
        root.put("json", new JsonLd(d, view, views.routes(), model, views.config()));
        return root;
    }

    private Object articleInputs(Dispatch d) {
        Views.Versions versions = views.versions(d);
        Dispatch older = model.older(d);
        Dispatch newer = model.newer(d);
        List<Object> related = new ArrayList<>();
        for (Dispatch r : model.related(d, views.config().relatedCount())) {
            related.add(inputs.card(r));
        }
        return Arrays.asList("article", inputs.identity(d), versions.byLanguage(), versions.fallbacks(),
                older == null ? "" : inputs.card(older), newer == null ? "" : inputs.card(newer), related);
    }

    private Map<String, Object> redirect(String lang, String alias, String target) {
        return views.root(views.context(PageKind.ALIAS, lang, alias, "", "", Views.Versions.only(Map.of(lang, target))),
                "redirect", new RedirectView(views.routes().href(target)));
    }
}
