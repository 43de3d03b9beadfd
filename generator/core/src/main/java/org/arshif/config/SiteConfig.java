package org.arshif.config;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.arshif.internal.PercentDecoding;

/**
 * The site's configuration, read from {@code arshif.yml} in the site root. Immutable.
 *
 * <pre>{@code
 * SiteConfig config = SiteConfig.defaults();          // or ConfigLoader.load(siteRoot, diagnostics)
 * String home = config.basePath() + "/ar/";
 * }</pre>
 *
 * @param baseUrl            absolute URL the site is published at, e.g. {@code https://desk.example/archive/};
 *                           its path becomes the prefix of every link
 * @param defaultLanguage    the language served at {@code /} and named by {@code x-default}
 * @param languages          published languages, in switcher order
 * @param titles             site title per language
 * @param pageSize           items per list page
 * @param arabicMonths       month-name set for Arabic dates
 * @param arabicIndicDigits  write Arabic dates with ٠١٢٣٤٥٦٧٨٩
 * @param timeZone           zone for dates given without one, and for dates from git
 * @param agencies           agency names recognised in datelines ({@code موسكو-سانا})
 * @param footerPatterns     regular expressions; the first matching line of a plain-text dispatch and all
 *                           that follows is the agency footer, not article text
 * @param teaserPatterns     like footerPatterns, for the "see also" teaser
 * @param relatedCount       how many related dispatches an article lists
 * @param maxFileBytes       larger source files are rejected
 * @param markdownRawHtml    let raw HTML in Markdown through (off: it is escaped)
 * @param sections           permalink patterns, and the names of sections and sources shown to readers
 * @param externalNofollow   {@code rel="nofollow"} on Markdown links to other sites ({@code externalLinks.nofollow})
 * @param wire               agency profiles of plain-text dispatches, where each applies, and the Hijri date
 * @param search             the search analyzer's settings ({@code search: protect:})
 * @param siteSizeLimitMb    a built site larger than this many MB gets a notice (GitHub Pages publishes at most
 *                           1 GB); 0 for none
 * @param compact            leave out the optional extras (related dispatches, newer/older links, Open Graph and
 *                           JSON-LD), for an archive that must fit its host's size limit
 * @param uglyUrls           an article is one file, {@code /en/2017/05/slug.html}, not a folder with its
 *                           {@code index.html} (Hugo's {@code uglyURLs}); a page bundle keeps its folder
 * @param hugoPaths          paths, slugs and section folders made into URLs as Hugo makes them (lower case, a
 *                           hyphen for a space, other punctuation left out), so a site moved from Hugo keeps its
 *                           addresses ({@link #HUGO_PATHS})
 */
