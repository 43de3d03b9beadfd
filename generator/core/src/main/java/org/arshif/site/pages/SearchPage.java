package org.arshif.site.pages;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.arshif.site.Routes;
import org.arshif.site.SearchManifests;
import org.arshif.site.view.SearchView;

/** Each language's search page, which finds the search index through the manifests it names. */
final class SearchPage {
    private final Views views;
    private final Supplier<SearchManifests> search;

    /** @param search asked for only when a search page's view model or inputs are built */
    SearchPage(Views views, Supplier<SearchManifests> search) {
        this.views = views;
        this.search = search;
    }

    void plan(String lang, PageClaims claims) {
        claims.claim(new PageJob(Routes.search(lang), PageKind.SEARCH, "", () -> model(lang), () -> inputs(lang)));
    }

    private Map<String, Object> model(String lang) {
        String other = views.model().languages().stream()
                .filter(l -> !l.equals(lang))
                .findFirst()
                .orElse(null);
        SearchManifests manifests = search.get();
        String manifest = manifests.byLanguage().get(lang);
        String otherManifest = other == null ? null : manifests.byLanguage().get(other);
        SearchView view = new SearchView(
                manifest == null ? null : views.routes().href(manifest),
                manifest == null ? null : manifests.scriptData(lang),
                other,
                otherManifest == null ? null : views.routes().href(otherManifest),
                manifests.script());
        String title = views.word(lang, "search");
        return views.root(
                views.context(
                        PageKind.SEARCH, lang, Routes.search(lang), title, title, views.everyLanguage(Routes::search)),
                "search",
                view);
    }

    /** Search pages name the index manifests (content-hashed, so they change with any text). */
    private Object inputs(String lang) {
        SearchManifests manifests = search.get();
        return Arrays.asList("search", lang, new TreeMap<>(manifests.byLanguage()), manifests.script());
    }
}
