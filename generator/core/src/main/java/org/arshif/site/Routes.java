package org.arshif.site;

import java.nio.charset.StandardCharsets;
import org.arshif.content.Dispatch;

/**
 * The URL scheme. Paths here are site paths: start with {@code /}, unencoded, without the base path.
 * {@link #href} turns one into a link; {@link #file} into the file that serves it.
 */
public final class Routes {
    private final String basePath;
    private final String origin;

    public Routes(String basePath, String origin) {
        this.basePath = basePath;
        this.origin = origin;
    }

    public static String home(String lang, int page) {
        return paged("/" + lang + "/", page);
    }

    /** An article's site path: set when it was read, from the {@code permalinks} pattern that applies to it. */
    public static String article(Dispatch d) {
        return d.permalink();
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits);
    }

    public static String tag(String lang, String key, int page) {
        return paged("/" + lang + "/tags/" + key + "/", page);
    }

    /** A category's list (Hugo's {@code categories}): {@code /en/categories/economy/}, as Hugo puts it. */
    public static String category(String lang, String key, int page) {
        return paged("/" + lang + "/categories/" + key + "/", page);
    }

    /** The index of a language's categories. */
    public static String categories(String lang) {
        return "/" + lang + "/categories/";
    }

    public static String categoryFeed(String lang, String key) {
        return "/" + lang + "/categories/" + key + "/feed.xml";
    }

    /** A section's list: {@code /ar/economy/}, {@code /ar/economy/gulf/page/2/}. */
    public static String section(String lang, String section, int page) {
        return paged("/" + lang + "/" + section + "/", page);
    }

    public static String sectionFeed(String lang, String section) {
        return "/" + lang + "/" + section + "/feed.xml";
    }

    /** The index of a language's sections. */
    public static String sections(String lang) {
        return "/" + lang + "/sections/";
    }

    public static String tags(String lang) {
        return "/" + lang + "/tags/";
    }

    public static String year(String lang, int year, int page) {
        StringBuilder sb = new StringBuilder(12).append('/').append(lang).append('/');
        return paged(pad(sb, year, 4).append('/').toString(), page);
    }

    public static String month(String lang, int year, int month, int page) {
        StringBuilder sb = new StringBuilder(16).append('/').append(lang).append('/');
        pad(sb, year, 4).append('/');
        return paged(pad(sb, month, 2).append('/').toString(), page);
    }

    public static String archive(String lang) {
        return "/" + lang + "/archive/";
    }

    public static String search(String lang) {
        return "/" + lang + "/search/";
    }

    public static String feed(String lang) {
        return "/" + lang + "/feed.xml";
    }

    public static String tagFeed(String lang, String key) {
        return "/" + lang + "/tags/" + key + "/feed.xml";
    }

    private static String paged(String first, int page) {
        return page <= 1 ? first : first + "page/" + page + "/";
    }

    /** The file that serves a site path: {@code /ar/} → {@code ar/index.html}. */
    public static String file(String sitePath) {
        String p = sitePath.startsWith("/") ? sitePath.substring(1) : sitePath;
        return p.isEmpty() || p.endsWith("/") ? p + "index.html" : p;
    }

    /** A link to a site path: base path prepended, every byte outside the URL-safe set percent-encoded. */
    public String href(String sitePath) {
        return basePath + encodePath(sitePath);
    }

    /** An absolute URL when the base URL is known, else the same as {@link #href}. */
    public String absolute(String sitePath) {
        return origin + href(sitePath);
    }

    /**
     * A link for an HTML attribute or JSON-LD: an IRI (RFC 3987), the path's letters left as UTF-8, so an Arabic
     * letter costs 2 bytes instead of the 6 of its {@code %XX%XX}. HTML's URL parser percent-encodes them when it
     * follows the link, so browsers and crawlers request the same URL as {@link #href}'s. Sitemaps, feeds and
     * {@code og:url}, read by parsers that want URIs, keep {@link #href}'s form.
     */
    public String iri(String sitePath) {
        return basePath + iriPath(sitePath);
    }

    /** {@link #iri}, absolute when the base URL is known. */
    public String absoluteIri(String sitePath) {
        return origin + iri(sitePath);
    }

    public String basePath() {
        return basePath;
    }

    private static boolean isUrlSafe(String path) {
        for (int i = 0; i < path.length(); i++) {
            if (!isUrlSafe(path.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUrlSafe(int c) {
        return c >= 'a' && c <= 'z'
                || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9'
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '/';
    }

    /**
     * A path as an IRI path: ASCII outside the URL-safe set and every code point RFC 3987 keeps out of an IRI
     * (controls, bidi formatting marks, non-characters, private use) percent-encoded; other letters kept.
     */
    public static String iriPath(String path) {
        if (isUrlSafe(path)) {
            return path;
        }
        StringBuilder sb = new StringBuilder(path.length() + 16);
        for (int i = 0; i < path.length(); ) {
            int cp = path.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (cp < 0x80 ? isUrlSafe(cp) : isIriLetter(cp)) {
                sb.appendCodePoint(cp); // a URL-safe ASCII character is its own encoding: no substring for it
            } else {
                sb.append(encodePath(path.substring(i, next)));
            }
            i = next;
        }
        return sb.toString();
    }

    /** RFC 3987's {@code ucschar}, less the bidi formatting characters its section 4.1 forbids. */
    private static boolean isIriLetter(int cp) {
        boolean ucschar = cp > 0xA0 && cp <= 0xD7FF
                || cp >= 0xF900 && cp <= 0xFDCF
                || cp >= 0xFDF0 && cp <= 0xFFEF
                || cp >= 0x10000 && cp <= 0xEFFFD && (cp & 0xFFFF) <= 0xFFFD && (cp < 0xE0000 || cp > 0xE0FFF);
        boolean bidiFormat = cp == 0x200E
                || cp == 0x200F
                || cp >= 0x202A && cp <= 0x202E
                || cp >= 0x2066 && cp <= 0x2069
                || cp == 0x061C;
        // Spaces (no-break, line and paragraph separators) stay encoded: a link must read as one word.
        return ucschar && !bidiFormat && !Character.isSpaceChar(cp);
    }

    public static String encodePath(String path) {
        if (isUrlSafe(path)) {
            return path;
        }
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUrlSafe(c)) {
                sb.append((char) c);
            } else {
                sb.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return sb.toString();
    }
}
