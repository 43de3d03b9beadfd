package org.arshif.site.view;

import java.util.List;
import java.util.Map;

/**
 * An article page. {@code translation}, {@code previous} and {@code next} are null when absent.
 *
 * @param bodyHtml the article body, already HTML (output it with {@code ?no_esc})
 * @param params   front-matter keys Arshif does not know, as written
 */
public record ArticleView(
        String title,
        String dateIso,
        String dateLabel,
        String lastmodIso,
        String lastmodLabel,
        String dateline,
        String source,
        List<TagLink> tags,
        String bodyHtml,
        String summary,
        LanguageLink translation,
        ArticleCard previous,
        ArticleCard next,
        List<ArticleCard> related,
        Map<String, Object> params) {
}
