package org.arshif.site.view;

import java.util.List;

/**
 * A paginated list of dispatches: the home page, a tag, a category, a section, a year or a month.
 *
 * @param kind    home, tag, category, section, year or month
 * @param tag     the tag of a tag page, the category of a category page, else null
 * @param feed    the tag's, the category's or the section's own feed, else null
 * @param months  a year's months, newest first, with counts: a year's page lists them, not its dispatches,
 *                which its months' pages list (empty on other lists)
 * @param brief   show cards as title, date and dateline only: the later pages of a tag's, a section's, a year's
 *                or a month's list, an archive that the first page (with summaries) introduces
 * @param sectionText a section's own text above its list, as HTML (the Markdown of Hugo's {@code _index.md}), on
 *                its first page; else null
 */
public record ListView(
        String kind,
        String heading,
        List<ArticleCard> items,
        Pagination pagination,
        TagLink tag,
        String feed,
        List<ArchiveView.Period> months,
        boolean brief,
        String sectionText) {}
