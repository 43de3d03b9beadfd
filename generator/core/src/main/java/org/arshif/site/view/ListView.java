package org.arshif.site.view;

import java.util.List;

/**
 * A paginated list of dispatches: the home page, a tag, a section, a year or a month.
 *
 * @param kind    home, tag, section, year or month
 * @param tag     the tag of a tag page, else null
 * @param feed    the tag's or the section's own feed, else null
 * @param brief   show cards as title, date and dateline only: the later pages of a tag's, a section's, a year's
 *                or a month's list, an archive that the first page (with summaries) introduces
 */
public record ListView(
        String kind,
        String heading,
        List<ArticleCard> items,
        Pagination pagination,
        TagLink tag,
        String feed,
        boolean brief) {}
