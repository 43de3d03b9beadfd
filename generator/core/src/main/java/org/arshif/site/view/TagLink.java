package org.arshif.site.view;

/**
 * A tag (or one of Hugo's categories) as a link: stable key (the slug shared by both languages), localized name, and
 * a count where useful.
 */
public record TagLink(String key, String name, String href, long count, String countLabel) {}
