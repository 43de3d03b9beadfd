package org.arshif.site.view;

import java.util.List;

/**
 * One {@code <url>} of a sitemap.
 *
 * @param lastmod    {@code YYYY-MM-DD}, or empty when unknown (lists)
 * @param alternates the page in every language it exists in, and {@code x-default}; empty when it exists in one
 */
public record SitemapUrl(String loc, String lastmod, List<Alternate> alternates) {}
