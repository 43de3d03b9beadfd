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
        this(newsArticle(d, routes, model));
    }

    private static String newsArticle(Dispatch d, Routes routes, SiteModel model) {
        StringBuilder sb = new StringBuilder(512);
        sb.append("{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\"");
        field(sb, "headline", d.title());
        field(sb, "inLanguage", d.lang());
        field(sb, "datePublished", DateLabels.timestamp(d.date()));
        field(sb, "dateModified", DateLabels.timestamp(d.lastmod()));
        field(sb, "url", routes.absolute(Routes.article(d)));
        field(sb, "mainEntityOfPage", routes.absolute(Routes.article(d)));
        if (!d.summary().isEmpty()) {
            field(sb, "description", d.summary());
        }
        if (!d.dateline().isEmpty()) {
            sb.append(",\"locationCreated\":{\"@type\":\"Place\"");
            field(sb, "name", d.dateline());
            sb.append('}');
        }
        if (!d.source().isEmpty()) {
            sb.append(",\"publisher\":{\"@type\":\"Organization\"");
            field(sb, "name", d.source());
            sb.append('}');
        }
        if (!d.tags().isEmpty()) {
            List<String> names = new ArrayList<>();
            d.tags().forEach(t -> names.add(model.tagName(t, d.lang())));
            field(sb, "keywords", String.join(", ", names));
        }
        List<String> translations = new ArrayList<>();
        for (String l : model.languages()) {
            if (!l.equals(d.lang())) {
                model.translation(d, l).ifPresent(t -> translations.add(routes.absolute(Routes.article(t))));
            }
        }
        if (!translations.isEmpty()) {
            sb.append(",\"workTranslation\":[");
            for (int i = 0; i < translations.size(); i++) {
                sb.append(i == 0 ? "" : ",").append("{\"@type\":\"NewsArticle\"");
                field(sb, "url", translations.get(i));
                sb.append('}');
            }
            sb.append(']');
        }
        sb.append('}');
        return sb.toString();
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
