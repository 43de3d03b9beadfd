package org.arshif.check;

import java.util.Map;
import java.util.Set;
import org.arshif.config.SiteConfig;
import org.arshif.content.Dispatch;
import org.arshif.content.Media;
import org.arshif.content.TagVocabulary;
import org.arshif.site.Routes;
import org.arshif.site.SiteModel;
import org.arshif.site.UglyLinks;

/**
 * What the checks of each dispatch read: the site's settings and vocabulary, the whole archive's model, the
 * published files and those of the archive with drafts, the dispatches by source path, and whether to look for the
 * notices only {@code check} reports, and (with {@code uglyUrls}) the articles whose folder form a link may name.
 */
record Context(
        SiteConfig config,
        TagVocabulary vocabulary,
        SiteModel everything,
        Routes routes,
        Set<String> publishedFiles,
        Set<String> allFiles,
        Map<String, Dispatch> bySource,
        MarkdownLinks markdown,
        Media media,
        UglyLinks uglyLinks,
        boolean notices) {

    /** With {@code uglyUrls}, whether a link from the root names an article's folder form, rewritten to its file. */
    boolean namesArticleFolder(String decoded) {
        return decoded.startsWith("/") && uglyLinks.article(decoded) != null;
    }

    /** With {@code uglyUrls}, whether a link from the root names a draft's or a scheduled article's folder form. */
    boolean namesUnpublishedArticleFolder(String decoded) {
        return config.uglyUrls()
                && decoded.startsWith("/")
                && decoded.endsWith("/")
                && decoded.length() > 1
                && allFiles.contains(Routes.file(decoded.substring(0, decoded.length() - 1) + ".html"));
    }
}
