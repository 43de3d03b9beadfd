package org.arshif.site.view;

import java.util.List;

/** A dispatch in a list: enough to show a teaser line; {@code image} is its lead image as a thumbnail, or null. */
public record ArticleCard(
        String title,
        String href,
        String dateIso,
        String dateLabel,
        String dateline,
        String summary,
        List<TagLink> tags,
        String lang,
        String dir,
        ImageView image) {}
