package org.arshif.search;

import java.util.List;

/**
 * One dispatch as the search index sees it: what is matched (title, body) and what a result shows.
 *
 * @param url       site-absolute link to the article page, as the pages write it: an IRI (e.g. {@code /ar/2017/05/ب/}); a
 *                  browser that follows it percent-encodes the letters
 * @param title     title, plain text
 * @param date      ISO date {@code yyyy-MM-dd}
 * @param dateLabel the date as the page shows it, localized
 * @param tags      the dispatch's tags, key and localized name
 * @param body      the article's plain text (no footer, no teaser, no markup)
 * @param lang      language code, {@code ar} or {@code en}
 */
public record SearchDocument(
        String url, String title, String date, String dateLabel, List<SearchTag> tags, String body, String lang) {
    public SearchDocument {
        tags = List.copyOf(tags);
    }

    /**
     * Documents that can be had without their bodies ({@code body} null), for a reader that already has what a body
     * gives: a cached build's documents decode a body only when it is read, and most are not.
     */
    public interface BodiesOnDemand {
        /** Document {@code index} of the list, its body null. */
        SearchDocument withoutBody(int index);
    }

    /** A tag as shown on a result and used as a filter: a stable key (the URL slug) and the localized name. */
    public record SearchTag(String key, String name) {}
}