public record SiteConfig(
        String baseUrl,
        String defaultLanguage,
        List<String> languages,
        Map<String, String> titles,
        int pageSize,
        ArabicMonths arabicMonths,
        boolean arabicIndicDigits,
        ZoneId timeZone,
        List<String> agencies,
        List<String> footerPatterns,
        List<String> teaserPatterns,
        int relatedCount,
        long maxFileBytes,
        boolean markdownRawHtml,
        SectionSettings sections,
        boolean externalNofollow,
        WireSettings wire,
        SearchSettings search,
        int siteSizeLimitMb,
        boolean compact,
        boolean uglyUrls,
        boolean hugoPaths) {

    /**
     * The one name of the {@code hugoPaths} setting: the {@code arshif.yml} key, and the front ends' flag
     * ({@code --hugo-paths}) and property ({@code -Darshif.hugoPaths}) are made from it.
     */
    public static final String HUGO_PATHS = "hugoPaths";

    /** GitHub Pages' limit for a published site, 1 GB, in MB. */
    public static final int GITHUB_PAGES_LIMIT_MB = 1024;

    public static final List<String> DEFAULT_AGENCIES = List.of("سانا", "SANA");

    public static final List<String> DEFAULT_FOOTER_PATTERNS = List.of(
            "^تابعوا\\s.*(تيلغرام|تلغرام|تلغرم|Telegram)",
            "^تابعونا\\s+(عبر|على)",
            "^تابعوا\\s+صفحتنا",
            "^https?://(www\\.)?(telegram\\.me|t\\.me|vk\\.com|whatsapp\\.com)/",
            "^(?i:follow\\s+(us|sana|the\\s+latest)\\b.*(telegram|whatsapp|vk|facebook|twitter))",
            "^(?i:join\\s+(us|our)\\b.*(telegram|whatsapp|vk))");

    public static final List<String> DEFAULT_TEASER_PATTERNS =
            List.of("^(انظر|أنظر)\\s+(ايضاً|أيضاً|ايضا|أيضا)\\s*:?$", "^(?i:see\\s+also)\\s*:?$");

    public SiteConfig {
        languages = List.copyOf(languages);
        titles = Map.copyOf(titles);
        agencies = List.copyOf(agencies);
        footerPatterns = List.copyOf(footerPatterns);
        teaserPatterns = List.copyOf(teaserPatterns);
    }

    public static SiteConfig defaults() {
        return new SiteConfig(
                "",
                "ar",
                List.of("ar", "en"),
                Map.of("ar", "أرشيف", "en", "Arshif"),
                10,
                ArabicMonths.DEFAULT,
                false,
                ZoneId.of("UTC"),
                DEFAULT_AGENCIES,
                DEFAULT_FOOTER_PATTERNS,
                DEFAULT_TEASER_PATTERNS,
                5,
                8L * 1024 * 1024,
                false,
                SectionSettings.none(),
                false,
                WireSettings.defaults(),
                SearchSettings.defaults(),
                GITHUB_PAGES_LIMIT_MB,
                false,
                false,
                false);
    }

    /** The path part of {@link #baseUrl} without a trailing slash: {@code ""} or {@code /archive}. */
    public String basePath() {
        if (baseUrl.isEmpty()) {
            return "";
        }
        String path = URI.create(baseUrl).getRawPath();
        if (path == null) {
            return "";
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * {@link #basePath} as the links in dispatches read once decoded: {@code /أرشيف} where the base path is
     * {@code /%D8%A3%D8%B1%D8%B4%D9%8A%D9%81}. Links are compared with this, pages are written with the other.
     */
    public String decodedBasePath() {
        String path = basePath();
        String decoded = PercentDecoding.decode(path);
        return decoded == null ? path : decoded;
    }

    /** {@link #baseUrl} without its path and trailing slash, for absolute links in feeds; empty if unset. */
    public String origin() {
        if (baseUrl.isEmpty()) {
            return "";
        }
        URI uri = URI.create(baseUrl);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    public String title(String lang) {
        return titles.getOrDefault(lang, titles.getOrDefault(defaultLanguage, "Arshif"));
    }

    public SiteConfig withBaseUrl(String url) {
        return copy(url, compact, uglyUrls, hugoPaths);
    }

    public SiteConfig withCompact(boolean on) {
        return copy(baseUrl, on, uglyUrls, hugoPaths);
    }

    public SiteConfig withUglyUrls(boolean on) {
        return copy(baseUrl, compact, on, hugoPaths);
    }

    public SiteConfig withHugoPaths(boolean on) {
        return copy(baseUrl, compact, uglyUrls, on);
    }

    /** This configuration with the four settings a front end may override given anew. */
    private SiteConfig copy(String newBaseUrl, boolean newCompact, boolean newUglyUrls, boolean newHugoPaths) {
        return new SiteConfig(
                newBaseUrl,
                defaultLanguage,
                languages,
                titles,
                pageSize,
                arabicMonths,
                arabicIndicDigits,
                timeZone,
                agencies,
                footerPatterns,
                teaserPatterns,
                relatedCount,
                maxFileBytes,
                markdownRawHtml,
                sections,
                externalNofollow,
                wire,
                search,
                siteSizeLimitMb,
                newCompact,
                newUglyUrls,
                newHugoPaths);
    }
}
