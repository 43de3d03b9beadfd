package org.arshif;

import org.arshif.config.ConfigLoader;
import org.arshif.config.SiteConfig;
import org.arshif.diag.Diagnostics;

/**
 * The settings a front end sets over {@code arshif.yml}'s ({@code --base-url}, {@code --compact},
 * {@code --ugly-urls} and their Maven properties), applied in one place.
 *
 * @param baseUrl  the site's base URL, or null to keep {@code arshif.yml}'s
 * @param compact  turns {@code compact} on
 * @param uglyUrls turns {@code uglyUrls} on
 */
record ConfigOverrides(String baseUrl, boolean compact, boolean uglyUrls) {

    /** {@code arshif.yml}'s settings with these on top. */
    SiteConfig applyTo(SiteConfig config, Diagnostics diagnostics) {
        SiteConfig c = ConfigLoader.withBaseUrlOverride(config, baseUrl, diagnostics);
        c = compact ? c.withCompact(true) : c;
        return uglyUrls ? c.withUglyUrls(true) : c;
    }

    /** What reading a dispatch depends on (its permalink), for the parse cache's key. */
    String readingKey() {
        return uglyUrls ? baseUrl + "\0uglyUrls" : baseUrl;
    }

    /** For the no-op stamp, which compares every setting that changes what a build writes. */
    String describe() {
        return "baseUrl=" + baseUrl + " compact=" + compact + " uglyUrls=" + uglyUrls;
    }
}
