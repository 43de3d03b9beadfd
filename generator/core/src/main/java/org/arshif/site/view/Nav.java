package org.arshif.site.view;

/**
 * The site-wide navigation of one language.
 *
 * @param sections   the index of sections, or null when the language has none
 * @param categories the index of Hugo's categories, or null when the language has none
 */
public record Nav(
        String home, String tags, String archive, String search, String feed, String sections, String categories) {}
