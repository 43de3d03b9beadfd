package org.arshif.site.view;

import java.util.List;
import java.util.Map;

/**
 * What every page template gets as {@code page}.
 *
 * @param kind        article, home, tag, tags, year, month, archive, search, notfound, redirect
 * @param lang        language code for {@code <html lang>}
 * @param dir         {@code rtl} or {@code ltr}
 * @param title       the page's own title (without the site title)
 * @param description meta description
 * @param url         this page's link
 * @param canonical   canonical URL, absolute when a base URL is configured
 * @param alternates  hreflang alternates, {@code x-default} included
 * @param languages   the language switcher, one entry per site language
 * @param t           the theme's words in this page's language ({@code i18n.yml})
 * @param assets      theme files by logical name, e.g. {@code style.css} → its hashed link
 * @param feeds       Atom feeds for {@code <link rel="alternate" type="application/atom+xml">}
 * @param noindex     ask robots not to index (redirects, 404)
 */
public record PageContext(
        String kind,
        String lang,
        String dir,
        String siteTitle,
        String title,
        String description,
        String url,
        String canonical,
        List<Alternate> alternates,
        List<LanguageLink> languages,
        Nav nav,
        Map<String, String> t,
        Map<String, String> assets,
        List<Link> feeds,
        boolean noindex) {}
