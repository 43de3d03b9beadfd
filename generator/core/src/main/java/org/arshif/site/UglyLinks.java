package org.arshif.site;

import java.util.HashSet;
import java.util.Set;
import org.arshif.config.SiteConfig;
import org.arshif.content.Dispatch;
import org.arshif.internal.PercentDecoding;

/**
 * With {@code uglyUrls} an article is one file, {@code /en/2017/05/slug.html}. A link an editor wrote to its folder
 * form ({@code /en/2017/05/slug/}, its URL without the setting) would find nothing on a static host, so the pages
 * rewrite it to the file, and the check accepts it: turning the setting on or off breaks no link of the archive.
 * Only links from the site's root (or to the site's own origin) are rewritten; a relative link resolves against the
 * page's folder, which the setting moves, and the check reports it where it no longer leads anywhere.
 */
public final class UglyLinks {
    private static final UglyLinks NONE = new UglyLinks("", "", Set.of(), Set.of());
    private static final String HREF = "href=\"";

    private final String basePath;
    private final String origin;
    /** The published articles' site paths that end in {@code .html}. */
    private final Set<String> articles;
    /** The others' (page bundles, front-matter {@code url:}): a link to one of them is left alone. */
    private final Set<String> folders;

    private UglyLinks(String basePath, String origin, Set<String> articles, Set<String> folders) {
        this.basePath = basePath;
        this.origin = origin;
        this.articles = articles;
        this.folders = folders;
    }

    /** The published articles of {@code model} that are files; none without {@code uglyUrls}. */
    public static UglyLinks of(SiteModel model) {
        SiteConfig config = model.config();
        if (!config.uglyUrls()) {
            return NONE;
        }
        Set<String> files = new HashSet<>();
        Set<String> folders = new HashSet<>();
        for (String lang : model.languages()) {
            for (Dispatch d : model.articles(lang)) {
                (Routes.article(d).endsWith(".html") ? files : folders).add(Routes.article(d));
            }
        }
        return new UglyLinks(config.decodedBasePath(), config.origin(), Set.copyOf(files), Set.copyOf(folders));
    }

    /**
     * The article a link's decoded site path (base path taken off) names in its folder form, {@code /x/slug/} for
     * {@code /x/slug.html}; null when it names none. A path with {@code .} or {@code ..} segments is left alone.
     */
    public String article(String decodedSitePath) {
        if (articles.isEmpty()
                || decodedSitePath.length() < 2
                || !decodedSitePath.endsWith("/")
                || decodedSitePath.contains("/./")
                || decodedSitePath.contains("/../")
                || folders.contains(decodedSitePath)) {
            return null;
        }
        String file = decodedSitePath.substring(0, decodedSitePath.length() - 1) + ".html";
        return articles.contains(file) ? file : null;
    }

    /** {@code html} with its {@code href}s to an article's folder form pointing at the article's file. */
    public String rewrite(String html) {
        if (articles.isEmpty() || !html.contains(HREF)) {
            return html;
        }
        StringBuilder out = null;
        int copied = 0;
        for (int at = html.indexOf(HREF); at >= 0; at = html.indexOf(HREF, at + 1)) {
            int start = at + HREF.length();
            int end = html.indexOf('"', start);
            if (end < 0) {
                break;
            }
            String href = html.substring(start, end);
            int slash = folderSlash(href);
            if (slash >= 0) {
                out = out == null ? new StringBuilder(html.length() + 64) : out;
                out.append(html, copied, start + slash).append(".html");
                // The slash as written: '/', or '%2F' where the editor encoded it.
                copied = start + slash + (href.charAt(slash) == '/' ? 1 : 3);
            }
        }
        return out == null ? html : out.append(html, copied, html.length()).toString();
    }

    /**
     * Where the path of an {@code href} value ends in the slash of an article's folder form ({@code /} or an encoded
     * {@code %2F}); -1 when it does not.
     */
    private int folderSlash(String href) {
        int from = !origin.isEmpty() && href.startsWith(origin + "/") ? origin.length() : 0;
        if (!href.startsWith("/", from) || href.startsWith("//", from)) {
            return -1;
        }
        int end = href.length();
        for (int i = from; i < href.length(); i++) {
            char c = href.charAt(i);
            if (c == '#' || c == '?') {
                end = i;
                break;
            }
        }
        String decoded = PercentDecoding.decode(href.substring(from, end));
        if (decoded == null) {
            return -1;
        }
        if (!basePath.isEmpty()) {
            if (!decoded.startsWith(basePath + "/")) {
                return -1;
            }
            decoded = decoded.substring(basePath.length());
        }
        if (article(decoded) == null) {
            return -1;
        }
        return href.charAt(end - 1) == '/' ? end - 1 : end - 3; // decoded, the path ends in '/': '/' or '%2F'
    }
}
