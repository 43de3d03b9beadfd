package org.arshif.site.view;

/**
 * One {@code <sitemap>} of a sitemap index: a part of a sitemap too long for one file.
 *
 * @param lastmod empty: a part has no single date
 */
public record SitemapRef(String loc, String lastmod) {}
