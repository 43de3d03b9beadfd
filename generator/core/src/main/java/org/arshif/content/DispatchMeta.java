package org.arshif.content;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Hugo's further front-matter keys, read so that a Hugo site's content builds unchanged.
 *
 * @param description {@code description}: the page's meta description, or empty (then the summary serves)
 * @param authors     {@code authors}, or {@code author}: names shown on the page, in JSON-LD and in Atom
 * @param categories  {@code categories}: a second list of subjects, shown on the page
 * @param keywords    {@code keywords}: for the meta keywords and JSON-LD
 * @param expiry      {@code expiryDate}: from then on the dispatch is left out like a draft; null when none
 * @param publish     {@code publishDate} when {@code date} is given too and it is later: until then the dispatch is
 *                    left out like one dated in the future (Hugo's embargo), and then published under its {@code
 *                    date}; null when none
 * @param url         {@code url}: the page's site path instead of the default one, or empty
 */
public record DispatchMeta(
        String description,
        List<String> authors,
        List<String> categories,
        List<String> keywords,
        OffsetDateTime expiry,
        OffsetDateTime publish,
        String url) {
    public static final DispatchMeta NONE = new DispatchMeta("", List.of(), List.of(), List.of(), null, null, "");

    public DispatchMeta {
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
        keywords = List.copyOf(keywords);
    }

    /** The instant before which the dispatch is not published: its {@code publishDate}, else its date. */
    public static Instant publishedFrom(OffsetDateTime date, DispatchMeta meta) {
        return meta != null && meta.publish() != null ? meta.publish().toInstant() : date.toInstant();
    }

    /** Whether its {@code expiryDate} has passed at {@code now}: builds then leave the dispatch out, as Hugo does. */
    public boolean expiredAt(Instant now) {
        return expiry != null && !expiry.toInstant().isAfter(now);
    }

    /**
     * These keys, held until {@code embargo} (a wire's embargo line, {@link EmbargoTime}) as a later {@code
     * publishDate} holds them (Hugo's rule: only a time after its date); unchanged when it is null or not later.
     */
    DispatchMeta embargoed(OffsetDateTime date, OffsetDateTime embargo) {
        return embargo == null || date == null || !embargo.isAfter(date)
                ? this
                : new DispatchMeta(description, authors, categories, keywords, expiry, embargo, url);
    }
}
