package org.arshif.site.view;

import java.util.List;

/**
 * An Atom feed: a language's newest dispatches, or a tag's. Dates are RFC 3339 with seconds.
 *
 * @param id        the feed's URL, or a {@code urn:arshif:} URN when no base URL is configured
 * @param self      the feed's own absolute URL
 * @param alternate the HTML page it follows (the home page or the tag's page)
 * @param updated   the newest {@code lastmod} of all its dispatches
 */
public record Feed(
        String lang, String title, String id, String self, String alternate, String updated, List<FeedEntry> entries) {}
