package org.arshif.site.view;

import java.util.List;

/**
 * One dispatch in a feed.
 *
 * @param html   the body as HTML (escaped by the template into Atom's {@code type="html"} content); empty in a
 *               tag's or a section's feed, whose entries are summaries
 * @param tags   the names of its tags, then of its categories (Hugo's), in the feed's language: its Atom
 *               {@code <category>} terms
 * @param source  the agency, or empty (the template then names the feed as the author)
 * @param authors the byline's names; when there are none, the source (or the feed) is the author
 * @param image   the lead image (an enclosure), or null
 */
public record FeedEntry(
        String title,
        String url,
        String id,
        String published,
        String updated,
        String summary,
        String html,
        List<String> tags,
        String source,
        List<String> authors,
        ImageView image) {}
