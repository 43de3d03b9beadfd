package org.arshif.site.view;

/**
 * An entry of the language switcher.
 *
 * @param exact true when {@code href} is this page's translation, false when it is the closest list page
 */
public record LanguageLink(String lang, String name, String dir, String href, boolean current, boolean exact) {}
