package org.arshif.site.view;

import java.util.List;
import java.util.Map;

/**
 * An article page. {@code translation}, {@code previous} and {@code next} are null when absent.
 *
 * @param bodyHtml the article body, already HTML (output it with {@code ?no_esc})
 * @param source   the source's name in the page's language ({@code sources:} in arshif.yml), or empty
 * @param params   front-matter keys Arshif does not know, as written
 * @param sections the sections the article is in, outermost first, linking their lists: a breadcrumb
 * @param authors  the byline's names, or none
 * @param categories Hugo's categories, in the order written, each linking its list (a count of 0: not shown)
 * @param keywords the front-matter's keywords, for the meta keywords
 * @param hijriLabel the Hijri date beside the Gregorian one ({@code showHijri}), or empty
 * @param story    a wire story told in parts (a lead and its continuations), in order; empty when none
 * @param image    the lead image, or null
 * @param uri      the page's URL as a URI (percent-encoded), absolute when a base URL is configured: for
 *                 {@code og:url}, which readers may take verbatim, where HTML links carry the shorter IRI
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
        Map<String, Object> params,
        List<Link> sections,
        List<String> authors,
        List<TagLink> categories,
        List<String> keywords,
        String hijriLabel,
        List<StoryPart> story,
        ImageView image,
        String uri) {}
