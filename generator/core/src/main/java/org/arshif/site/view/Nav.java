package org.arshif.site.view;

/** The site-wide navigation of one language. */
public record Nav(String home, String tags, String archive, String search, String feed) {
}
