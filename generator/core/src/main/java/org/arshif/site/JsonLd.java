package org.arshif.site;

import java.util.ArrayList;
import java.util.List;
import org.arshif.config.SiteConfig;
import org.arshif.content.Dispatch;
import org.arshif.internal.JsonText;
import org.arshif.site.view.ArticleView;

/**
 * The schema.org {@code NewsArticle} of an article page, as JSON text safe to put inside
 * {@code <script type="application/ld+json">} (a data block, which a strict CSP allows). A record of its text,
 * so that a page fingerprint covers exactly that text.
 */
public record JsonLd(String json) {

    public JsonLd(Dispatch d, ArticleView view, Routes routes, SiteModel model, SiteConfig config) {
        this(newsArticle(d, view, routes, model));
    }

    private static String newsArticle(Dispatch d, ArticleView view, Routes routes, SiteModel model) {
        StringBuilder sb = new StringBuilder(512);
        sb.append("{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\"");
        field(sb, "headline", d.title());
        field(sb, "inLanguage", d.lang());
        field(sb, "datePublished", DateLabels.timestamp(d.date()));
        field(sb, "dateModified", DateLabels.timestamp(d.lastmod()));
        // JSON-LD's identifiers are IRIs; mainEntityOfPage only repeated the url (no search engine needs both).
        field(sb, "url", routes.absoluteIri(Routes.article(d)));
        // No description: the page's meta description and og:description carry it, which search engines read.
        typedList(sb, "author", "Person", "name", d.meta().authors());
        if (view.image() != null) {
            field(sb, "image", view.image().absolute());
        }
        if (!d.dateline().isEmpty()) {
            sb.append(",\"locationCreated\":{\"@type\":\"Place\"");
            field(sb, "name", d.dateline());
            sb.append('}');
        }
        if (!d.source().isEmpty()) {
            sb.append(",\"publisher\":{\"@type\":\"Organization\"");
            field(sb, "name", model.sourceName(d.source(), d.lang()));
            sb.append('}');
        }
        sections(sb, d, view, model);
        List<String> keywords = new ArrayList<>();
        d.tags().forEach(t -> keywords.add(model.tagName(t, d.lang())));
        d.meta().keywords().stream().filter(k -> !keywords.contains(k)).forEach(keywords::add);
        if (!keywords.isEmpty()) {
            field(sb, "keywords", String.join(", ", keywords));
        }
        List<String> translations = new ArrayList<>();
        for (String l : model.languages()) {
            if (!l.equals(d.lang())) {
                model.translation(d, l).ifPresent(t -> translations.add(routes.absoluteIri(Routes.article(t))));
            }
        }
        typedList(sb, "workTranslation", "NewsArticle", "url", translations);
        sb.append('}');
        return sb.toString();
    }

    /**
     * {@code articleSection}: the section's name; with Hugo's categories, a list of it and theirs (schema.org's
     * property takes several: a newspaper's sections, as categories name them).
     */
    private static void sections(StringBuilder sb, Dispatch d, ArticleView view, SiteModel model) {
        List<String> names = new ArrayList<>();
        if (!d.section().isEmpty()) {
            // The breadcrumb's last link: the section's name as every page shows it.
            names.add(view.sections().get(view.sections().size() - 1).label());
        }
        for (String key : Categories.keys(d)) {
            String name = model.categories().name(key, d.lang());
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        if (names.size() == 1 && !d.section().isEmpty()) {
            field(sb, "articleSection", names.get(0));
        } else if (!names.isEmpty()) {
            sb.append(",\"articleSection\":[");
            for (int i = 0; i < names.size(); i++) {
                sb.append(i == 0 ? "" : ",");
                string(sb, names.get(i));
            }
            sb.append(']');
        }
    }

    /** {@code ,"key":[{"@type":type,"field":value},…]}, or nothing for no values. */
    private static void typedList(StringBuilder sb, String key, String type, String fieldName, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        sb.append(",\"").append(key).append("\":[");
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : ",").append("{\"@type\":\"").append(type).append('"');
            field(sb, fieldName, values.get(i));
            sb.append('}');
        }
        sb.append(']');
    }

    @Override
    public String toString() {
        return json;
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append(",\"").append(name).append("\":");
        string(sb, value);
    }

    /** JSON string escaping; {@code <}, {@code >} and {@code &} are escaped too so no tag can close the block. */
    public static void string(StringBuilder sb, String value) {
        JsonText.quote(sb, value, true);
    }
}
