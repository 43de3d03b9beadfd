package org.arshif;

import org.arshif.config.ConfigLoader;
import org.arshif.config.SiteConfig;
import org.arshif.diag.Diagnostics;

/**
 * The settings a front end sets over {@code arshif.yml}'s ({@code --base-url}, {@code --compact},
 * {@code --ugly-urls}, {@code --hugo-paths} and their Maven properties), applied in one place.
 *
 * @param baseUrl  the site's base URL, or null to keep {@code arshif.yml}'s
 * @param compact  turns {@code compact} on
 * @param uglyUrls turns {@code uglyUrls} on
 * @param hugoPaths turns {@code hugoPaths} on
 */
record ConfigOverrides(String baseUrl, boolean compact, boolean uglyUrls, boolean hugoPaths) {
    /** None: {@code arshif.yml}'s settings as written. */
    static final ConfigOverrides NONE = new ConfigOverrides(null, false, false, false);

    ConfigOverrides withBaseUrl(String url) {
        return new ConfigOverrides(url, compact, uglyUrls, hugoPaths);
    }

    ConfigOverrides withCompact(boolean on) {
        return new ConfigOverrides(baseUrl, on, uglyUrls, hugoPaths);
    }

    ConfigOverrides withUglyUrls(boolean on) {
        return new ConfigOverrides(baseUrl, compact, on, hugoPaths);
    }

    ConfigOverrides withHugoPaths(boolean on) {
        return new ConfigOverrides(baseUrl, compact, uglyUrls, on);
    }

    /** {@code arshif.yml}'s settings with these on top. */
    SiteConfig applyTo(SiteConfig config, Diagnostics diagnostics) {
        SiteConfig c = ConfigLoader.withBaseUrlOverride(config, baseUrl, diagnostics);
        c = compact ? c.withCompact(true) : c;
        c = uglyUrls ? c.withUglyUrls(true) : c;
        return hugoPaths ? c.withHugoPaths(true) : c;
    }

    /** What reading a dispatch depends on (its permalink), for the parse cache's key. */
    String readingKey() {
        String key = uglyUrls ? baseUrl + "\0uglyUrls" : baseUrl;
        return hugoPaths ? key + "\0" + SiteConfig.HUGO_PATHS : key;
    }

    /** For the no-op stamp, which compares every setting that changes what a build writes. */
    String describe() {
        return "baseUrl=" + baseUrl + " compact=" + compact + " uglyUrls=" + uglyUrls
                + (hugoPaths ? " hugoPaths=true" : ""); // as before without it, so an old stamp still matches
    }
}
