package org.arshif.site.view;

/** A {@code <link rel="alternate" hreflang>} entry; {@code hreflang} may be {@code x-default}. */
public record Alternate(String hreflang, String href) {}
